#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace SeqDrop {

// Server address, parallel uploads, and whether uploads start by themselves. Reads and writes
// AppSettings; the window applies the result.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void accept() override;

private:
    QLineEdit *m_url;
    QSpinBox *m_parallel;
    QCheckBox *m_autoStart;
    QLabel *m_error;
};

} // namespace SeqDrop
