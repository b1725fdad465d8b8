// seqdrop-cli's transfer options as a user gives them, on the real process against the real
// sandbox: --limit-rate holds every upload together to one average rate (form POSTs and
// multipart parts alike), --proxy sends everything through the proxy with credentials from the
// environment, and both refuse what they cannot take. The limit is checked as an average over
// whole uploads: an upload cannot beat the limit however loaded the machine is, so that side is
// tight; the other side only catches a limiter that throttles far below its rate.
#include "cliprocess.h"
#include "sandboxprocess.h"
#include "testfiles.h"
#include "testproxyserver.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr qint64 MiB = 1024 * 1024;
const QByteArray ProxyUser = "lab";
const QByteArray ProxyPassword = "proxy-pass-51c0de";

// About `mib` MiB of FASTQ (1,000-base reads).
QString bigFastq(const QString &dir, const QString &name, int mib, quint32 seed) {
    return writeFastq(dir, name, mib * 512, 1000, seed);
}

} // namespace

class TestCliTransfer : public QObject {
    Q_OBJECT

private:
    CliProcess runner() const { return CliProcess(m_sandbox.get(), m_dataHome->path()); }
    // Runs the CLI while this test's event loop runs (the test proxy serves from it).
    CliResult runServed(const CliProcess &cli, const QStringList &args) {
        QProcess *p = cli.start(args);
        (void)QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, 60000);
        return CliProcess::finish(p);
    }
    // Bytes of every sample in `r` over the longest of their times: the rate they had together.
    static double combinedRate(const CliResult &r) {
        qint64 bytes = 0;
        double seconds = 0;
        for (const QJsonObject &o : r.json) {
            bytes += qint64(o.value("bytes").toDouble());
            seconds = qMax(seconds, o.value("seconds").toDouble());
        }
        return seconds > 0 ? double(bytes) / seconds : 0;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_dataHome;
    std::unique_ptr<SandboxProcess> m_sandbox;

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_dataHome = std::make_unique<QTemporaryDir>();
        m_sandbox = std::make_unique<SandboxProcess>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->stderrText()));
    }
    void cleanup() { m_sandbox.reset(); }

    // Two samples at once share one limit: together they average at most 8 MiB/s.
    void limitRateHoldsAllUploadsTogether() {
        const QString a =
            bigFastq(m_dir->path(), QStringLiteral("Plate7-001_S1_L001_R1_001.fastq"), 12, 1);
        const QString b =
            bigFastq(m_dir->path(), QStringLiteral("Plate7-002_S2_L001_R1_001.fastq"), 12, 2);
        const CliResult r = runner().run(
            {QStringLiteral("upload"), QStringLiteral("--json"),
             QStringLiteral("--skip-validation"), QStringLiteral("--jobs"), QStringLiteral("2"),
             QStringLiteral("--limit-rate"), QStringLiteral("8M"), a, b});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.size(), 2);
        const double rate = combinedRate(r);
        const double limit = 8.0 * MiB;
        QVERIFY2(rate <= limit * 1.05, qPrintable(QString::number(rate / MiB)));
        QVERIFY2(rate >= limit / 3, qPrintable(QString::number(rate / MiB)));
    }

    // The multipart route's parts go through the same limit.
    void limitRateHoldsMultipartParts() {
        const QString file =
            bigFastq(m_dir->path(), QStringLiteral("Plate7-003_S3_L001_R1_001.fastq"), 16, 3);
        const CliResult r =
            runner().run({QStringLiteral("upload"), QStringLiteral("--json"),
                          QStringLiteral("--skip-validation"), QStringLiteral("--route"),
                          QStringLiteral("multipart"), QStringLiteral("--limit-rate"),
                          QStringLiteral("6M"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.value(0).value("route").toString(), QStringLiteral("multipart"));
        const double rate = combinedRate(r);
        QVERIFY2(rate <= 6.0 * MiB * 1.05, qPrintable(QString::number(rate / MiB)));
        QVERIFY2(rate >= 6.0 * MiB / 3, qPrintable(QString::number(rate / MiB)));
    }

    void badRateIsAUsageError() {
        const QString file = writeFastq(m_dir->path(), QStringLiteral("x.fastq"), 10);
        for (const QString &rate : {QStringLiteral("fast"), QStringLiteral("0"),
                                    QStringLiteral("20MB"), QStringLiteral("-5M")}) {
            const CliResult r = runner().run(
                {QStringLiteral("upload"), QStringLiteral("--limit-rate"), rate, file});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QStringLiteral("--limit-rate takes a rate such as 500K")),
                     qPrintable(r.err));
        }
        QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), 0);
    }

    // Everything goes through the proxy named on the command line, its password taken from the
    // environment; the command line never holds it.
    void proxyFromTheCommandLine() {
        TestProxyServer proxy(TestProxyServer::Kind::Http, ProxyUser, ProxyPassword);
        QVERIFY(proxy.listen());
        const QString file = writeFastq(m_dir->path(), QStringLiteral("Plate7-004_S4.fastq"), 200);
        CliProcess cli = runner();
        cli.setEnv(QStringLiteral("SEQDROP_PROXY_USER"), QString::fromLatin1(ProxyUser));
        cli.setEnv(QStringLiteral("SEQDROP_PROXY_PASSWORD"), QString::fromLatin1(ProxyPassword));
        const QStringList args{QStringLiteral("upload"), QStringLiteral("--json"),
                               QStringLiteral("--proxy"),
                               QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()), file};
        const CliResult r = runServed(cli, args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.value(0).value("status").toString(), QStringLiteral("confirmed"));
        QStringList paths;
        for (const TestProxyServer::Request &request : proxy.authorizedRequests())
            paths << QString::fromLatin1(request.target);
        const QString seen = paths.join(QLatin1Char('\n'));
        QVERIFY2(seen.contains(QStringLiteral("/api/v1/samples/init_upload")), qPrintable(seen));
        QVERIFY2(seen.contains(QStringLiteral("/api/v1/samples/confirm_upload")), qPrintable(seen));
        QVERIFY2(paths.size() >= 3, qPrintable(seen)); // and the storage host's POST
        QVERIFY(!args.join(QLatin1Char(' ')).contains(QString::fromLatin1(ProxyPassword)));
        QVERIFY(!r.err.contains(QString::fromLatin1(ProxyPassword)));

        // The wrong password: refused by the proxy, said clearly, nothing uploaded.
        cli.setEnv(QStringLiteral("SEQDROP_PROXY_PASSWORD"), QStringLiteral("wrong"));
        const int inits = m_sandbox->counts().value("init_upload").toInt();
        const CliResult refused = runServed(cli, args);
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(QStringLiteral("proxy"), Qt::CaseInsensitive),
                 qPrintable(refused.err));
        QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), inits);
    }

    void proxyUsageErrors() {
        const QString file = writeFastq(m_dir->path(), QStringLiteral("y.fastq"), 10);
        const struct {
            QString url;
            QString says;
        } cases[] = {
            {QStringLiteral("http://lab:secret@127.0.0.1:3128"),
             QStringLiteral("Do not put the proxy's user name or password in --proxy")},
            {QStringLiteral("https://127.0.0.1:3128"),
             QStringLiteral("An https:// proxy (TLS to the proxy itself) is not supported")},
            {QStringLiteral("ftp://127.0.0.1:21"),
             QStringLiteral("--proxy takes http:// or socks5://")},
            {QStringLiteral("not a url"), QStringLiteral("--proxy takes a URL such as")},
        };
        for (const auto &c : cases) {
            const CliResult r =
                runner().run({QStringLiteral("upload"), QStringLiteral("--proxy"), c.url, file});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(c.says), qPrintable(r.err));
            QVERIFY(!r.err.contains(QStringLiteral("secret")));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliTransfer)
#include "tst_clitransfer.moc"
