#pragma once

// What every test of one sample through the real engine needs: a fresh sandbox for each test,
// fast retries and stall detection, and the sandbox's view of the sample afterwards.
#include "net/apiclient.h"
#include "sandboxclient.h"
#include "sandboxledger.h"
#include "testfiles.h"
#include "upload/sampleupload.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// A test case of SampleUpload against its own sandbox per test: derive. QtTest runs these
// inherited slots too.
class SampleUploadTest : public QObject {
    Q_OBJECT

protected:
    using State = SeqDrop::SampleUpload::State;
    using Kind = SeqDrop::UploadError::Kind;

    // Starts an upload of `spec` and waits for it to finish (or for timeoutMs).
    SeqDrop::SampleUpload *run(const SeqDrop::SampleSpec &spec, int timeoutMs = 60000) {
        auto *upload = new SeqDrop::SampleUpload(m_net.api.get(), spec, m_net.api.get());
        QSignalSpy finished(upload, &SeqDrop::SampleUpload::finished);
        upload->start();
        if (finished.isEmpty())
            finished.wait(timeoutMs);
        return upload;
    }

    // Starts the upload and waits for it: the milliseconds it took, or -1 after a minute.
    static qint64 runTimed(SeqDrop::SampleUpload *upload) {
        QSignalSpy finished(upload, &SeqDrop::SampleUpload::finished);
        QElapsedTimer clock;
        clock.start();
        upload->start();
        return finished.wait(60000) ? clock.elapsed() : -1;
    }

    QJsonObject sandboxSample(const QString &id) { return m_net.sandbox->sample(id); }

    // The sandbox audited against this one sample (SandboxLedger): one problem per line.
    QString ledgerProblems(const SeqDrop::SampleUpload *upload, const QString &expectedError = {}) {
        SandboxLedger ledger;
        ledger.add({upload->spec().file, upload->spec().pairedFile, expectedError,
                    SeqDrop::SampleUpload::stateName(upload->state()), upload->sampleId(),
                    upload->error().toString()});
        return ledger.check(m_net.sandbox->state()).join(QLatin1Char('\n'));
    }

    QTemporaryDir m_dir;
    SandboxClient m_net;

private Q_SLOTS:
    void initTestCase() {
        // Fast retries and stall detection so the fault cases run in seconds.
        qputenv("SEQDROP_RETRY_BASE_MS", "50");
        qputenv("SEQDROP_STALL_TIMEOUT_MS", "1500");
        QVERIFY(m_dir.isValid());
    }
    void init() { QVERIFY(m_net.start()); }
    void cleanup() { m_net.stop(); }
};
