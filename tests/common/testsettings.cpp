#include "testsettings.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>

namespace TestSettings {

void useFolder(const QString &dir) {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    QCoreApplication::setOrganizationName(QStringLiteral("SeqDropTest"));
}

QByteArray fileText() {
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace TestSettings

void useTestSettings(const QString &dir) {
    qputenv("SEQDROP_KEYCHAIN", "off");
    TestSettings::useFolder(dir);
}
