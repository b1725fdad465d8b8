#pragma once

// What the tests of seqdrop-sandbox itself need: real HTTP through QNetworkAccessManager to its
// API, real multipart uploads through QHttpMultiPart to its storage, and one sandbox for the
// whole test case.
#include "sandboxprocess.h"
#include "testfiles.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <memory>

namespace SandboxTestSupport {

struct Reply {
    int status = 0; // 0: no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray contentType;
    QByteArray retryAfter;
    QByteArray etag;
    QByteArray connection;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString message() const { return json().value("message").toString(); }
};

inline Reply wait(QNetworkReply *reply) {
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    r.contentType = reply->rawHeader("Content-Type");
    r.retryAfter = reply->rawHeader("Retry-After");
    r.etag = reply->rawHeader("ETag");
    r.connection = reply->rawHeader("Connection");
    reply->deleteLater();
    return r;
}

enum class Auth { None, Basic, Header };

// A presigned POST form: fields in the order of the init_upload answer.
using Form = QList<QPair<QString, QString>>;

inline Form formFrom(const QByteArray &initText, const QString &member) {
    // QJsonObject sorts keys; recover the server's order from the raw text.
    const QJsonObject fields = QJsonDocument::fromJson(initText).object().value(member).toObject();
    const qsizetype start = initText.indexOf('"' + member.toUtf8() + "\":{");
    QList<QPair<qsizetype, QString>> positions;
    for (const QString &k : fields.keys())
        positions.append({initText.indexOf('"' + k.toUtf8() + "\":", start), k});
    std::sort(positions.begin(), positions.end());
    Form form;
    for (const auto &p : positions) {
        const QJsonValue v = fields.value(p.second);
        form.append({p.second, v.isDouble() ? QString::number(v.toInteger()) : v.toString()});
    }
    return form;
}

// A test case against one sandbox, started before its first test and stopped after its last:
// derive. QtTest runs these inherited slots too.
class SandboxTest : public QObject {
    Q_OBJECT

protected:
    std::unique_ptr<SandboxProcess> m_sandbox;
    QTemporaryDir m_files;
    QNetworkAccessManager m_nam;

    Reply api(const QByteArray &verb, const QString &path, const QJsonObject &body = {},
              Auth auth = Auth::Header, SandboxProcess *sandbox = nullptr) {
        SandboxProcess &sb = sandbox ? *sandbox : *m_sandbox;
        QNetworkRequest req(sb.baseUrl().resolved(QUrl(path)));
        if (auth == Auth::Header)
            req.setRawHeader("X-API-Key", sb.apiKey().toUtf8());
        else if (auth == Auth::Basic)
            req.setRawHeader("Authorization", "Basic " + (sb.apiKey() + ':').toUtf8().toBase64());
        QByteArray data;
        if (verb == "POST") {
            req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            data = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        return wait(m_nam.sendCustomRequest(req, verb, data));
    }

    // POSTs the form, then the file part last, as S3 requires.
    Reply upload(const QString &url, const Form &form, const QString &path,
                 const QByteArray &extraHeader = {}) {
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        for (const auto &f : form) {
            QHttpPart part;
            part.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QStringLiteral("form-data; name=\"%1\"").arg(f.first));
            part.setBody(f.second.toUtf8());
            multi->append(part);
        }
        QHttpPart filePart;
        filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QStringLiteral("form-data; name=\"file\"; filename=\"%1\"")
                               .arg(QFileInfo(path).fileName()));
        auto *file = new QFile(path, multi);
        file->open(QIODevice::ReadOnly);
        filePart.setBodyDevice(file);
        multi->append(filePart);
        QNetworkRequest req{QUrl(url)};
        if (!extraHeader.isEmpty())
            req.setRawHeader(extraHeader, m_sandbox->apiKey().toUtf8());
        QNetworkReply *reply = m_nam.post(req, multi);
        multi->setParent(reply);
        return wait(reply);
    }

    struct Init {
        Reply reply;
        QString sampleId, url;
        Form form, pairForm;
    };
    Init init(const QJsonObject &body, SandboxProcess *sandbox = nullptr) {
        Init i;
        i.reply = api("POST", "/api/v1/samples/init_upload", body, Auth::Header, sandbox);
        i.sampleId = i.reply.json().value("sample_id").toString();
        i.url = i.reply.json().value("upload_url").toString();
        i.form = formFrom(i.reply.body, "additional_fields");
        i.pairForm = formFrom(i.reply.body, "paired_end_additional_fields");
        return i;
    }
    QString fastq(const QString &name, int records = 200, quint32 seed = 1) {
        return TestFiles::writeFastq(m_files.path(), name, records, 100, seed);
    }
    static qint64 sizeOf(const QString &path) { return QFileInfo(path).size(); }
    // Extra command line arguments of the test case's sandbox.
    virtual QStringList sandboxArgs() const { return {}; }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_files.isValid());
        m_sandbox = std::make_unique<SandboxProcess>(sandboxArgs());
        QVERIFY(m_sandbox->start());
        QVERIFY(m_sandbox->port() != 0);
    }
    void cleanupTestCase() {
        // httplib waits for idle keep-alive connections when it stops: close ours first.
        m_nam.clearConnectionCache();
        m_sandbox.reset();
    }
};

} // namespace SandboxTestSupport
