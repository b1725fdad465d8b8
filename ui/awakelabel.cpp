#include "awakelabel.h"

#include "desktop/sleepinhibitor.h"

namespace SeqDrop {

AwakeLabel::AwakeLabel(SleepInhibitor *inhibitor, QWidget *parent)
    : QLabel(tr("Keeping the computer awake"), parent) {
    setObjectName(QStringLiteral("awakeLabel"));
    setToolTip(tr("Uploads are running: the computer does not go to sleep until they are done "
                  "or paused (the screen may still turn off). Settings turns this off."));
    setVisible(inhibitor->isHeld());
    connect(inhibitor, &SleepInhibitor::heldChanged, this, &QWidget::setVisible);
}

} // namespace SeqDrop
