#include "desktop/sheetprojects.h"

#include "upload/queuechecks.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

namespace SeqDrop {

SheetProjects::SheetProjects(UploadQueue *queue, QueueChecks *checks, QObject *parent)
    : QObject(parent)
    , m_checks(checks) {
    connect(queue, &UploadQueue::samplesAdded, this, [this](const QList<SampleUpload *> &added) {
        for (SampleUpload *sample : added)
            follow(sample);
    });
}

void SheetProjects::follow(SampleUpload *sample) {
    if (sample->spec().pendingProject.isEmpty() || m_pending.contains(sample))
        return;
    m_pending.insert(sample);
    // Chosen in the panel, undone, found: each arrives as a new description.
    connect(sample, &SampleUpload::specChanged, this, [this, sample] { resolve(sample); });
    connect(sample, &QObject::destroyed, this, [this, sample] { m_pending.remove(sample); });
    resolve(sample);
}

void SheetProjects::setProjects(const QList<Project> &projects) {
    m_projects = projects;
    const QList<SampleUpload *> pending = m_pending.values();
    for (SampleUpload *sample : pending)
        resolve(sample);
}

void SheetProjects::settle(SampleUpload *sample) {
    m_pending.remove(sample);
    disconnect(sample, nullptr, this, nullptr);
    m_checks->setProjectProblem(sample, {});
}

void SheetProjects::resolve(SampleUpload *sample) {
    const SampleSpec &spec = sample->spec();
    if (spec.pendingProject.isEmpty() || !spec.projectId.isEmpty()) {
        settle(sample); // found, chosen by hand, or the sheet undone
        return;
    }
    if (!m_projects) {
        m_checks->setProjectProblem(
            sample, tr("The sample sheet puts it in the project \"%1\", which SeqDrop checks "
                       "once it has your account's projects (sign in).")
                        .arg(spec.pendingProject));
        return;
    }
    QString why;
    const Project *project = ProjectList::resolve(*m_projects, spec.pendingProject, &why);
    if (!project) {
        m_checks->setProjectProblem(
            sample, tr("The sample sheet's project is unknown: %1 Choose a project in the "
                       "description panel, or fix the sheet and add the files again.")
                        .arg(why));
        return;
    }
    SampleSpec found = spec;
    found.projectId = project->id;
    found.pendingProject.clear();
    settle(sample);
    sample->setSpec(found); // refused once started: it waited, so it has not
}

} // namespace SeqDrop
