#pragma once

#include <QToolButton>

namespace SeqDrop {

class BandwidthControl;

// The status bar's quick toggle of the upload limit: it says what applies now ("Uploads limited
// to 5.0 MB/s until 18:00") and a click turns the limit on or off (the rate and schedule are set
// in Settings). Running uploads follow within a second.
class BandwidthButton : public QToolButton {
    Q_OBJECT
public:
    explicit BandwidthButton(BandwidthControl *control, QWidget *parent = nullptr);

private:
    void refresh();

    BandwidthControl *m_control;
};

} // namespace SeqDrop
