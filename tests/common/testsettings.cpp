#include "testsettings.h"

#include <QCoreApplication>
#include <QSettings>

void useTestSettings(const QString &dir) {
    qputenv("SEQDROP_KEYCHAIN", "off");
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    QCoreApplication::setOrganizationName(QStringLiteral("SeqDropTest"));
}
