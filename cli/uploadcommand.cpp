#include "uploadcommand.h"

#include "engine/engine.h"
#include "intake/sampleintake.h"
#include "journal/journalrecorder.h"
#include "net/apiclient.h"
#include "net/networkwatcher.h"
#include "net/transfersettings.h"
#include "net/urlpolicy.h"
#include "progressprinter.h"
#include "samples/projectlist.h"
#include "sheetreport.h"
#include "upload/sampleupload.h"
#include "upload/serverstatuswatcher.h"
#include "upload/uploadqueue.h"
#include "validation/samplechecker.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace SeqDrop;

UploadCommand::UploadCommand(const CliArguments &args, Engine *engine, QObject *parent)
    : QObject(parent)
    , m_args(args)
    , m_engine(engine)
    , m_api(engine->api()) {}

void UploadCommand::printError(const QString &message) {
    if (m_printer)
        m_printer->printLine(QStringLiteral("seqdrop-cli: ") + message);
    else
        QTextStream(stderr) << "seqdrop-cli: " << message << '\n';
}

void UploadCommand::start() {
    const int status = prepareSamples();
    if (status >= 0) {
        finish(status);
        return;
    }
    const QString refusal = UrlPolicy::check(m_args.apiUrl, QStringLiteral("API address"));
    if (!refusal.isEmpty()) {
        printError(refusal);
        finish(2);
        return;
    }
    checkSamples();
}

int UploadCommand::prepareSamples() {
    // The command line's options become one description for every sample. Its problems are
    // listed in the order the options were given, after the files' own.
    QStringList wrongDescription;
    IntakeOptions options;
    for (const QString &pair : std::as_const(m_args.metadata)) {
        const int eq = pair.indexOf(QLatin1Char('='));
        const QString problem =
            eq < 0 ? QStringLiteral("--metadata %1: expected KEY=VALUE.").arg(pair)
                   : options.description.setField(pair.left(eq).trimmed(), pair.mid(eq + 1));
        if (!problem.isEmpty())
            wrongDescription << problem;
    }
    if (!m_args.externalSampleId.isEmpty()) {
        const QString problem = options.description.setExternalSampleId(m_args.externalSampleId);
        if (!problem.isEmpty())
            wrongDescription << problem;
    }
    if (!m_args.tags.isEmpty())
        wrongDescription << options.description.setTags(m_args.tags);
    // With a sheet, run folders may be given: they are searched as the window searches drops.
    options.paths =
        m_args.sampleSheet.isEmpty() ? IntakeOptions::Paths::Files : IntakeOptions::Paths::Scan;
    options.sampleSheet = m_args.sampleSheet;
    options.keepUndetermined = m_args.keepUndetermined;
    options.forward = m_args.forward;
    options.reverse = m_args.reverse;
    options.interleaved = m_args.interleaved;
    options.validateWhileUploading = m_args.validateWhileUploading && !m_args.skipValidation;
    // Lanes are judged only when all else is right: nothing would be sent anyway.
    options.lanes = !wrongDescription.isEmpty() ? IntakeOptions::Lanes::Leave
                    : m_args.mergeLanes         ? IntakeOptions::Lanes::Merge
                                                : IntakeOptions::Lanes::Name;
    const SampleIntake::Plan plan = SampleIntake().plan(m_args.files, options);
    for (const QString &note : SheetReport::notes(plan, false))
        printError(note);
    // A sample no row describes would go undescribed: the sheet or the files need fixing.
    const QStringList problems =
        plan.problems + wrongDescription + SheetReport::problems(plan, false);
    if (!problems.isEmpty()) {
        for (const QString &p : problems)
            printError(p);
        printError(QStringLiteral("Nothing was uploaded."));
        return 2;
    }
    m_specs = plan.samples;
    if (m_specs.isEmpty()) {
        printError(QStringLiteral("No samples to upload."));
        return 2;
    }
    if (m_args.mergeLanes) {
        for (const QString &m : plan.laneSets)
            printError(QStringLiteral("merging %1").arg(m));
    } else if (!plan.laneSets.isEmpty()) {
        printError(
            QStringLiteral("Several lanes of one sample found (%1). Each lane is uploaded as "
                           "its own sample; add --merge-lanes to send them as one.")
                .arg(plan.laneSets.join(QStringLiteral("; "))));
    }
    return -1;
}

void UploadCommand::checkSamples() {
    // Names and sizes always; content unless --skip-validation. Nothing is created on the
    // server before every sample passed.
    auto *checker = new SampleChecker(this);
    connect(checker, &SampleChecker::finished, this, [this, checker] {
        checker->deleteLater();
        m_checker = nullptr;
        if (m_interrupted) {
            finish(1);
            return;
        }
        QList<SampleSpec> checked;
        for (const SampleChecker::Result &result : checker->results()) {
            for (const QString &note : result.notes)
                printError(QStringLiteral("note: %1").arg(note));
            for (const QString &problem : result.problems)
                printError(problem);
            checked.append(result.spec);
        }
        for (const SampleChecker::Result &result : checker->results()) {
            if (!m_args.acceptSafeNames &&
                (!result.proposedName.isEmpty() || !result.proposedPairedName.isEmpty())) {
                printError(
                    QStringLiteral("Add --accept-safe-names to upload such files under the "
                                   "proposed names (the files themselves are not renamed)."));
                break;
            }
        }
        if (!checker->allOk()) {
            printError(QStringLiteral("Nothing was uploaded: fix the files above (or see "
                                      "'seqdrop-cli validate'), then run again."));
            finish(2);
            return;
        }
        m_specs = checked;
        checkAccount();
    });
    m_checker = checker;
    if (!m_args.skipValidation && !m_args.json)
        printError(QStringLiteral("Checking %1 sample(s) before upload...").arg(m_specs.size()));
    // prepareSamples() planned the samples with validateWhileUploading set this way.
    const bool whileUploading = m_args.validateWhileUploading && !m_args.skipValidation;
    checker->check(m_specs, !m_args.skipValidation && !whileUploading, m_args.acceptSafeNames);
}

void UploadCommand::checkAccount() {
    ApiJob *job = m_api->account();
    connect(job, &NetworkJob::finished, this, [this, job] {
        job->deleteLater();
        const UploadError &e = job->error();
        if (e.isError()) {
            printError(e.toString());
            finish(e.kind == UploadError::Kind::Auth ? 3 : 1);
            return;
        }
        const bool sheetProjects =
            std::any_of(m_specs.cbegin(), m_specs.cend(),
                        [](const SampleSpec &s) { return !s.pendingProject.isEmpty(); });
        if (m_args.project.isEmpty() && !sheetProjects)
            resume();
        else
            resolveProject();
    });
    job->start();
}

void UploadCommand::resolveProject() {
    ApiJob *job = m_api->projects();
    connect(job, &NetworkJob::finished, this, [this, job] {
        job->deleteLater();
        if (job->error().isError()) {
            printError(job->error().toString());
            finish(job->error().kind == UploadError::Kind::Auth ? 3 : 1);
            return;
        }
        const QList<Project> projects = ProjectList::parse(job->json());
        // --project was typed for this run: it wins over the sheet's projects.
        QStringList unknown;
        for (SampleSpec &spec : m_specs) {
            const QString name = m_args.project.isEmpty() ? spec.pendingProject : m_args.project;
            if (name.isEmpty())
                continue;
            QString error;
            if (const Project *project = ProjectList::resolve(projects, name, &error)) {
                spec.projectId = project->id;
                spec.pendingProject.clear();
            } else if (!unknown.contains(error)) {
                unknown << error;
            }
        }
        if (!unknown.isEmpty()) {
            for (const QString &error : std::as_const(unknown))
                printError(error);
            printError(QStringLiteral("Nothing was uploaded."));
            finish(2);
            return;
        }
        resume();
    });
    job->start();
}

void UploadCommand::resume() {
    CrashResume *resume = m_engine->crashResume();
    const Journal *journal = resume->journal();
    if (!resume->open())
        printError(QStringLiteral("The upload journal (%1) cannot be used: %2. Uploading without "
                                  "resume information.")
                       .arg(journal->path(), journal->lastError()));
    if (!journal->notice().isEmpty())
        printError(journal->notice());
    const CrashResume::RunPlan plan = resume->planRun(m_specs, m_args.force);
    for (const QString &note : plan.notes)
        printError(note);
    for (const Journal::Entry &entry : plan.confirmed)
        reportAlreadyConfirmed(entry);
    m_specs = plan.toUpload;
    m_resumable = plan.resumable;
    if (plan.unfinished.isEmpty()) {
        runQueue();
        return;
    }
    connect(resume, &CrashResume::settled, this, [this](const CrashResume::Settled &result) {
        for (const QString &problem : result.problems)
            printError(problem);
        // A sample the killed run did confirm (its answer was lost) is not sent again.
        for (const Journal::Entry &entry : result.confirmedAfterAll) {
            if (m_args.force)
                continue;
            reportAlreadyConfirmed(entry);
            m_specs.erase(std::remove_if(m_specs.begin(), m_specs.end(),
                                         [&](const SampleSpec &s) {
                                             return s.fingerprint() == entry.fingerprint;
                                         }),
                          m_specs.end());
        }
        runQueue();
    });
    printError(QStringLiteral("Cleaning up %1 sample(s) an interrupted run left unfinished...")
                   .arg(plan.unfinished.size()));
    resume->settle(plan.unfinished);
}

void UploadCommand::reportAlreadyConfirmed(const Journal::Entry &entry) {
    ++m_alreadyConfirmed;
    const SampleSpec &spec = entry.spec;
    if (m_args.json) {
        QJsonObject o = resultJson(spec, entry.sampleId,
                                   SampleUpload::stateName(SampleUpload::State::Confirmed),
                                   QJsonValue(), spec.sizeOnDisk(), 0, 0);
        o.insert(QStringLiteral("already_uploaded"), true);
        o.insert(QStringLiteral("route"), QJsonValue()); // sent by an earlier run
        printStdout(QJsonDocument(o).toJson(QJsonDocument::Compact));
        return;
    }
    printStdout(
        QStringLiteral("already confirmed %1 -> sample %2 (not sent again; --force sends it again)")
            .arg(spec.displayName(), entry.sampleId)
            .toLocal8Bit());
}

QJsonObject UploadCommand::resultJson(const SampleSpec &spec, const QString &sampleId,
                                      const QString &status, const QJsonValue &error, qint64 bytes,
                                      double seconds, int retries, const QString &route) {
    // One line per sample, the same fields whether it was sent now or by an earlier run.
    return QJsonObject{
        {QStringLiteral("file"), spec.file},
        {QStringLiteral("paired_file"), spec.isPair() ? QJsonValue(spec.pairedFile) : QJsonValue()},
        {QStringLiteral("sample_id"), sampleId.isEmpty() ? QJsonValue() : QJsonValue(sampleId)},
        {QStringLiteral("status"), status},
        {QStringLiteral("error"), error},
        {QStringLiteral("bytes"), bytes},
        {QStringLiteral("seconds"), qRound(seconds * 1000) / 1000.0},
        {QStringLiteral("retries"), retries},
        {QStringLiteral("route"), route.isEmpty() ? QJsonValue() : QJsonValue(route)},
        // One Codex's verdict after the confirmation: asked with --wait, else null.
        {QStringLiteral("server_status"), QJsonValue()}};
}

void UploadCommand::printStdout(const QByteArray &line) {
    std::fprintf(stdout, "%s\n", line.constData());
    std::fflush(stdout);
}

void UploadCommand::runQueue() {
    if (m_interrupted) {
        finish(1);
        return;
    }
    m_queue = m_engine->queue();
    m_queue->setMaxParallel(m_args.jobs);
    TransferSettings settings = m_engine->api()->transferSettings();
    settings.route = TransferSettings::routeNamed(m_args.route).value_or(settings.route);
    settings.partsInFlight = m_args.partsInFlight;
    m_engine->api()->setTransferSettings(settings);
    // Offline: nothing new starts and retries wait, so a dropped network or a sleep costs no
    // attempts; the queue goes on when it is back.
    m_engine->watchNetwork();
    connect(m_engine->network(), &NetworkWatcher::networkChanged, this, [this](bool up) {
        printError(up ? QStringLiteral("The network is back: uploads go on.")
                      : QStringLiteral("Offline: waiting for the network (running uploads "
                                       "retry when it is back)."));
    });
    m_printer = new ProgressPrinter(m_queue, this);
    if (m_args.wait) { // before the samples go in: it follows those the queue is given
        m_verdicts = new ServerStatusWatcher(m_engine->api(), m_queue, this);
        connect(m_verdicts, &ServerStatusWatcher::settled, this, &UploadCommand::reportVerdict);
    }
    connect(m_queue, &UploadQueue::sampleFinished, this, &UploadCommand::report);
    connect(m_queue, &UploadQueue::halted, this, [this](const UploadError &e) {
        printError(QStringLiteral("Stopping: %1").arg(e.message));
        m_queue->cancelAll(); // the rest would fail the same way
    });
    connect(m_queue, &UploadQueue::idle, this, &UploadCommand::queueDone);
    // Added first, recorded after: a resumed sample keeps the journal entry its parts are in.
    // Two batches (resumed samples first, then the new ones), each one insertion and, for the
    // new ones, one journal transaction.
    QList<UploadQueue::RestoredSample> resumed;
    QList<qint64> resumedEntries;
    QList<SampleSpec> fresh;
    for (const SampleSpec &spec : std::as_const(m_specs)) {
        const auto resumable = m_resumable.constFind(spec.fingerprint());
        if (resumable == m_resumable.constEnd()) {
            fresh.append(spec);
            continue;
        }
        SampleUpload::Restored restored;
        restored.queuedFingerprint = resumable->entry.fingerprint;
        restored.resume = resumable->resume;
        resumed.append({spec, restored});
        resumedEntries.append(resumable->entry.id);
    }
    const QList<SampleUpload *> resumedSamples = m_queue->addRestored(resumed);
    const QList<SampleUpload *> freshSamples = m_queue->add(fresh);
    for (SampleUpload *sample : resumedSamples)
        printError(QStringLiteral("%1: resuming at %2% (sample %3)")
                       .arg(sample->spec().displayName())
                       .arg(sample->resumedPercent())
                       .arg(sample->sampleId()));
    for (SampleUpload *sample : resumedSamples + freshSamples) {
        // Notices (retries, refreshed permissions) go to stderr; stdout stays machine-readable.
        connect(sample, &SampleUpload::notice, this, [this, sample](const QString &text) {
            printError(QStringLiteral("%1: %2").arg(sample->spec().displayName(), text));
        });
    }
    if (m_engine->journal()->isOpen()) {
        JournalRecorder *recorder = m_engine->recordQueue();
        for (int i = 0; i < resumedSamples.size(); ++i)
            recorder->track(resumedSamples.at(i), resumedEntries.at(i));
        recorder->trackNew(freshSamples);
    }
    m_printer->start();
    m_queue->start();
}

void UploadCommand::queueDone() {
    for (const SampleUpload *s : m_queue->samples()) {
        if (s->state() == SampleUpload::State::Confirmed)
            continue;
        m_exitCode = s->error().kind == UploadError::Kind::Auth ? 3 : 1;
        if (m_exitCode == 3)
            break;
    }
    if (!m_verdicts || m_verdicts->pendingCount() == 0 || m_interrupted) {
        finish(m_exitCode);
        return;
    }
    if (m_printer)
        m_printer->stop();
    printError(QStringLiteral("Waiting for One Codex to import and validate %1 sample(s)...")
                   .arg(m_verdicts->pendingCount()));
    connect(m_verdicts, &ServerStatusWatcher::idle, this, [this] { finish(m_exitCode); });
}

void UploadCommand::reportVerdict(SampleUpload *sample) {
    const QString status = sample->serverStatus();
    if (status == QLatin1String("failed_validation") && m_exitCode == 0)
        m_exitCode = 1;
    if (m_args.json) {
        QJsonObject o =
            resultJson(sample->spec(), sample->sampleId(), SampleUpload::stateName(sample->state()),
                       QJsonValue(), sample->totalBytes(), sample->elapsedMs() / 1000.0,
                       sample->retries(), sample->routeName());
        o.insert(QStringLiteral("server_status"), status.isEmpty() ? QJsonValue() : status);
        if (!sample->serverError().isEmpty())
            o.insert(QStringLiteral("server_error"), sample->serverError());
        printStdout(QJsonDocument(o).toJson(QJsonDocument::Compact));
        return;
    }
    const QString line =
        status == QLatin1String("failed_validation")
            ? QStringLiteral("failed_validation %1 (sample %2): %3")
                  .arg(sample->spec().displayName(), sample->sampleId(), sample->serverError())
            : QStringLiteral("%1 %2 (sample %3)")
                  .arg(status.isEmpty() ? QStringLiteral("unknown") : status,
                       sample->spec().displayName(), sample->sampleId());
    printStdout(line.toLocal8Bit());
}

void UploadCommand::report(SampleUpload *sample) {
    const SampleSpec &spec = sample->spec();
    const double seconds = sample->elapsedMs() / 1000.0;
    // --wait: a confirmed sample's line comes with its verdict (reportVerdict()).
    if (m_args.json && m_verdicts && sample->state() == SampleUpload::State::Confirmed)
        return;
    if (m_args.json) {
        QJsonObject o = resultJson(
            spec, sample->sampleId(), SampleUpload::stateName(sample->state()),
            sample->error().isError() ? QJsonValue(sample->error().toString()) : QJsonValue(),
            sample->totalBytes(), seconds, sample->retries(), sample->routeName());
        // Failed on a network loss with its parts kept: the same command goes on from there.
        if (sample->isResumable())
            o.insert(QStringLiteral("resumable"), true);
        printStdout(QJsonDocument(o).toJson(QJsonDocument::Compact));
        return;
    }
    if (sample->state() == SampleUpload::State::Confirmed) {
        const QString line = QStringLiteral("confirmed %1 -> sample %2 (%3 in %4 s)")
                                 .arg(spec.displayName(), sample->sampleId(),
                                      ProgressPrinter::formatBytes(sample->totalBytes()))
                                 .arg(seconds, 0, 'f', 1);
        if (m_printer)
            m_printer->stop();
        printStdout(line.toLocal8Bit());
        if (m_printer)
            m_printer->start();
        return;
    }
    printError(QStringLiteral("%1 %2: %3")
                   .arg(SampleUpload::stateName(sample->state()), spec.displayName(),
                        sample->error().toString()));
}

void UploadCommand::interrupt() {
    if (m_interrupted)
        return;
    m_interrupted = true;
    printError(QStringLiteral("Interrupted: cancelling unfinished samples..."));
    if (m_checker)
        m_checker->cancel();
    if (m_queue)
        m_queue->cancelAll();
}

void UploadCommand::finish(int exitCode) {
    if (m_finished)
        return;
    m_finished = true;
    if (m_printer)
        m_printer->stop();
    Q_EMIT done(exitCode);
}
