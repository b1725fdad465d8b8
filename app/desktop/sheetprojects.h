#pragma once

#include "samples/projectlist.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QSet>

#include <optional>

namespace SeqDrop {

class QueueChecks;
class SampleUpload;
class UploadQueue;

// The projects sample sheets name (SampleSpec::pendingProject), found among the account's
// projects for the window, which may have the list only later (signed in after the drop, the
// sandbox starting, a queue restored from the journal). Until a sample's project is found, it
// waits (a hold through QueueChecks) rather than uploading without it; a name the account does
// not have keeps it waiting, saying which projects exist, until the user picks one in the
// panel. Never sent to the wrong project, never silently to none.
class SheetProjects : public QObject {
    Q_OBJECT
public:
    SheetProjects(UploadQueue *queue, QueueChecks *checks, QObject *parent = nullptr);

    // Looks after the sample if its description names a project still to find (samples the
    // queue takes are followed by themselves; a sheet applied to queued rows calls this).
    void follow(SampleUpload *sample);
    // The account's projects, as AccountLists loads them.
    void setProjects(const QList<Project> &projects);
    // The account's projects as last loaded, if they were (an intake finds names in them).
    const std::optional<QList<Project>> &projects() const { return m_projects; }
    int pendingCount() const { return int(m_pending.size()); }

private:
    void resolve(SampleUpload *sample);
    void settle(SampleUpload *sample);

    QueueChecks *m_checks;
    std::optional<QList<Project>> m_projects;
    QSet<SampleUpload *> m_pending;
};

} // namespace SeqDrop
