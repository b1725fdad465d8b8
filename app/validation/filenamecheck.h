#pragma once

#include <QCoreApplication>
#include <QString>

namespace SeqDrop {

// The upload file name rules of One Codex, checked before anything is sent:
// - the server's pattern ^[\w\.]+[\w\-\.\[\]\(\)\{\} ]*\.[\w\.]+$ (\w taken as ASCII),
// - ASCII only (the official client refuses other names unless the user agrees to
//   transliterate them),
// - at most 20 GB per file on the standard upload route (GB = 10^9 bytes, as the API docs
//   and storage vendors count; 20 GiB would let through files the server may refuse).
// The local file is never renamed: safeName() is what the upload may use instead, when the
// user accepts it.
class FileNameCheck {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::FileNameCheck)
public:
    static constexpr qint64 MaxStandardUploadBytes = 20'000'000'000;

    // Why the server would refuse this name (a sentence for the user), or empty when it is
    // fine. Takes a bare file name (a path is reduced to its last part).
    static QString problem(const QString &fileName);
    // A name that passes problem() and keeps to the characters the API docs recommend
    // (letters, digits, '-', '_', '.'): accents transliterated (é -> e, ß -> ss), everything
    // else replaced by '_', runs of '_' collapsed. Returns the name unchanged when it already
    // keeps to those characters.
    static QString safeName(const QString &fileName);
    // Why a file of this size cannot go through the standard upload, or empty.
    static QString sizeProblem(qint64 bytes);

    static bool matchesServerPattern(const QString &fileName);
    static bool isAscii(const QString &fileName);
};

} // namespace SeqDrop
