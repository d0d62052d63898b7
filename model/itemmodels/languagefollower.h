// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QEvent>
#include <QObject>

namespace portolan {

// Models make their words when asked (headers, summaries, step details), so a translator
// installed while the console runs changes them all: this child of a model watches the
// application for QEvent::LanguageChange and tells the views to ask again.
class LanguageFollower : public QObject
{
public:
    explicit LanguageFollower(QAbstractItemModel* model) : QObject(model), m_model(model)
    {
        if (QCoreApplication* app = QCoreApplication::instance())
            app->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance()) {
            const int columns = m_model->columnCount();
            const int rows = m_model->rowCount();
            if (columns > 0)
                emit m_model->headerDataChanged(Qt::Horizontal, 0, columns - 1);
            if (rows > 0 && columns > 0)
                emit m_model->dataChanged(m_model->index(0, 0),
                                          m_model->index(rows - 1, columns - 1));
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QAbstractItemModel* m_model;
};

} // namespace portolan
