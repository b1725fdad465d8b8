#include "samples/filepairer.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace SeqDrop {

namespace {

// One pattern for both reads, the delimiter after the ordinal in a lookahead so that adjacent
// markers ("_1_R1_") do not consume each other's underscore. The LAST marker decides: in
// "s_1_R2_001" the read number is in "_R2_", not in "_1_".
QRegularExpressionMatch lastMarker(const QString &name) {
    static const QRegularExpression marker(QStringLiteral("[._][Rr]?([12])(?=[_.])"));
    QRegularExpressionMatch last;
    QRegularExpressionMatchIterator it = marker.globalMatch(name);
    while (it.hasNext())
        last = it.next();
    return last;
}

QChar readNumber(const QString &name) {
    const QRegularExpressionMatch m = lastMarker(name);
    return m.hasMatch() ? m.captured(1).at(0) : QChar();
}

} // namespace

bool FilePairer::isReadOne(const QString &fileName) {
    return readNumber(fileName) == QLatin1Char('1');
}

bool FilePairer::isReadTwo(const QString &fileName) {
    return readNumber(fileName) == QLatin1Char('2');
}

QString FilePairer::mateName(const QString &fileName) {
    return isReadOne(fileName) ? partnerName(fileName) : QString();
}

QString FilePairer::partnerName(const QString &fileName) {
    const QRegularExpressionMatch m = lastMarker(fileName);
    if (!m.hasMatch())
        return {};
    QString partner = fileName;
    partner[m.capturedStart(1)] =
        m.captured(1) == QLatin1String("1") ? QLatin1Char('2') : QLatin1Char('1');
    return partner;
}

QList<FilePairer::Group> FilePairer::group(const QStringList &files) {
    QHash<QString, int> byPath;
    for (int i = 0; i < files.size(); ++i)
        byPath.insert(QFileInfo(files.at(i)).absoluteFilePath(), i);

    // First find every R1's mate, then emit groups in the order their first file was given.
    QList<int> mateOf(files.size(), -1);
    QList<bool> isReadOne(files.size(), false);
    for (int i = 0; i < files.size(); ++i) {
        const QFileInfo info(files.at(i));
        const QString mate = mateName(info.fileName());
        const int j = mate.isEmpty() ? -1 : byPath.value(info.absoluteDir().filePath(mate), -1);
        if (j >= 0 && j != i && mateOf.at(i) < 0 && mateOf.at(j) < 0) {
            mateOf[i] = j;
            mateOf[j] = i;
            isReadOne[i] = true;
        }
    }
    QList<bool> used(files.size(), false);
    QList<Group> groups;
    for (int i = 0; i < files.size(); ++i) {
        if (used.at(i))
            continue;
        used[i] = true;
        const int j = mateOf.at(i);
        if (j < 0) {
            groups.append({files.at(i), {}});
            continue;
        }
        used[j] = true;
        groups.append(isReadOne.at(i) ? Group{files.at(i), files.at(j)}
                                      : Group{files.at(j), files.at(i)});
    }
    return groups;
}

} // namespace SeqDrop
