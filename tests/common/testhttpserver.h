#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpServer;

// A minimal HTTP/1.1 server on a free loopback port, plain or over TLS (with the test
// certificate in tests/data), for what the sandbox cannot show: certificate errors, redirects
// to another origin, HTTPS through a proxy. Each request gets the raw response the handler
// builds, then the connection is closed. Records the request heads it read, decrypted.
class TestHttpServer : public QObject {
    Q_OBJECT
public:
    // Returns the whole response (status line, headers, body) for one request.
    using Handler = std::function<QByteArray(const QByteArray &head)>;

    explicit TestHttpServer(Handler handler, bool tls = false, QObject *parent = nullptr);
    ~TestHttpServer() override;

    bool listen();
    quint16 port() const;
    // "http(s)://localhost:PORT" + path (localhost: the certificate's name).
    QUrl url(const QString &path = QStringLiteral("/")) const;
    const QList<QByteArray> &heads() const { return m_heads; }
    int connections() const { return m_connections; }

    // While it lives, this process trusts the test certificate (as if it were a CA).
    class TrustCertificate {
    public:
        TrustCertificate();
        ~TrustCertificate();

    private:
        QSslConfiguration m_before;
    };

    static QSslCertificate certificate();
    static QSslKey privateKey();
    // A JSON 200 answer, or a redirect, as raw responses.
    static QByteArray json(const QByteArray &body);
    static QByteArray redirect(const QUrl &to);

private:
    void serve(class QTcpSocket *socket);

    Handler m_handler;
    bool m_tls;
    std::unique_ptr<QTcpServer> m_server;
    QList<QByteArray> m_heads;
    int m_connections = 0;
};
