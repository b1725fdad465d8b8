#include "desktop/diagnosticsreport.h"

#include "journal/journal.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "util/logbuffer.h"
#include "util/redactor.h"

#include <QDateTime>
#include <QMap>
#include <QSaveFile>
#include <QSettings>
#include <QSslSocket>
#include <QSysInfo>

#include <algorithm>

namespace SeqDrop {

namespace {

void section(QStringList &out, const char *title) {
    out << QString() << QString::fromLatin1(title);
}

bool looksSecret(const QString &key) {
    static const char *const words[] = {"password", "secret", "token", "apikey", "api_key"};
    for (const char *w : words)
        if (key.contains(QLatin1String(w), Qt::CaseInsensitive))
            return true;
    return false;
}

void settings(QStringList &out) {
    QSettings s;
    out << QStringLiteral("file: %1").arg(s.fileName());
    for (const QString &key : s.allKeys()) {
        // Window geometry is binary noise; nothing secret is stored, but stay safe.
        if (key.startsWith(QLatin1String("window/")) || looksSecret(key))
            continue;
        out << QStringLiteral("%1 = %2").arg(key, s.value(key).toString());
    }
}

void journal(QStringList &out, const Journal *journal) {
    if (!journal || !journal->isOpen()) {
        out << QStringLiteral("not open");
        return;
    }
    out << QStringLiteral("file: %1").arg(journal->path());
    QList<Journal::Entry> withErrors;
    for (const char *origin : {"gui", "cli"}) {
        QMap<QString, int> counts;
        const QList<Journal::Entry> entries = journal->entries(QString::fromLatin1(origin));
        for (const Journal::Entry &e : entries) {
            ++counts[SampleUpload::stateName(e.state)];
            if (!e.error.isEmpty())
                withErrors.append(e);
        }
        QStringList parts;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
        out << QStringLiteral("%1: %2 sample(s)%3")
                   .arg(QLatin1String(origin))
                   .arg(entries.size())
                   .arg(parts.isEmpty() ? QString()
                                        : QStringLiteral(": ") + parts.join(QStringLiteral(", ")));
    }
    std::sort(
        withErrors.begin(), withErrors.end(),
        [](const Journal::Entry &a, const Journal::Entry &b) { return a.updatedAt > b.updatedAt; });
    out << QStringLiteral("last errors (newest first):");
    for (const Journal::Entry &e : withErrors.mid(0, DiagnosticsReport::LastErrors))
        out << QStringLiteral("  %1 %2 %3 %4 [%5]: %6")
                   .arg(e.updatedAt.toString(Qt::ISODate), e.origin,
                        SampleUpload::stateName(e.state), e.spec.displayName(), e.sampleId,
                        e.error);
}

} // namespace

QString DiagnosticsReport::build(const Context &context) {
    QStringList out;
    out << QStringLiteral("SeqDrop diagnostics, %1")
               .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
        << QStringLiteral("Secrets (API key, passwords, upload policies and signatures) are "
                          "replaced by %1.")
               .arg(QLatin1String(Redactor::Mask));

    section(out, SystemSection);
    out << QStringLiteral("SeqDrop %1").arg(QStringLiteral(SEQDROP_VERSION))
        << QStringLiteral("Qt %1 (built with %2)")
               .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))
        << QStringLiteral("OS: %1, %2 %3, %4")
               .arg(QSysInfo::prettyProductName(), QSysInfo::kernelType(),
                    QSysInfo::kernelVersion(), QSysInfo::currentCpuArchitecture())
        << QStringLiteral("TLS: %1, %2")
               .arg(QSslSocket::activeBackend(), QSslSocket::sslLibraryVersionString());

    section(out, ConnectionSection);
    out << QStringLiteral("server: %1").arg(context.server)
        << QStringLiteral("session: %1").arg(context.session)
        << QStringLiteral("proxy: %1").arg(context.proxy)
        << QStringLiteral("network: %1").arg(context.network);

    section(out, SettingsSection);
    settings(out);

    section(out, JournalSection);
    journal(out, context.journal);

    if (!context.queue.isEmpty()) {
        section(out, QueueSection);
        out << context.queue;
    }

    section(out, LogSection);
    const QStringList log = LogBuffer::lines();
    out << log.mid(qMax(0, int(log.size()) - LogLines));
    return Redactor::redact(out.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

QStringList DiagnosticsReport::describeQueue(const UploadQueue *queue) {
    QStringList out;
    for (const SampleUpload *s : queue->samples())
        out << QStringLiteral("%1 | %2%3 | %4 | %5")
                   .arg(s->spec().displayName(), SampleUpload::stateName(s->state()),
                        s->isAwaitingTidyUp() ? QStringLiteral(" (held)") : QString(),
                        s->sampleId(), s->error().toString());
    return out;
}

QString DiagnosticsReport::write(const QString &path, const QString &text) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
    file.write(text.toUtf8());
    if (!file.commit())
        return QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace SeqDrop
