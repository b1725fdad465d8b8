#pragma once

#include <QStringList>
#include <QWidget>

class QCompleter;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStringListModel;

namespace SeqDrop {

// Tags as a list plus an entry line completed from the account's existing tags. The entry
// refuses a 31st character as it is typed (One Codex's limit), and says why.
class TagEditor : public QWidget {
    Q_OBJECT
public:
    explicit TagEditor(QWidget *parent = nullptr);

    void setKnownTags(const QStringList &tags);
    void setTags(const QStringList &tags);
    QStringList tags() const;
    // Text typed but not yet added: Apply adds it too, so nothing typed is lost.
    bool commitPending();
    QLineEdit *input() const { return m_input; }

Q_SIGNALS:
    void edited();

private:
    void addFromInput();
    void removeSelected();
    void updateHint();

    QLineEdit *m_input;
    QPushButton *m_add;
    QPushButton *m_remove;
    QListWidget *m_list;
    QLabel *m_hint;
    QStringListModel *m_known;
    QCompleter *m_completer;
};

} // namespace SeqDrop
