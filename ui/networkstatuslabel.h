#pragma once

#include <QLabel>

namespace SeqDrop {

class NetworkWatcher;
class UploadQueue;

// The status bar's word on the network: "Offline - waiting for the network" while the system
// says it is down (and the server is not on this computer); hidden otherwise.
class NetworkStatusLabel : public QLabel {
    Q_OBJECT
public:
    NetworkStatusLabel(NetworkWatcher *watcher, const UploadQueue *queue,
                       QWidget *parent = nullptr);

    void refresh();

private:
    NetworkWatcher *m_watcher;
    const UploadQueue *m_queue;
};

} // namespace SeqDrop
