#include "intake/sheetintake.h"

#include "sheets/samplesheet.h"
#include "sheets/sheetdescriber.h"
#include "sheets/sheetmatcher.h"

#include "upload/sampleupload.h"

#include <QFileInfo>

namespace SeqDrop {

QString SheetIntake::findSheet(SampleIntake::Plan &plan) {
    int found = -1;
    for (int i = 0; i < plan.skipped.size(); ++i) {
        const QString name = QFileInfo(plan.skipped.at(i).path).fileName();
        if (!SampleSheet::isSheetName(name))
            continue;
        // SampleSheet.csv itself before other sheets (a run folder may keep an older copy).
        if (found < 0 || name.compare(QLatin1String("SampleSheet.csv"), Qt::CaseInsensitive) == 0)
            found = i;
    }
    return found < 0 ? QString() : plan.skipped.takeAt(found).path;
}

SampleSheet SheetIntake::read(const QString &path, SampleIntake::Plan::Sheet &use) {
    use.path = path;
    const SampleSheet sheet = SampleSheet::read(path);
    use.name = sheet.name();
    use.error = sheet.error();
    use.runName = sheet.runName();
    return sheet;
}

void SheetIntake::apply(SampleIntake::Plan &plan, const IntakeOptions &options) {
    const QString path = !options.sampleSheet.isEmpty() ? options.sampleSheet
                         : options.findSheet            ? findSheet(plan)
                                                        : QString();
    if (path.isEmpty())
        return;
    SampleIntake::Plan::Sheet &use = plan.sheet;
    const SampleSheet sheet = read(path, use);
    if (!sheet.isValid())
        return;
    const SheetMatcher::Result match = SheetMatcher::match(sheet, plan.samples);
    QList<SampleSpec> kept;
    for (int i = 0; i < plan.samples.size(); ++i) {
        SampleSpec spec = plan.samples.at(i);
        if (match.undetermined.contains(i) && !options.keepUndetermined) {
            use.undetermined.append(spec);
            continue;
        }
        const int row = match.sampleOf.value(i, -1);
        if (row >= 0) {
            use.before.insert(int(kept.size()), spec);
            const SheetDescriber::Described d =
                SheetDescriber::describe(sheet, sheet.samples().at(row), nullptr);
            d.description.applyTo(spec);
            QString unknown;
            const Project *project =
                d.project.isEmpty() || !options.projects
                    ? nullptr
                    : ProjectList::resolve(*options.projects, d.project, &unknown);
            if (project)
                spec.projectId = project->id;
            else if (!d.project.isEmpty())
                spec.pendingProject = d.project; // the caller finds it; the sample waits
            options.description.applyTo(spec);   // typed for these samples: it wins
            use.problems << d.problems;
            ++use.described;
        }
        kept.append(spec);
    }
    plan.samples = kept;
    use.unmatched = match.fileProblems;
    use.rowsWithoutFiles = match.rowProblems;
}

SampleIntake::Report SheetIntake::applyTo(const QString &sheetPath,
                                          const QList<SampleUpload *> &samples) {
    SampleIntake::Report report;
    SampleIntake::Plan::Sheet &use = report.sheet;
    const SampleSheet sheet = read(sheetPath, use);
    if (!sheet.isValid())
        return report;
    QList<SampleUpload *> editable;
    QList<SampleSpec> specs;
    for (SampleUpload *s : samples)
        if (s->isEditable() && s->state() != SampleUpload::State::Confirmed) {
            editable << s;
            specs << s->spec();
        }
    const SheetMatcher::Result match = SheetMatcher::match(sheet, specs);
    for (int i = 0; i < editable.size(); ++i) {
        const int row = match.sampleOf.value(i, -1);
        if (row < 0)
            continue;
        const SheetDescriber::Described d =
            SheetDescriber::describe(sheet, sheet.samples().at(row), nullptr);
        SampleSpec spec = specs.at(i);
        d.description.applyTo(spec);
        if (!d.project.isEmpty()) {
            spec.projectId.clear(); // the sheet's project, found for the account (SheetProjects)
            spec.pendingProject = d.project;
        }
        if (!editable.at(i)->setSpec(spec))
            continue;
        const int index = int(report.added.size());
        report.added << editable.at(i);
        use.before.insert(index, specs.at(i));
        use.problems << d.problems;
        ++use.described;
    }
    use.unmatched = match.fileProblems;
    use.rowsWithoutFiles = match.rowProblems;
    return report;
}

} // namespace SeqDrop
