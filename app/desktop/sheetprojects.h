#pragma once

#include "samples/projectlist.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

namespace SeqDrop {

class QueueChecks;
class SampleUpload;

// The projects a sample sheet names, found among the account's projects for the window, which
// may have the list only later (signed in after the drop, the sandbox starting). Until it is
// found, a sample waits (a hold through QueueChecks) rather than uploading without its project;
// a name the account does not have keeps it waiting with the projects it does have, until the
// user picks one in the panel. Never sent to the wrong project, never silently to none.
class SheetProjects : public QObject {
    Q_OBJECT
public:
    explicit SheetProjects(QueueChecks *checks, QObject *parent = nullptr);

    // The sample's sheet row names this project.
    void expect(SampleUpload *sample, const QString &projectName);
    // The sample no longer takes its project from a sheet (Undo).
    void forget(SampleUpload *sample);
    // The account's projects, as AccountLists loads them.
    void setProjects(const QList<Project> &projects);
    int pendingCount() const { return int(m_pending.size()); }
    // The account's projects as last loaded, if they were (an intake finds names in them).
    const std::optional<QList<Project>> &projects() const { return m_projects; }

private:
    void resolve(SampleUpload *sample);

    QueueChecks *m_checks;
    std::optional<QList<Project>> m_projects;
    QHash<SampleUpload *, QString> m_pending;
};

} // namespace SeqDrop
