#include "sheetreport.h"

#include <QFileInfo>

using SeqDrop::SampleIntake;

namespace SheetReport {

QStringList notes(const SampleIntake::Plan &plan, bool rowsWithoutFilesStop) {
    const SampleIntake::Plan::Sheet &sheet = plan.sheet;
    QStringList out;
    if (sheet.path.isEmpty() || !sheet.error.isEmpty())
        return out;
    out << QStringLiteral("%1 sample(s) described by %2%3")
               .arg(sheet.described)
               .arg(sheet.name, sheet.runName.isEmpty()
                                    ? QString()
                                    : QStringLiteral(" (run %1)").arg(sheet.runName));
    if (sheet.keptTyped > 0)
        out << QStringLiteral("%1 value(s) given on the command line kept over the sheet's")
                   .arg(sheet.keptTyped);
    if (!sheet.undetermined.isEmpty()) {
        QStringList names;
        for (const SeqDrop::SampleSpec &spec : sheet.undetermined)
            names << QFileInfo(spec.file).fileName();
        out << QStringLiteral("left out %1 Undetermined sample(s) (--keep-undetermined sends "
                              "them): %2")
                   .arg(sheet.undetermined.size())
                   .arg(names.join(QStringLiteral(", ")));
    }
    if (!rowsWithoutFilesStop)
        out << sheet.rowsWithoutFiles;
    return out;
}

QStringList problems(const SampleIntake::Plan &plan, bool rowsWithoutFilesStop) {
    const SampleIntake::Plan::Sheet &sheet = plan.sheet;
    if (sheet.path.isEmpty())
        return {};
    if (!sheet.error.isEmpty())
        return {sheet.error};
    QStringList out = sheet.unmatched + sheet.problems;
    if (rowsWithoutFilesStop)
        out << sheet.rowsWithoutFiles;
    return out;
}

} // namespace SheetReport
