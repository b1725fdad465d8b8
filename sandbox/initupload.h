#pragma once

#include "sandboxstore.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Validation of an init_upload body, with the specific messages One Codex
// gives. Kept apart from the routes because it is the longest, most
// rule-heavy part of the API.
namespace InitUpload {

struct Parsed {
    SandboxStore::Sample sample; // without id/status, filled by the store
    QStringList tagNames;
};

// Returns an empty string when valid (and fills *parsed), else the message
// for the 400 answer.
QString parse(const QJsonObject &body, const SandboxStore &store, Parsed *parsed);

// The filename rule of the One Codex server, ASCII only.
bool isValidFilename(const QString &name);

} // namespace InitUpload
