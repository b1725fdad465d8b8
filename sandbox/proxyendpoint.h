#pragma once

#include <QJsonObject>
#include <QString>
#include <chrono>
#include <map>
#include <mutex>

namespace httplib {
struct Request;
struct Response;
class ContentReader;
} // namespace httplib

class FaultPlan;
class OrderedJsonObject;
class SandboxStore;
class StorageEndpoint;

// The validating proxy of the older One Codex ("fastx-proxy"), as a sandbox mode: init_upload
// points upload_url here, the proxy stores the form POST as S3 would (StorageEndpoint), then
// checks the file for a while. In status mode the client polls POST status_url {sample_id}
// until the check is complete and then confirms; in callback mode the proxy confirms the
// sample itself once the file (both files of a pair) is stored, and the client must not.
class ProxyEndpoint {
public:
    enum class Mode { None, Status, Callback };
    static constexpr const char *UploadPath = "/proxy/seqdrop-sandbox";
    static constexpr const char *StatusPath = "/proxy/status";
    static constexpr const char *CallbackPath = "/proxy/callback";

    // "none", "status" or "callback"; false for anything else.
    static bool parseMode(const QString &text, Mode *mode);

    ProxyEndpoint(SandboxStore &store, StorageEndpoint &storage, FaultPlan &faults, Mode mode,
                  int checkMs);

    Mode mode() const { return m_mode; }
    bool isOn() const { return m_mode != Mode::None; }
    // The proxy's own fields, appended to a form's additional_fields.
    void addFields(OrderedJsonObject &fields, const QString &baseUrl) const;

    void upload(const httplib::Request &req, httplib::Response &res,
                const httplib::ContentReader &reader);
    void status(const std::string &body, httplib::Response &res);
    // Status mode: why confirm_upload may not go ahead yet (the proxy has not passed the file),
    // or empty.
    QString confirmBlocker(const QString &sampleId) const;
    QJsonObject toJson() const;

private:
    using Clock = std::chrono::steady_clock;
    struct Check {
        Clock::time_point storedAt;
        int posts = 0;
        int polls = 0;
        int code = 0; // 0 while checking; the verdict once given
        QString message;
    };

    SandboxStore &m_store;
    StorageEndpoint &m_storage;
    FaultPlan &m_faults;
    Mode m_mode;
    int m_checkMs;
    mutable std::mutex m_mutex;
    std::map<QString, Check> m_checks; // by sample id
};
