// seqdrop-validate-bench FILE...        validate each file, print its report
// seqdrop-validate-bench --pair R1 R2   validate a pair
// Exit 0 when every file is valid. Used by bench/validate_bench.sh next to seqkit.
#include "validation/pairvalidator.h"
#include "validation/sequencevalidator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTextStream>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QTextStream out(stdout);
    if (args.isEmpty()) {
        out << "usage: seqdrop-validate-bench [--json] FILE... | --pair R1 R2\n";
        return 2;
    }
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    QList<SeqDrop::ValidationReport> reports;
    QElapsedTimer timer;
    timer.start();
    if (args.first() == QLatin1String("--pair") && args.size() == 3) {
        reports << SeqDrop::PairValidator::validatePair(args[1], args[2]);
    } else {
        for (const QString &file : args)
            reports << SeqDrop::SequenceValidator::validateFile(file);
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    bool ok = true;
    for (const SeqDrop::ValidationReport &r : reports) {
        ok = ok && r.ok;
        if (json)
            out << QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact) << '\n';
        else
            out << r.toText() << '\n';
    }
    if (!json)
        out << QStringLiteral("validated in %1 s\n").arg(seconds, 0, 'f', 3);
    return ok ? 0 : 1;
}
