#include "validation/filenamecheck.h"

#include "validation/validationreport.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace SeqDrop {

namespace {

QString bareName(const QString &fileName) {
    return QFileInfo(fileName).fileName();
}

bool isRecommended(QChar c) {
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' ||
           u == '-' || u == '.';
}

// Letters NFKD does not decompose into ASCII.
QString transliterateSpecial(QChar c) {
    switch (c.unicode()) {
    case 0x00DF:
        return QStringLiteral("ss"); // ß
    case 0x00C6:
        return QStringLiteral("AE");
    case 0x00E6:
        return QStringLiteral("ae");
    case 0x00D8:
        return QStringLiteral("O");
    case 0x00F8:
        return QStringLiteral("o");
    case 0x0152:
        return QStringLiteral("OE");
    case 0x0153:
        return QStringLiteral("oe");
    case 0x0141:
        return QStringLiteral("L");
    case 0x0142:
        return QStringLiteral("l");
    case 0x0110:
        return QStringLiteral("D");
    case 0x0111:
        return QStringLiteral("d");
    case 0x00DE:
        return QStringLiteral("TH");
    case 0x00FE:
        return QStringLiteral("th");
    case 0x00B5:
        return QStringLiteral("u"); // µ (micro)
    default:
        return QString();
    }
}

} // namespace

bool FileNameCheck::isAscii(const QString &fileName) {
    for (QChar c : fileName)
        if (c.unicode() >= 0x80)
            return false;
    return true;
}

bool FileNameCheck::matchesServerPattern(const QString &fileName) {
    // \w spelled out as ASCII: the ASCII rule is checked separately and explained better.
    static const QRegularExpression pattern(
        QStringLiteral(R"(^[A-Za-z0-9_.]+[A-Za-z0-9_\-.\[\](){} ]*\.[A-Za-z0-9_.]+$)"));
    return pattern.match(fileName).hasMatch();
}

QString FileNameCheck::problem(const QString &fileName) {
    const QString name = bareName(fileName);
    if (name.isEmpty())
        return tr("the file name is empty.");
    for (QChar c : name) {
        if (c.unicode() >= 0x80)
            return tr("the name \"%1\" has the character '%2', but One Codex "
                      "accepts only plain ASCII names (letters A-Z, digits, '-', "
                      "'_', '.'). Upload it as \"%3\".")
                .arg(name, c, safeName(name));
    }
    if (matchesServerPattern(name))
        return QString();
    if (!name.contains(QLatin1Char('.')) || name.endsWith(QLatin1Char('.')))
        return tr("the name \"%1\" has no extension; One Codex needs one such as "
                  ".fastq.gz or .fasta.")
            .arg(name);
    QString bad;
    for (QChar c : name)
        if (!isRecommended(c) && !QStringLiteral("[](){} ").contains(c)) {
            bad = c;
            break;
        }
    if (bad.isEmpty())
        bad = name.left(1); // a name may not start with ' ', '-', or a bracket
    return tr("the name \"%1\" is not accepted by One Codex (because of '%2'); "
              "names may use letters, digits, '-', '_' and '.'. Upload it as "
              "\"%3\".")
        .arg(name, bad, safeName(name));
}

QString FileNameCheck::safeName(const QString &fileName) {
    const QString name = bareName(fileName);
    QString out;
    out.reserve(name.size());
    for (QChar c : name) {
        if (isRecommended(c)) {
            out += c;
            continue;
        }
        QString ascii = transliterateSpecial(c);
        if (ascii.isEmpty() && c.unicode() >= 0x80) {
            // é -> e + combining accent: keep the ASCII letters of the decomposition.
            for (QChar d : QString(c).normalized(QString::NormalizationForm_KD))
                if (isRecommended(d))
                    ascii += d;
        }
        out += ascii.isEmpty() ? QStringLiteral("_") : ascii;
    }
    // Tidy what replacing left behind: "a  (copy).fq" -> "a_copy.fq", not "a___copy_.fq".
    static const QRegularExpression runs(QStringLiteral("_{2,}"));
    out.replace(runs, QStringLiteral("_"));
    static const QRegularExpression beforeDot(QStringLiteral("_+\\."));
    out.replace(beforeDot, QStringLiteral("."));
    while (out.startsWith(QLatin1Char('-'))) // the server wants a letter, digit, '_' or '.'
        out.remove(0, 1);
    if (out.isEmpty())
        out = QStringLiteral("sample");
    return out;
}

QString FileNameCheck::sizeProblem(qint64 bytes) {
    if (bytes <= MaxStandardUploadBytes)
        return QString();
    return tr("the file is %1 GB (%2 bytes); One Codex accepts at most 20 GB "
              "(20,000,000,000 bytes) per file in a standard upload. Split it into "
              "smaller files (for example per lane), or compress it with gzip.")
        .arg(ValidationReport::decimal(double(bytes) / 1e9), ValidationReport::number(bytes));
}

} // namespace SeqDrop
