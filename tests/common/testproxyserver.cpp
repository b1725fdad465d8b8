#include "testproxyserver.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QUrl>
#include <QtEndian>

// One client connection: reads the client's request (HTTP head, or SOCKS5 handshake), then
// pipes bytes both ways between the client and the server it asked for.
class TestProxyServer::Connection : public QObject {
public:
    Connection(TestProxyServer *proxy, QTcpSocket *client)
        : QObject(proxy)
        , m_proxy(proxy)
        , m_client(client) {
        client->setParent(this);
        connect(client, &QTcpSocket::readyRead, this, &Connection::onClientData);
        connect(client, &QTcpSocket::disconnected, this, &Connection::close);
    }

private:
    enum class Stage { Head, SocksGreeting, SocksAuth, SocksRequest, Piping, Skipping, Done };

    void onClientData() {
        const QByteArray data = m_client->readAll();
        m_proxy->m_received += data;
        if (m_stage == Stage::Piping) {
            toUpstream(data);
            return;
        }
        if (m_stage == Stage::Skipping) {
            m_skip -= data.size();
            refuseWhenBodyRead();
            return;
        }
        if (m_stage == Stage::Done)
            return;
        m_buffer += data;
        if (m_proxy->m_kind == Kind::Http)
            readHttpHead();
        else
            readSocks();
    }

    void readHttpHead() {
        const int end = int(m_buffer.indexOf("\r\n\r\n"));
        if (end < 0)
            return;
        Request r;
        r.head = m_buffer.left(end + 4);
        const QByteArray rest = m_buffer.mid(end + 4);
        m_buffer.clear();
        const QList<QByteArray> lines = r.head.split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        r.method = requestLine.value(0);
        r.target = requestLine.value(1);
        qint64 contentLength = 0;
        QList<QByteArray> forwarded;
        for (int i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const int colon = int(line.indexOf(':'));
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "proxy-authorization")
                r.proxyAuthorization = value;
            else if (name == "content-length")
                contentLength = value.toLongLong();
            if (name != "proxy-authorization" && name != "proxy-connection" &&
                name != "connection" && name != "keep-alive")
                forwarded << line;
        }
        r.authorized = m_proxy->m_user.isEmpty() ||
                       r.proxyAuthorization ==
                           "Basic " + (m_proxy->m_user + ':' + m_proxy->m_password).toBase64();
        m_proxy->record(r);
        if (!r.authorized) {
            ++m_proxy->m_refusals;
            // Read the body first, so the client is not cut off while still sending.
            m_skip = contentLength - rest.size();
            refuseWhenBodyRead();
            return;
        }
        if (r.method == "CONNECT") {
            const int colonAt = int(r.target.lastIndexOf(':'));
            openUpstream(QString::fromLatin1(r.target.left(colonAt)),
                         quint16(r.target.mid(colonAt + 1).toUInt()),
                         "HTTP/1.1 200 Connection established\r\n\r\n");
            m_pending += rest;
            return;
        }
        const QUrl url(QString::fromLatin1(r.target));
        QByteArray head = r.method + ' ' + url.path(QUrl::FullyEncoded).toLatin1();
        if (url.hasQuery())
            head += '?' + url.query(QUrl::FullyEncoded).toLatin1();
        head += " HTTP/1.1\r\n" + forwarded.join("\r\n") + "\r\nConnection: close\r\n\r\n";
        m_pending += head + rest;
        openUpstream(url.host(), quint16(url.port(80)), {});
    }

    void refuseWhenBodyRead() {
        if (m_skip > 0) {
            m_stage = Stage::Skipping;
            return;
        }
        m_stage = Stage::Done;
        m_client->write(
            "HTTP/1.1 407 Proxy Authentication Required\r\n"
            "Proxy-Authenticate: Basic realm=\"seqdrop-test\"\r\n"
            "Content-Length: 0\r\nConnection: close\r\nProxy-Connection: close\r\n\r\n");
        m_client->disconnectFromHost();
    }

    void readSocks() {
        const QByteArray &b = m_buffer;
        if (m_stage == Stage::Head)
            m_stage = Stage::SocksGreeting;
        if (m_stage == Stage::SocksGreeting) {
            if (b.size() < 2 || b.size() < 2 + quint8(b[1]))
                return;
            const QByteArray methods = b.mid(2, quint8(b[1]));
            m_buffer.remove(0, 2 + quint8(b[1]));
            const bool needAuth = !m_proxy->m_user.isEmpty();
            const char method = needAuth ? (methods.contains('\x02') ? '\x02' : '\xff') : '\x00';
            m_client->write(QByteArray("\x05", 1) + method);
            if (method == '\xff') {
                ++m_proxy->m_refusals;
                m_client->disconnectFromHost();
                m_stage = Stage::Done;
                return;
            }
            m_stage = needAuth ? Stage::SocksAuth : Stage::SocksRequest;
        }
        if (m_stage == Stage::SocksAuth) {
            if (b.size() < 2)
                return;
            const int ulen = quint8(b[1]);
            if (b.size() < 3 + ulen || b.size() < 3 + ulen + quint8(b[2 + ulen]))
                return;
            const QByteArray user = b.mid(2, ulen);
            const QByteArray password = b.mid(3 + ulen, quint8(b[2 + ulen]));
            m_buffer.remove(0, 3 + ulen + password.size());
            m_auth = user + ':' + password;
            const bool ok = user == m_proxy->m_user && password == m_proxy->m_password;
            m_client->write(ok ? QByteArray("\x01\x00", 2) : QByteArray("\x01\x01", 2));
            if (!ok) {
                ++m_proxy->m_refusals;
                m_proxy->record({"SOCKS5", {}, {}, m_auth, false});
                m_client->disconnectFromHost();
                m_stage = Stage::Done;
                return;
            }
            m_stage = Stage::SocksRequest;
        }
        if (m_stage == Stage::SocksRequest) {
            if (b.size() < 5)
                return;
            const char type = b[3];
            int addressLength = type == 1 ? 4 : type == 4 ? 16 : 1 + quint8(b[4]);
            if (b.size() < 4 + addressLength + 2)
                return;
            QString host;
            if (type == 1)
                host = QHostAddress(qFromBigEndian<quint32>(b.constData() + 4)).toString();
            else if (type == 4)
                host = QHostAddress(reinterpret_cast<const quint8 *>(b.constData() + 4)).toString();
            else
                host = QString::fromLatin1(b.mid(5, quint8(b[4])));
            const quint16 port = qFromBigEndian<quint16>(b.constData() + 4 + addressLength);
            m_buffer.remove(0, 4 + addressLength + 2);
            m_proxy->record(
                {"SOCKS5", host.toLatin1() + ':' + QByteArray::number(port), {}, m_auth, true});
            m_pending += m_buffer;
            m_buffer.clear();
            openUpstream(host, port, QByteArray("\x05\x00\x00\x01\x00\x00\x00\x00\x00\x00", 10));
        }
    }

    void openUpstream(const QString &host, quint16 port, const QByteArray &replyWhenConnected) {
        m_stage = Stage::Piping;
        m_upstream = new QTcpSocket(this);
        connect(m_upstream, &QTcpSocket::connected, this, [this, replyWhenConnected] {
            if (!replyWhenConnected.isEmpty())
                m_client->write(replyWhenConnected);
            m_upstream->write(m_pending);
            m_pending.clear();
        });
        connect(m_upstream, &QTcpSocket::readyRead, this,
                [this] { m_client->write(m_upstream->readAll()); });
        connect(m_upstream, &QTcpSocket::disconnected, this, &Connection::close);
        connect(m_upstream, &QTcpSocket::errorOccurred, this, [this] {
            if (m_upstream->state() != QAbstractSocket::ConnectedState)
                close();
        });
        const QString address = host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
                                    ? QStringLiteral("127.0.0.1")
                                    : host;
        m_upstream->connectToHost(address, port);
    }

    void toUpstream(const QByteArray &data) {
        if (m_upstream && m_upstream->state() == QAbstractSocket::ConnectedState)
            m_upstream->write(data);
        else
            m_pending += data;
    }

    void close() {
        if (m_closing)
            return;
        m_closing = true;
        if (m_upstream) {
            m_client->write(m_upstream->readAll());
            m_upstream->disconnectFromHost();
        }
        m_client->disconnectFromHost();
    }

    TestProxyServer *m_proxy;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream = nullptr;
    Stage m_stage = Stage::Head;
    QByteArray m_buffer;
    QByteArray m_pending;
    QByteArray m_auth;
    qint64 m_skip = 0;
    bool m_closing = false;
};

TestProxyServer::TestProxyServer(Kind kind, const QByteArray &user, const QByteArray &password,
                                 QObject *parent)
    : QObject(parent)
    , m_kind(kind)
    , m_user(user)
    , m_password(password) {
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *client = m_server.nextPendingConnection())
            new Connection(this, client);
    });
}

bool TestProxyServer::listen() {
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QList<TestProxyServer::Request> TestProxyServer::authorizedRequests() const {
    QList<Request> out;
    for (const Request &r : m_requests)
        if (r.authorized)
            out << r;
    return out;
}
