#pragma once

#include <QList>

namespace SeqDrop {

class SampleUpload;
class Session;
class UploadQueue;
class WindowActions;

// Which of the window's commands can be used now, from the selected rows, the queue and the
// session, worked out in one place so that no button offers what would do nothing.
class ActionAvailability {
public:
    static void apply(WindowActions *actions, const QList<SampleUpload *> &selected,
                      const UploadQueue *queue, const Session *session);
};

} // namespace SeqDrop
