#include "testhttpserver.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

namespace {

QByteArray readData(const char *name) {
    QFile file(QStringLiteral(SEQDROP_TEST_DATA_DIR "/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

TestHttpServer::TestHttpServer(Handler handler, bool tls, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_tls(tls) {
    if (tls) {
        auto *server = new QSslServer;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(certificate());
        config.setPrivateKey(privateKey());
        config.setPeerVerifyMode(QSslSocket::VerifyNone); // clients present no certificate
        server->setSslConfiguration(config);
        m_server.reset(server);
    } else {
        m_server = std::make_unique<QTcpServer>();
    }
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            serve(socket);
    });
}

TestHttpServer::~TestHttpServer() = default;

bool TestHttpServer::listen() {
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 TestHttpServer::port() const {
    return m_server->serverPort();
}

QUrl TestHttpServer::url(const QString &path) const {
    return QUrl(QStringLiteral("%1://localhost:%2%3")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(port())
                    .arg(path));
}

TestHttpServer::TrustCertificate::TrustCertificate()
    : m_before(QSslConfiguration::defaultConfiguration()) {
    QSslConfiguration config = m_before;
    config.addCaCertificate(certificate());
    QSslConfiguration::setDefaultConfiguration(config);
}

TestHttpServer::TrustCertificate::~TrustCertificate() {
    QSslConfiguration::setDefaultConfiguration(m_before);
}

QSslCertificate TestHttpServer::certificate() {
    return QSslCertificate(readData("localhost-cert.pem"), QSsl::Pem);
}

QSslKey TestHttpServer::privateKey() {
    return QSslKey(readData("localhost-key.pem"), QSsl::Rsa, QSsl::Pem);
}

QByteArray TestHttpServer::json(const QByteArray &body) {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray TestHttpServer::redirect(const QUrl &to) {
    return "HTTP/1.1 302 Found\r\nLocation: " + to.toEncoded() +
           "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
}

void TestHttpServer::serve(QTcpSocket *socket) {
    ++m_connections;
    socket->setParent(this);
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
        *buffer += socket->readAll();
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer->left(end + 4);
        buffer->clear();
        m_heads.append(head);
        socket->write(m_handler(head));
        socket->disconnectFromHost();
    });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}
