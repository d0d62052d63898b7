// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/orderedjsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QString>

namespace portolan {
namespace {

// A scalar as QJsonDocument writes it: the one element of a compact array, brackets dropped.
QByteArray scalarJson(const QJsonValue& value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

void OrderedJsonWriter::beginObject(const char* key)
{
    begin(key, '{', '}');
}

void OrderedJsonWriter::beginArray(const char* key)
{
    begin(key, '[', ']');
}

void OrderedJsonWriter::end()
{
    Q_ASSERT(!m_levels.isEmpty());
    const Level level = m_levels.takeLast();
    // An empty object or array stays on its line: "[]".
    if (!level.empty)
        newLine(m_levels.size());
    m_out += level.close;
}

void OrderedJsonWriter::value(const char* key, const QJsonValue& value)
{
    Q_ASSERT(!value.isObject() && !value.isArray()); // QJsonObject would sort the keys
    startItem(key);
    m_out += scalarJson(value);
}

QByteArray OrderedJsonWriter::toJson() const
{
    Q_ASSERT(m_levels.isEmpty());
    return m_out + '\n';
}

void OrderedJsonWriter::begin(const char* key, char open, char close)
{
    startItem(key);
    m_out += open;
    m_levels.append({close, true});
}

void OrderedJsonWriter::startItem(const char* key)
{
    Q_ASSERT(m_levels.isEmpty() || (key != nullptr) == (m_levels.last().close == '}'));
    if (!m_levels.isEmpty()) {
        if (!m_levels.last().empty)
            m_out += ',';
        m_levels.last().empty = false;
        newLine(m_levels.size());
    }
    if (key) {
        m_out += scalarJson(QString::fromUtf8(key));
        m_out += ": ";
    }
}

void OrderedJsonWriter::newLine(qsizetype depth)
{
    m_out += '\n';
    m_out += QByteArray(2 * depth, ' ');
}

} // namespace portolan
