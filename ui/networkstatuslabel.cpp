#include "networkstatuslabel.h"

#include "net/networkwatcher.h"
#include "upload/uploadqueue.h"

namespace SeqDrop {

NetworkStatusLabel::NetworkStatusLabel(NetworkWatcher *watcher, const UploadQueue *queue,
                                       QWidget *parent)
    : QLabel(parent)
    , m_watcher(watcher)
    , m_queue(queue) {
    setObjectName(QStringLiteral("networkStatus"));
    setText(tr("Offline - waiting for the network"));
    setAccessibleName(tr("Network status"));
    setToolTip(tr("No new uploads start until the network is back; running ones retry then."));
    connect(watcher, &NetworkWatcher::networkChanged, this, &NetworkStatusLabel::refresh);
    refresh();
}

void NetworkStatusLabel::refresh() {
    setVisible(m_queue->isOffline());
}

} // namespace SeqDrop
