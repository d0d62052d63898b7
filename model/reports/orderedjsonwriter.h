// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>

// Writes a JSON document with its keys in the order they are given and a two-space indent,
// the form the JSON report has always had (its readers and its goldens expect it).
// QJsonDocument alone cannot: QJsonObject keeps its keys sorted and toJson() indents by four.
// So only the nesting and the layout are done here; every scalar is a QJsonValue that
// QJsonDocument writes (its string escaping, its numbers).
namespace portolan {

class OrderedJsonWriter
{
public:
    // Members of an object (with a key) or elements of an array (without one).
    void beginObject(const char* key = nullptr);
    void beginArray(const char* key = nullptr);
    void end(); // of the innermost object or array
    // A scalar (null, bool, number, string); an object or array must be begun and ended.
    void value(const char* key, const QJsonValue& value);
    void value(const QJsonValue& value) { this->value(nullptr, value); }

    // The document, ending in a newline. Every object and array must have been ended.
    QByteArray toJson() const;

private:
    struct Level
    {
        char close;
        bool empty;
    };
    void begin(const char* key, char open, char close);
    void startItem(const char* key);
    void newLine(qsizetype depth);

    QByteArray m_out;
    QList<Level> m_levels;
};

} // namespace portolan
