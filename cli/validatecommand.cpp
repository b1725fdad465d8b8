#include "validatecommand.h"

#include "intake/sampleintake.h"
#include "net/apiclient.h"
#include "samples/projectlist.h"
#include "sheetreport.h"
#include "validation/samplechecker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

using namespace SeqDrop;

namespace {

void printNote(const QString &text) {
    QTextStream(stderr) << "seqdrop-cli: " << text << '\n';
}

} // namespace

ValidateCommand::ValidateCommand(const CliArguments &args, ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_args(args)
    , m_api(api) {}

void ValidateCommand::start() {
    IntakeOptions options;
    // With a sheet, run folders may be given: they are searched as the window searches drops.
    options.paths =
        m_args.sampleSheet.isEmpty() ? IntakeOptions::Paths::Files : IntakeOptions::Paths::Scan;
    options.sampleSheet = m_args.sampleSheet;
    options.keepUndetermined = m_args.keepUndetermined;
    options.forward = m_args.forward;
    options.reverse = m_args.reverse;
    options.interleaved = m_args.interleaved;
    options.validateWhileUploading = false; // nothing is uploaded
    const SampleIntake::Plan plan = SampleIntake().plan(m_args.files, options);
    // A sheet that cannot be read is bad input, as a missing file is.
    const QStringList bad =
        plan.sheet.error.isEmpty() ? plan.problems : plan.problems + QStringList{plan.sheet.error};
    if (!bad.isEmpty()) {
        QTextStream err(stderr);
        for (const QString &p : bad)
            err << "seqdrop-cli: " << p << '\n';
        Q_EMIT done(2);
        return;
    }
    // The sheet's matching is part of the verdict: its problems make the exit status 1.
    QTextStream err(stderr);
    for (const QString &note : SheetReport::notes(plan, true))
        err << "seqdrop-cli: " << note << '\n';
    m_sheetProblems = SheetReport::problems(plan, true);
    for (const QString &problem : std::as_const(m_sheetProblems))
        err << "seqdrop-cli: " << problem << '\n';
    err.flush();
    checkProjects(plan.samples);
}

void ValidateCommand::checkProjects(const QList<SampleSpec> &samples) {
    QStringList names;
    for (const SampleSpec &spec : samples)
        if (!spec.pendingProject.isEmpty() && !names.contains(spec.pendingProject))
            names << spec.pendingProject;
    if (names.isEmpty()) {
        checkFiles(samples);
        return;
    }
    if (m_args.apiKey.isEmpty()) {
        printNote(QStringLiteral("The sheet's projects (%1) were not checked: no API key (set "
                                 "ONE_CODEX_API_KEY or give --key-file).")
                      .arg(names.join(QStringLiteral(", "))));
        checkFiles(samples);
        return;
    }
    ApiJob *job = m_api->projects();
    connect(job, &NetworkJob::finished, this, [this, job, names, samples] {
        job->deleteLater();
        if (job->error().isError()) {
            printNote(QStringLiteral("The sheet's projects (%1) could not be checked: %2")
                          .arg(names.join(QStringLiteral(", ")), job->error().toString()));
        } else {
            const QList<Project> projects = ProjectList::parse(job->json());
            for (const QString &name : names) {
                QString error;
                if (!ProjectList::resolve(projects, name, &error)) {
                    printNote(error);
                    m_sheetProblems << error;
                }
            }
        }
        checkFiles(samples);
    });
    job->start();
}

void ValidateCommand::checkFiles(const QList<SampleSpec> &samples) {
    m_checker = new SampleChecker(this);
    connect(m_checker, &SampleChecker::finished, this, &ValidateCommand::report);
    m_checker->check(samples, true, false);
}

void ValidateCommand::interrupt() {
    if (m_checker)
        m_checker->cancel();
}

void ValidateCommand::report() {
    QTextStream out(stdout);
    int bad = 0, files = 0;
    for (const SampleChecker::Result &result : m_checker->results()) {
        bad += result.ok() ? 0 : 1;
        files += int(result.reports.size());
        if (m_args.json) {
            for (int i = 0; i < result.reports.size(); ++i) {
                QJsonObject o = result.reports.at(i).toJson();
                o.insert(QStringLiteral("path"),
                         i == 0 ? result.spec.file : result.spec.pairedFile);
                if (result.spec.isPair())
                    o.insert(QStringLiteral("paired_with"),
                             i == 0 ? result.spec.pairedFile : result.spec.file);
                // The sample's verdict: a pair can fail on its own (unequal reads) with two good
                // files.
                o.insert(QStringLiteral("sample_ok"), result.ok());
                o.insert(QStringLiteral("sample_problems"),
                         QJsonArray::fromStringList(result.problems));
                const QString proposed = i == 0 ? result.proposedName : result.proposedPairedName;
                if (!proposed.isEmpty())
                    o.insert(QStringLiteral("proposed_name"), proposed);
                out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
            }
            continue;
        }
        QStringList own;
        for (const ValidationReport &r : result.reports) {
            out << r.toText() << '\n';
            if (!r.ok)
                own << r.location() + QStringLiteral(": ") + r.problem;
        }
        for (const QString &problem : result.problems)
            if (!own.contains(problem))
                out << "  problem: " << problem << '\n';
    }
    out.flush();
    if (!m_args.json)
        QTextStream(stderr) << files << (files == 1 ? " file" : " files") << " checked, " << bad
                            << (bad == 1 ? " sample" : " samples") << " with problems.\n";
    Q_EMIT done(bad == 0 && m_sheetProblems.isEmpty() ? 0 : 1);
}
