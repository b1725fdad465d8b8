#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>

// The end-of-run audit every fault test shares: what the client says happened to each local
// sample, checked against what the sandbox holds (GET /_sandbox/state).
//
// - a sample expected to arrive is available on the server exactly once, its stored bytes'
//   MD5 equal to the local file's (both files of a pair), and the client reported it
//   confirmed under that sample id;
// - a sample expected to fail is not available on the server and the client reported it
//   failed or cancelled with the expected message;
// - no sample on the server is left created but neither confirmed nor cancelled
//   (awaiting_data), and no available sample is there that no local sample accounts for.
class SandboxLedger {
public:
    struct Sample {
        QString file;       // local path: the single file, or R1
        QString pairedFile; // R2, or empty
        // Empty: must be confirmed exactly once. Otherwise the client's error must contain it.
        QString expectedError;
        // What the client reported: "confirmed", "failed", "cancelled" (empty: nothing).
        QString status;
        QString sampleId;
        QString error;
    };

    // One --json line of seqdrop-cli as a ledger entry (expectations left to fill in).
    static Sample fromCliJson(const QJsonObject &line);

    void add(const Sample &sample) { m_samples.append(sample); }
    // Marks the sample whose file (R1 or single) is `file` as expected to fail with `message`.
    bool expectFailure(const QString &file, const QString &message);
    const QList<Sample> &samples() const { return m_samples; }

    // Every problem found, one line each; empty when the ledger balances.
    QStringList check(const QJsonObject &sandboxState) const;
    // Samples on the server created but neither confirmed nor cancelled (awaiting_data).
    static int unsettled(const QJsonObject &sandboxState);

private:
    QList<Sample> m_samples;
};
