#pragma once

#include <QStringList>

namespace SeqDrop {

// Keeps secrets out of logs and diagnostics: the API key (and any other registered secret)
// wherever it appears, Basic credentials, and the presigned form's policy, signatures and
// credentials, which would let anyone upload into the account's storage until they expire.
class Redactor {
public:
    static QString redact(const QString &text);

    // Secrets shorter than 8 characters are ignored: redacting "a" would shred every line.
    static void addSecret(const QString &secret);
    static void clearSecrets();
    // Routes every Qt log message through redact() before the previous handler prints it.
    static void installMessageHandler();

    static constexpr const char *Mask = "[redacted]";
};

} // namespace SeqDrop
