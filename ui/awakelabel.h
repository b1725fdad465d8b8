#pragma once

#include <QLabel>

namespace SeqDrop {

class SleepInhibitor;

// The status bar's word that the computer is kept awake while uploads run; hidden otherwise.
class AwakeLabel : public QLabel {
    Q_OBJECT
public:
    explicit AwakeLabel(SleepInhibitor *inhibitor, QWidget *parent = nullptr);
};

} // namespace SeqDrop
