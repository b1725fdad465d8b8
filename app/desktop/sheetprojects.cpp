#include "desktop/sheetprojects.h"

#include "upload/queuechecks.h"
#include "upload/sampleupload.h"

namespace SeqDrop {

SheetProjects::SheetProjects(QueueChecks *checks, QObject *parent)
    : QObject(parent)
    , m_checks(checks) {}

void SheetProjects::expect(SampleUpload *sample, const QString &projectName) {
    m_pending.insert(sample, projectName);
    connect(
        sample, &QObject::destroyed, this, [this, sample] { m_pending.remove(sample); },
        Qt::UniqueConnection);
    resolve(sample);
}

void SheetProjects::forget(SampleUpload *sample) {
    if (m_pending.remove(sample))
        m_checks->setProjectProblem(sample, {});
}

void SheetProjects::setProjects(const QList<Project> &projects) {
    m_projects = projects;
    const QList<SampleUpload *> pending = m_pending.keys();
    for (SampleUpload *sample : pending)
        resolve(sample);
}

void SheetProjects::resolve(SampleUpload *sample) {
    const QString name = m_pending.value(sample);
    if (!m_projects) {
        m_checks->setProjectProblem(
            sample, tr("The sample sheet puts it in the project \"%1\", which SeqDrop checks "
                       "once it has your account's projects (sign in).")
                        .arg(name));
        return;
    }
    QString why;
    const Project *project = ProjectList::resolve(*m_projects, name, &why);
    if (!project) {
        m_checks->setProjectProblem(
            sample, tr("The sample sheet's project is unknown: %1 Choose a project in the "
                       "description panel, or fix the sheet and add the files again.")
                        .arg(why));
        return;
    }
    m_pending.remove(sample);
    if (sample->spec().projectId.isEmpty() && sample->isEditable()) {
        SampleSpec spec = sample->spec();
        spec.projectId = project->id;
        sample->setSpec(spec);
    }
    m_checks->setProjectProblem(sample, {});
}

} // namespace SeqDrop
