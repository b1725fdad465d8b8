#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

// Runs a real seqdrop-sandbox on a free port with its own temporary data
// directory, for integration tests. Talks to it over real HTTP
// (QNetworkAccessManager), blocking, so tests read top to bottom.
class SandboxProcess {
public:
    static constexpr const char *DefaultApiKey = "seqdropsandbox000000000000000000";
    // Fixed ids of the two seeded projects.
    static constexpr const char *SandboxProjectId = "0123456789abcdef";
    static constexpr const char *SoilSurveyProjectId = "fedcba9876543210";

    explicit SandboxProcess(const QStringList &extraArgs = {});
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    // Starts the process and waits (10 s max) for its "listening on" line.
    bool start();
    void stop();
    bool isRunning() const;

    QUrl baseUrl() const;
    quint16 port() const { return m_port; }
    QString apiKey() const { return m_apiKey; }
    QString dataDir() const;
    // Where the object stored under `key` lives on disk.
    QString objectPath(const QString &key) const;

    // GET /_sandbox/state (empty object on failure).
    QJsonObject state();
    QJsonObject counts() { return state().value("counts").toObject(); }
    // POST /_sandbox/faults.
    bool setFaults(const QJsonObject &faults);
    // The /_sandbox/state entry of one sample (empty if unknown).
    QJsonObject sample(const QString &id);

    // Blocking JSON helpers with the API key (X-API-Key). statusOut gets the
    // HTTP status (0 on a network error).
    QJsonObject getJson(const QString &path, int *statusOut = nullptr);
    QJsonObject postJson(const QString &path, const QJsonObject &body, int *statusOut = nullptr);

    QString stderrText() const { return QString::fromLocal8Bit(m_stderr); }

private:
    QByteArray request(const QByteArray &verb, const QString &path, const QByteArray &body,
                       int *statusOut);

    QStringList m_extraArgs;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_stderr;
    quint16 m_port = 0;
    QString m_apiKey = QString::fromLatin1(DefaultApiKey);
};
