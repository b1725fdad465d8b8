#pragma once

#include <QNetworkProxy>
#include <QString>

namespace SeqDrop {

// Which proxy SeqDrop goes through: the system's (default), none, or one the user typed in
// Settings (HTTP or SOCKS5, with an optional user name and password). Everything but the
// password is kept in QSettings; the password lives in the keychain (ProxySetup) and only in
// this struct while SeqDrop runs.
struct ProxySettings {
    enum class Mode { System, None, Http, Socks5 };

    Mode mode = Mode::System;
    QString host;
    quint16 port = 0;
    QString user;
    QString password; // never written by save()

    bool isManual() const { return mode == Mode::Http || mode == Mode::Socks5; }
    // A manual proxy needs a host and a port; empty when it is usable.
    QString problem() const;
    QNetworkProxy manualProxy() const;
    // "system", "none", "http://user@host:port", "socks5://host:port": for diagnostics; never
    // the password.
    QString describe() const;

    static QString modeName(Mode mode);
    static Mode modeFromName(const QString &name);

    static ProxySettings load();
    void save() const;
};

} // namespace SeqDrop
