#include "intake/sheetintake.h"

#include "sheets/samplesheet.h"
#include "sheets/sheetdescriber.h"
#include "sheets/sheetmatcher.h"

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

void SheetIntake::apply(SampleIntake::Plan &plan, const IntakeOptions &options) {
    const QString path = !options.sampleSheet.isEmpty() ? options.sampleSheet
                         : options.findSheet            ? findSheet(plan)
                                                        : QString();
    if (path.isEmpty())
        return;
    SampleIntake::Plan::Sheet &use = plan.sheet;
    use.path = path;
    const SampleSheet sheet = SampleSheet::read(path);
    use.name = sheet.name();
    if (!sheet.isValid()) {
        use.error = sheet.error();
        return;
    }
    use.runName = sheet.runName();
    const SheetMatcher::Result match = SheetMatcher::match(sheet, plan.samples);
    QList<SampleSpec> kept;
    QHash<int, QString> projects;
    for (int i = 0; i < plan.samples.size(); ++i) {
        SampleSpec spec = plan.samples.at(i);
        if (match.undetermined.contains(i) && !options.keepUndetermined) {
            use.undetermined.append(spec);
            continue;
        }
        const int row = match.sampleOf.value(i, -1);
        if (row >= 0) {
            const SheetDescriber::Described d =
                SheetDescriber::describe(sheet, sheet.samples().at(row), nullptr);
            d.description.applyTo(spec);
            options.description.applyTo(spec); // typed for these samples: it wins
            use.problems << d.problems;
            if (!d.project.isEmpty())
                projects.insert(int(kept.size()), d.project);
            ++use.described;
        }
        kept.append(spec);
    }
    plan.samples = kept;
    use.projects = projects;
    use.unmatched = match.fileProblems;
    use.rowsWithoutFiles = match.rowProblems;
}

} // namespace SeqDrop
