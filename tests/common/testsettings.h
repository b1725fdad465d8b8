#pragma once

#include <QString>

// For GUI tests, before any window exists: settings in `dir` (never the user's), no system
// keychain (the memory fallback, at once), under a test organization name.
void useTestSettings(const QString &dir);
