#include "englishplurals.h"

#include <cstring>

namespace SeqDrop {

QString EnglishPlurals::translate(const char *, const char *sourceText, const char *, int n) const {
    if (n < 0 || !sourceText || !std::strstr(sourceText, "(s)"))
        return {}; // empty: Qt falls back to the source text
    QString text = QString::fromUtf8(sourceText);
    text.replace(QStringLiteral("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    if (n == 1) {
        // The verbs that follow a "(s)" noun in SeqDrop's strings.
        text.replace(QStringLiteral(" are "), QStringLiteral(" is "));
        text.replace(QStringLiteral(" were "), QStringLiteral(" was "));
    }
    return text;
}

} // namespace SeqDrop
