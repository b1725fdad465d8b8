#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace SeqDrop {

TranslationLoader::~TranslationLoader() {
    uninstall();
}

QString TranslationLoader::resourceDir() {
    return QStringLiteral(":/i18n");
}

QString TranslationLoader::install(const QLocale &locale) {
    uninstall();
    // load(QLocale) walks the locale's UI languages in order (LANGUAGE=fr:de tries French, then
    // German) and drops the territory (de_AT finds seqdrop_de).
    m_appLoaded = m_app.load(locale, QStringLiteral("seqdrop"), QStringLiteral("_"), resourceDir());
    if (!m_appLoaded)
        m_appLoaded = m_app.load(QStringLiteral("seqdrop_en"), resourceDir());
    if (m_appLoaded)
        QCoreApplication::installTranslator(&m_app);
    const QString language = m_appLoaded ? m_app.language() : QStringLiteral("en");

    // Qt's dialogs in the same language as SeqDrop's texts, not in the next one the locale
    // lists: an English window with German "Abbrechen" buttons would read as broken.
    m_qtLoaded = m_qt.load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (m_qtLoaded)
        QCoreApplication::installTranslator(&m_qt);
    return QLocale(language).name().section(QLatin1Char('_'), 0, 0);
}

void TranslationLoader::uninstall() {
    if (m_appLoaded)
        QCoreApplication::removeTranslator(&m_app);
    if (m_qtLoaded)
        QCoreApplication::removeTranslator(&m_qt);
    m_appLoaded = m_qtLoaded = false;
}

} // namespace SeqDrop
