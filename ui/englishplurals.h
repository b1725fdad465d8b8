#pragma once

#include <QTranslator>

namespace SeqDrop {

// The source strings are English with "(s)" plurals ("%n sample(s)"). Without a translation
// file Qt leaves "(s)" as is; this translator resolves it for English, so the window says
// "1 sample" and "3 samples". Real translations, when they come, are installed before it.
class EnglishPlurals : public QTranslator {
    Q_OBJECT
public:
    using QTranslator::QTranslator;

    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText,
                      const char *disambiguation = nullptr, int n = -1) const override;
};

} // namespace SeqDrop
