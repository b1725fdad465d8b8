#include "proxyendpoint.h"

#include "faultplan.h"
#include "jsontext.h"
#include "sandboxstore.h"
#include "storageendpoint.h"

#include <QJsonDocument>
#include <httplib.h>

namespace {

void sendJson(httplib::Response &res, int status, const QJsonObject &value) {
    res.status = status;
    res.set_content(JsonText::encode(value).toStdString(), "application/json");
}

QString modeName(ProxyEndpoint::Mode mode) {
    switch (mode) {
    case ProxyEndpoint::Mode::Status:
        return QStringLiteral("status");
    case ProxyEndpoint::Mode::Callback:
        return QStringLiteral("callback");
    case ProxyEndpoint::Mode::None:
        break;
    }
    return QStringLiteral("none");
}

} // namespace

bool ProxyEndpoint::parseMode(const QString &text, Mode *mode) {
    for (Mode m : {Mode::None, Mode::Status, Mode::Callback})
        if (text == modeName(m)) {
            *mode = m;
            return true;
        }
    return false;
}

ProxyEndpoint::ProxyEndpoint(SandboxStore &store, StorageEndpoint &storage, FaultPlan &faults,
                             Mode mode, int checkMs)
    : m_store(store)
    , m_storage(storage)
    , m_faults(faults)
    , m_mode(mode)
    , m_checkMs(checkMs) {}

void ProxyEndpoint::addFields(OrderedJsonObject &fields, const QString &baseUrl) const {
    if (m_mode == Mode::Status)
        fields.add(QStringLiteral("status_url"), baseUrl + QLatin1String(StatusPath));
    else if (m_mode == Mode::Callback)
        fields.add(QStringLiteral("callback_url"), baseUrl + QLatin1String(CallbackPath));
}

void ProxyEndpoint::upload(const httplib::Request &req, httplib::Response &res,
                           const httplib::ContentReader &reader) {
    m_store.count(QStringLiteral("proxy_posts"));
    StorageEndpoint::Stored stored;
    m_storage.handle(req, res, reader, &stored);
    if (!stored.ok)
        return;
    {
        // A file sent again (after a code 500) is checked again from the start.
        std::lock_guard<std::mutex> lock(m_mutex);
        Check &check = m_checks[stored.sampleId];
        check.storedAt = Clock::now();
        check.code = 0;
        check.message.clear();
        ++check.posts;
    }
    if (m_mode != Mode::Callback)
        return;
    // The proxy confirms once the sample's files are all in; for the first file of a pair the
    // store says what is still missing, and the second POST confirms.
    QString message;
    if (m_store.confirm(stored.sampleId, &message) == SandboxStore::Outcome::Ok)
        m_store.count(QStringLiteral("proxy_confirms"));
}

void ProxyEndpoint::status(const std::string &requestBody, httplib::Response &res) {
    m_store.count(QStringLiteral("proxy_status_polls"));
    const QJsonObject body =
        QJsonDocument::fromJson(QByteArray::fromStdString(requestBody)).object();
    const QString id = body.value(QLatin1String("sample_id")).toString();
    std::unique_lock<std::mutex> lock(m_mutex);
    auto it = m_checks.find(id);
    if (id.isEmpty() || it == m_checks.end()) {
        sendJson(
            res, 404,
            QJsonObject{{"message", QStringLiteral("No upload received for sample %1").arg(id)},
                        {"status", 404}});
        return;
    }
    Check &check = it->second;
    ++check.polls;
    if (check.code == 0) {
        if (Clock::now() < check.storedAt + std::chrono::milliseconds(m_checkMs)) {
            sendJson(res, 200, QJsonObject{{"complete", false}});
            return;
        }
        switch (m_faults.takeProxyVerdict()) {
        case FaultPlan::ProxyVerdict::Ok:
            check.code = 200;
            break;
        case FaultPlan::ProxyVerdict::Fail:
            check.code = 500;
            check.message = QStringLiteral("The file could not be moved to storage. Please retry.");
            break;
        case FaultPlan::ProxyVerdict::Reject:
            check.code = 422;
            check.message = QStringLiteral("File is not a valid FASTA or FASTQ file: line 1 "
                                           "should start with '>' or '@'.");
            break;
        }
        if (check.code != 200)
            m_store.count(QStringLiteral("faults_injected"));
    }
    QJsonObject answer{{"complete", true}, {"code", check.code}};
    if (!check.message.isEmpty())
        answer.insert(QStringLiteral("msg"), check.message);
    sendJson(res, 200, answer);
}

QString ProxyEndpoint::confirmBlocker(const QString &sampleId) const {
    if (m_mode != Mode::Status)
        return {};
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_checks.find(sampleId);
    if (it == m_checks.end() || it->second.code == 0)
        return QStringLiteral("The upload proxy has not finished checking sample %1").arg(sampleId);
    if (it->second.code != 200)
        return QStringLiteral("The upload proxy refused sample %1: %2")
            .arg(sampleId, it->second.message);
    return {};
}

QJsonObject ProxyEndpoint::toJson() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    QJsonObject checks;
    for (const auto &[id, check] : m_checks)
        checks.insert(id, QJsonObject{{"posts", check.posts},
                                      {"polls", check.polls},
                                      {"code", check.code},
                                      {"msg", check.message}});
    return QJsonObject{{"mode", modeName(m_mode)}, {"check_ms", m_checkMs}, {"checks", checks}};
}
