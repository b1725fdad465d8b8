#pragma once

#include <QLocale>
#include <QString>
#include <QTranslator>

namespace SeqDrop {

// Puts the window in the user's language: SeqDrop's own messages (the .qm files built from
// translations/*.ts, embedded under :/i18n, so an installed seqdrop needs no files beside it)
// and Qt's (qtbase_<lang>.qm from Qt's translations folder, for the buttons and texts of
// standard dialogs), both for the first of the locale's UI languages SeqDrop has. With none,
// the English plural forms are loaded, so "%n file(s)" still reads "1 file" and "3 files".
// The translators stay installed while the loader lives.
class TranslationLoader {
public:
    TranslationLoader() = default;
    ~TranslationLoader();
    TranslationLoader(const TranslationLoader &) = delete;
    TranslationLoader &operator=(const TranslationLoader &) = delete;

    // Replaces what an earlier call installed. Returns the language of SeqDrop's messages now
    // shown ("de", or "en" when the locale has no SeqDrop translation).
    QString install(const QLocale &locale = QLocale::system());
    // True when Qt's own translation for that language was found and installed too.
    bool hasQtTranslation() const { return m_qtLoaded; }

    // Where the embedded .qm files live.
    static QString resourceDir();

private:
    void uninstall();

    QTranslator m_app;
    QTranslator m_qt;
    bool m_appLoaded = false;
    bool m_qtLoaded = false;
};

} // namespace SeqDrop
