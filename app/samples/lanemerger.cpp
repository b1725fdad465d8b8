#include "samples/lanemerger.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace SeqDrop {

namespace {

const QRegularExpression &lanePattern() {
    static const QRegularExpression re(QStringLiteral("_L(\\d{3})(?=[_.])"));
    return re;
}

// Files of one lane set share everything but the lane: directory and name without lane.
QString setKey(const SampleSpec &spec) {
    const QFileInfo info(spec.file);
    return info.absolutePath() + QLatin1Char('/') + LaneMerger::withoutLane(info.fileName()) +
           (spec.isPair() ? QStringLiteral("|pair") : QString());
}

} // namespace

int LaneMerger::laneOf(const QString &fileName) {
    const QRegularExpressionMatch m = lanePattern().match(fileName);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

QString LaneMerger::withoutLane(const QString &fileName) {
    QString name = fileName;
    const QRegularExpressionMatch m = lanePattern().match(name);
    if (m.hasMatch())
        name.remove(m.capturedStart(), m.capturedLength());
    return name;
}

LaneMerger::Result LaneMerger::merge(const QList<SampleSpec> &samples) {
    // Each sample's lane and set key worked out once (a run folder holds thousands, and the
    // window asks again whenever its queue changes), then grouped by key.
    QList<int> laneNumbers(samples.size(), 0);
    QList<QString> keys(samples.size());
    QHash<QString, QList<int>> sets;
    for (int i = 0; i < samples.size(); ++i) {
        laneNumbers[i] = laneOf(QFileInfo(samples.at(i).file).fileName());
        if (laneNumbers.at(i) > 0) {
            keys[i] = setKey(samples.at(i));
            sets[keys.at(i)].append(i);
        }
    }

    Result result;
    QList<bool> consumed(samples.size(), false);
    for (int i = 0; i < samples.size(); ++i) {
        if (consumed.at(i))
            continue;
        const QList<int> members = keys.at(i).isEmpty() ? QList<int>{} : sets.value(keys.at(i));
        if (members.size() < 2) {
            result.samples.append(samples.at(i));
            consumed[i] = true;
            continue;
        }
        QList<int> ordered = members;
        std::sort(ordered.begin(), ordered.end(),
                  [&](int a, int b) { return laneNumbers.at(a) < laneNumbers.at(b); });
        for (int index : ordered)
            consumed[index] = true;
        const SampleSpec &first = samples.at(ordered.first());
        const QString name = withoutLane(QFileInfo(first.file).fileName());
        QString problem;
        for (int n = 0; n < ordered.size() && problem.isEmpty(); ++n) {
            const SampleSpec &lane = samples.at(ordered.at(n));
            const int number = laneNumbers.at(ordered.at(n));
            if (number != n + 1)
                problem = tr("%1: lane L%2 is missing (lanes must start at L001 with no gap).")
                              .arg(name)
                              .arg(n + 1, 3, 10, QLatin1Char('0'));
            else if (lane.isPair() && laneOf(QFileInfo(lane.pairedFile).fileName()) != number)
                problem = tr("%1: the R2 file of lane L%2 is from another lane.")
                              .arg(name)
                              .arg(number, 3, 10, QLatin1Char('0'));
        }
        if (!problem.isEmpty()) {
            result.problems << problem;
            for (int index : ordered)
                result.samples.append(samples.at(index));
            continue;
        }
        SampleSpec merged = first;
        merged.uploadName = name;
        if (first.isPair())
            merged.pairedUploadName = withoutLane(QFileInfo(first.pairedFile).fileName());
        for (int n = 1; n < ordered.size(); ++n) {
            merged.moreLanes << samples.at(ordered.at(n)).file;
            if (first.isPair())
                merged.morePairedLanes << samples.at(ordered.at(n)).pairedFile;
        }
        result.merged << tr("%1: lanes L001-L%2")
                             .arg(merged.displayName())
                             .arg(ordered.size(), 3, 10, QLatin1Char('0'));
        result.samples.append(merged);
    }
    return result;
}

} // namespace SeqDrop
