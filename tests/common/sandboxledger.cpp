#include "sandboxledger.h"

#include "testfiles.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

SandboxLedger::Sample SandboxLedger::fromCliJson(const QJsonObject &line) {
    Sample s;
    s.file = line.value(QLatin1String("file")).toString();
    s.pairedFile = line.value(QLatin1String("paired_file")).toString();
    s.status = line.value(QLatin1String("status")).toString();
    s.sampleId = line.value(QLatin1String("sample_id")).toString();
    s.error = line.value(QLatin1String("error")).toString();
    return s;
}

bool SandboxLedger::expectFailure(const QString &file, const QString &message) {
    for (Sample &s : m_samples) {
        if (s.file == file) {
            s.expectedError = message;
            return true;
        }
    }
    return false;
}

int SandboxLedger::unsettled(const QJsonObject &sandboxState) {
    int n = 0;
    for (const QJsonValue &v : sandboxState.value(QLatin1String("samples")).toArray())
        n += v.toObject().value(QLatin1String("status")).toString() ==
             QLatin1String("awaiting_data");
    return n;
}

QStringList SandboxLedger::check(const QJsonObject &sandboxState) const {
    QStringList problems;
    const QJsonArray onServer = sandboxState.value(QLatin1String("samples")).toArray();
    if (sandboxState.isEmpty())
        problems << QStringLiteral("no sandbox state to check against");
    QSet<QString> accounted;
    for (const Sample &local : m_samples) {
        const QString name = QFileInfo(local.file).fileName();
        const QString who = local.pairedFile.isEmpty() ? name
                                                       : name + QStringLiteral(" + ") +
                                                             QFileInfo(local.pairedFile).fileName();
        QList<QJsonObject> available;
        for (const QJsonValue &v : onServer) {
            const QJsonObject s = v.toObject();
            if (s.value(QLatin1String("filename")).toString() == name &&
                s.value(QLatin1String("status")).toString() == QLatin1String("available"))
                available << s;
        }
        if (!local.expectedError.isEmpty()) {
            if (!available.isEmpty())
                problems << QStringLiteral("%1: expected to fail, but %2 sample(s) are available")
                                .arg(who)
                                .arg(available.size());
            if (local.status != QLatin1String("failed") &&
                local.status != QLatin1String("cancelled"))
                problems << QStringLiteral("%1: expected to fail, the client reported \"%2\"")
                                .arg(who, local.status);
            if (!local.error.contains(local.expectedError, Qt::CaseInsensitive))
                problems << QStringLiteral("%1: expected an error containing \"%2\", got \"%3\"")
                                .arg(who, local.expectedError, local.error);
            continue;
        }
        if (available.size() != 1) {
            problems << QStringLiteral("%1: %2 available sample(s) on the server, expected 1")
                            .arg(who)
                            .arg(available.size());
            continue;
        }
        const QJsonObject sample = available.first();
        const QString id = sample.value(QLatin1String("id")).toString();
        accounted.insert(id);
        if (local.status != QLatin1String("confirmed") || local.sampleId != id)
            problems << QStringLiteral("%1: the client reported \"%2\" as sample %3, the server "
                                       "has it as %4 (%5)")
                            .arg(who, local.status, local.sampleId, id, local.error);
        const QStringList reads{QStringLiteral("r1"), QStringLiteral("r2")};
        const QStringList files{local.file, local.pairedFile};
        for (int i = 0; i < 2; ++i) {
            const QJsonValue stored = sample.value(reads[i]);
            if (files[i].isEmpty()) {
                if (!stored.isNull() && !stored.isUndefined())
                    problems << QStringLiteral("%1: an unexpected %2 object").arg(who, reads[i]);
                continue;
            }
            const QString storedMd5 = stored.toObject().value(QLatin1String("md5")).toString();
            const QString localMd5 = QString::fromLatin1(TestFiles::md5OfFile(files[i]));
            if (storedMd5 != localMd5)
                problems << QStringLiteral("%1: %2 stored with MD5 \"%3\", the local file has %4")
                                .arg(who, reads[i], storedMd5, localMd5);
        }
    }
    for (const QJsonValue &v : onServer) {
        const QJsonObject s = v.toObject();
        const QString status = s.value(QLatin1String("status")).toString();
        const QString label = QStringLiteral("sample %1 (%2)")
                                  .arg(s.value(QLatin1String("id")).toString(),
                                       s.value(QLatin1String("filename")).toString());
        if (status == QLatin1String("awaiting_data"))
            problems << label + QStringLiteral(": created but neither confirmed nor cancelled");
        else if (status == QLatin1String("available") &&
                 !accounted.contains(s.value(QLatin1String("id")).toString()))
            problems << label + QStringLiteral(": available, but no local sample accounts for it");
    }
    return problems;
}
