#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace SeqDrop {

// Free key/value metadata (One Codex's `custom` object): whatever the lab records beyond the
// documented fields, such as a plate well or an operator. Values stay text.
class CustomFieldsEditor : public QWidget {
    Q_OBJECT
public:
    explicit CustomFieldsEditor(QWidget *parent = nullptr);

    void setFields(const QJsonObject &custom);
    QJsonObject fields() const;
    // Empty when every row is usable, else the first problem (shown in place too).
    QString problem() const;
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void edited();

private:
    void validate();

    QTableWidget *m_table;
    QLabel *m_error;
    bool m_loading = false;
};

} // namespace SeqDrop
