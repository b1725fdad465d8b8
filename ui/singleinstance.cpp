#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTimer>

namespace SeqDrop {

namespace {

// A request is a list of paths: a few hundred KiB at most. More is not a SeqDrop.
constexpr qint64 kMaxRequest = 4 * 1024 * 1024;
constexpr int kClientTimeoutMs = 5000;

void drop(QLocalSocket *socket) {
    socket->abort();
    socket->deleteLater();
}

} // namespace

SingleInstance::SingleInstance(const QString &serverName, QObject *parent)
    : QObject(parent)
    , m_name(serverName) {}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultServerName() {
    // The data folder is per user (home or XDG_DATA_HOME, a Windows profile), and it is where
    // the journal lives: one window per journal.
    const QByteArray key =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation).toUtf8();
    return QStringLiteral("seqdrop-") +
           QString::fromLatin1(
               QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16));
}

bool SingleInstance::handOver(const QStringList &paths, int timeoutMs) {
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray request =
        QJsonDocument(QJsonArray::fromStringList(paths)).toJson(QJsonDocument::Compact);
    request += '\n';
    socket.write(request);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine().trimmed() == "ok";
}

bool SingleInstance::listen() {
    if (m_server)
        return m_server->isListening();
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    if (m_server->listen(m_name))
        return true;
    // Nobody answered handOver(), so a socket file that is there is a dead SeqDrop's.
    QLocalServer::removeServer(m_name);
    return m_server->listen(m_name);
}

void SingleInstance::onNewConnection() {
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        // A client that never finishes its line must not hold the socket forever.
        QTimer::singleShot(kClientTimeoutMs, socket, [socket] { drop(socket); });
    }
}

void SingleInstance::onReadyRead(QLocalSocket *socket) {
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > kMaxRequest)
            drop(socket);
        return;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(socket->readLine());
    if (!doc.isArray()) {
        drop(socket);
        return;
    }
    QStringList paths;
    for (const QJsonValue &v : doc.array())
        if (v.isString() && QDir::isAbsolutePath(v.toString()))
            paths << v.toString();
    // Answer before the files are added (which may take a while) and before this process
    // might quit: the caller waits for the answer to know it can exit.
    socket->write("ok\n");
    socket->flush();
    socket->disconnectFromServer();
    Q_EMIT filesReceived(paths);
}

} // namespace SeqDrop
