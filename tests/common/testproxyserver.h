#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>

// A small forward proxy on a free loopback port, for tests: HTTP (absolute-URI requests and
// CONNECT tunnels) or SOCKS5, optionally asking for a user name and password (HTTP: 407 with
// Proxy-Authenticate Basic; SOCKS5: RFC 1929). It really forwards, so a client behind it
// reaches the sandbox, and it records every request and every byte it received, so a test can
// check what went through it and what never did. Served from the test's event loop.
class TestProxyServer : public QObject {
    Q_OBJECT
public:
    enum class Kind { Http, Socks5 };

    struct Request {
        QByteArray method;             // GET, POST, CONNECT; "SOCKS5" for a SOCKS connection
        QByteArray target;             // the absolute URL, or host:port
        QByteArray head;               // the HTTP request head as received (empty for SOCKS5)
        QByteArray proxyAuthorization; // the header's value; for SOCKS5 "user:password"
        bool authorized = false;
    };

    explicit TestProxyServer(Kind kind, const QByteArray &user = {},
                             const QByteArray &password = {}, QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    const QList<Request> &requests() const { return m_requests; }
    QList<Request> authorizedRequests() const;
    // Every byte any client sent to the proxy, tunnelled ones included.
    const QByteArray &received() const { return m_received; }
    // Requests refused for lack of (or wrong) credentials.
    int refusals() const { return m_refusals; }

private:
    class Connection;
    friend class Connection;

    void record(const Request &request) { m_requests.append(request); }

    Kind m_kind;
    QByteArray m_user;
    QByteArray m_password;
    QTcpServer m_server;
    QList<Request> m_requests;
    QByteArray m_received;
    int m_refusals = 0;
};
