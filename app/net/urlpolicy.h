#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace SeqDrop {

// HTTPS everywhere, except plain HTTP to this machine (the sandbox). Applied both to the API
// base URL the user configures and to every upload URL a server hands out, so a compromised
// or misconfigured server cannot make us send a file in clear text.
class UrlPolicy {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::UrlPolicy)
public:
    static bool isLoopback(const QUrl &url);
    // Returns an empty string when allowed, else a message naming the URL and what to do.
    static QString check(const QUrl &url, const QString &purpose);
    // True when both URLs share scheme, host and port: the key only ever goes to the API origin.
    static bool sameOrigin(const QUrl &a, const QUrl &b);
};

} // namespace SeqDrop
