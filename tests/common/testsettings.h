#pragma once

#include <QByteArray>
#include <QString>

// QSettings in a temporary folder, as an INI file under a test organisation, so that tests
// never read or write the user's settings; and the file's text, to check what was (and what
// never was) written to it.
namespace TestSettings {

void useFolder(const QString &dir);
QByteArray fileText();

} // namespace TestSettings

// For GUI tests, before any window exists: settings in `dir` (TestSettings::useFolder) and no
// system keychain (the memory fallback, at once).
void useTestSettings(const QString &dir);
