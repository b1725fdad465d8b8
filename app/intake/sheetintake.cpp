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

QStringList SheetIntake::describe(const SampleSheet &sheet, int row,
                                  const std::optional<QList<Project>> &projects, SampleSpec &spec,
                                  int *keptTyped) {
    const SheetDescriber::Described d =
        SheetDescriber::describe(sheet, sheet.samples().at(row), nullptr);
    const SampleSpec typed = spec;
    d.description.applyTo(spec);
    QStringList keys = d.description.keys();
    if (!d.project.isEmpty()) {
        keys << QStringLiteral("project");
        QString unknown;
        const Project *project =
            projects ? ProjectList::resolve(*projects, d.project, &unknown) : nullptr;
        spec.projectId = project ? project->id : QString();
        spec.pendingProject = project ? QString() : d.project; // the caller finds it; it waits
    }
    // What the user typed in the panel stays theirs: the sheet fills the rest.
    QStringList kept;
    for (const QString &key : typed.typedFields)
        if (keys.contains(key))
            kept << key;
    spec.copyFields(typed, kept);
    *keptTyped += int(kept.size());
    spec.markFromSheet(sheet.name(), keys);
    return d.problems;
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
            use.problems << describe(sheet, row, options.projects, spec, &use.keptTyped);
            // Typed for these samples: it goes on top of the sheet's row, so it wins, field by
            // field (a typed custom field joins the sheet's custom fields, not replaces them).
            const QStringList typed = options.description.keys();
            for (const QString &key : typed)
                use.keptTyped += spec.sheetFields.contains(key) ? 1 : 0;
            options.description.applyTo(spec);
            spec.markTyped(typed);
            ++use.described;
        }
        kept.append(spec);
    }
    plan.samples = kept;
    use.unmatched = match.fileProblems;
    use.rowsWithoutFiles = match.rowProblems;
}

SampleIntake::Report SheetIntake::applyTo(const QString &sheetPath,
                                          const QList<SampleUpload *> &samples,
                                          const std::optional<QList<Project>> &projects) {
    SampleIntake::Report report;
    SampleIntake::Plan::Sheet &use = report.sheet;
    const SampleSheet sheet = read(sheetPath, use);
    if (!sheet.isValid())
        return report;
    QList<SampleUpload *> editable;
    QList<SampleSpec> specs;
    for (SampleUpload *s : samples)
        if (s->isEditable()) {
            editable << s;
            specs << s->spec();
        }
    const SheetMatcher::Result match = SheetMatcher::match(sheet, specs);
    for (int i = 0; i < editable.size(); ++i) {
        const int row = match.sampleOf.value(i, -1);
        if (row < 0)
            continue;
        SampleSpec spec = specs.at(i);
        // The sheet's project replaces the row's: found now, or by SheetProjects once it can.
        const QStringList problems = describe(sheet, row, projects, spec, &use.keptTyped);
        if (!editable.at(i)->setSpec(spec))
            continue;
        const int index = int(report.added.size());
        report.added << editable.at(i);
        use.before.insert(index, specs.at(i));
        use.problems << problems;
        ++use.described;
    }
    use.unmatched = match.fileProblems;
    use.rowsWithoutFiles = match.rowProblems;
    return report;
}

} // namespace SeqDrop
