#include "desktop/keystore.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace SeqDrop {

namespace {

enum Op { Load, Store, Remove };

const QString &service() {
    static const QString name = QStringLiteral("SeqDrop");
    return name;
}

} // namespace

KeyStore::KeyStore(QObject *parent)
    : KeyStore(QString::fromLatin1(ApiKeyAccount), parent) {}

KeyStore::KeyStore(const QString &account, QObject *parent)
    : QObject(parent)
    , m_account(account) {
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (m_job) {
            m_job->disconnect(this);
            m_job->deleteLater(); // may still finish later; nobody listens any more
        }
        onJobDone(m_pendingOp, false, {}, tr("The system keychain did not answer."));
    });
    // SEQDROP_KEYCHAIN=off skips the keychain entirely (kiosk machines, tests).
    if (qEnvironmentVariable("SEQDROP_KEYCHAIN") == QLatin1String("off"))
        markUnavailable(tr("The keychain is switched off (SEQDROP_KEYCHAIN=off)."));
}

KeyStore::~KeyStore() {
    if (m_job)
        m_job->disconnect(this);
}

void KeyStore::markUnavailable(const QString &why) {
    m_available = false;
    m_reason = why;
}

void KeyStore::load() {
    if (!m_available) {
        const QString key = m_memoryKey;
        QMetaObject::invokeMethod(
            this, [this, key] { Q_EMIT loaded(key); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(service());
    job->setKey(m_account);
    run(job, Load);
}

void KeyStore::store(const QString &key) {
    m_memoryKey = key;
    if (!m_available) {
        const QString why = m_reason;
        QMetaObject::invokeMethod(
            this, [this, why] { Q_EMIT stored(false, why); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(service());
    job->setKey(m_account);
    job->setTextData(key);
    run(job, Store);
}

void KeyStore::remove() {
    m_memoryKey.clear();
    if (!m_available) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT removed(); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(service());
    job->setKey(m_account);
    run(job, Remove);
}

void KeyStore::run(QKeychain::Job *job, int op) {
    if (m_job) { // one at a time: the newest request wins
        m_job->disconnect(this);
        m_job->deleteLater();
    }
    m_job = job;
    m_pendingOp = op;
    job->setAutoDelete(false);
    // Never the plain-text file fallback some QtKeychain builds offer.
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, job, op] {
        m_timeout.stop();
        job->deleteLater();
        const QKeychain::Error e = job->error();
        QString value;
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
            value = read->textData();
        const bool ok = e == QKeychain::NoError || (op != Store && e == QKeychain::EntryNotFound);
        onJobDone(op, ok, value, job->errorString());
    });
    m_timeout.start(m_timeoutMs);
    job->start();
}

void KeyStore::onJobDone(int op, bool ok, const QString &value, const QString &why) {
    m_pendingOp = -1;
    if (!ok)
        markUnavailable(why);
    switch (op) {
    case Load:
        Q_EMIT loaded(ok ? value : m_memoryKey);
        break;
    case Store:
        Q_EMIT stored(ok, ok ? tr("The key is saved in the system keychain.") : m_reason);
        break;
    case Remove:
        Q_EMIT removed();
        break;
    default:
        break;
    }
}

} // namespace SeqDrop
