// The translations: the German one is picked by the locale and shows in the real window (menus,
// buttons, table, the engine's file problems with German digit grouping); a locale SeqDrop has
// no translation for gets the English plural forms; and every .ts file is complete for the code
// as it is (nothing unfinished, lrelease agrees, and lupdate finds no message the .ts lacks).
#include "intakesummary.h"
#include "mainwindow.h"
#include "queuestatuswidget.h"
#include "sampletablemodel.h"
#include "testfiles.h"
#include "translationloader.h"
#include "upload/queuechecks.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "validation/validationreport.h"
#include "windowactions.h"
#include "windowtestsupport.h"

#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QXmlStreamReader>
#include <QtTest>

using namespace SeqDrop;
using WindowTestSupport::cell;

namespace {

struct Message {
    QString context;
    QString source;
    QStringList translations; // one per numerus form, else one
    QString type;             // "unfinished", "vanished", "obsolete", or empty when done
};

QList<Message> readTs(const QString &path, QString *error) {
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (xml.readNext() != QXmlStreamReader::EndDocument && !xml.hasError()) {
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            m = {context, {}, {}, {}};
        } else if (xml.name() == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            // Plain text, or <numerusform> children.
            QString text;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation"))) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    m.translations << xml.readElementText();
            }
            if (m.translations.isEmpty())
                m.translations << text;
            messages << m;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QSet<QString> placeholders(const QString &text) {
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (const QRegularExpressionMatch &m : re.globalMatch(text))
        found << m.captured(0);
    return found;
}

QStringList tsFiles() {
    const QDir dir(QStringLiteral(SEQDROP_TRANSLATIONS_DIR));
    QStringList files;
    for (const QString &name : dir.entryList({QStringLiteral("seqdrop_*.ts")}, QDir::Files))
        files << dir.filePath(name);
    return files;
}

// The sources translations/translations.cmake hands lupdate (GLOB_RECURSE: app/ has folders).
QStringList translatedSources() {
    QStringList files;
    for (const char *folder : {"ui", "app"}) {
        QDirIterator it(QStringLiteral(SEQDROP_SOURCE_DIR "/") + QLatin1String(folder),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    files.sort(); // the same list, in the same order, on every file system
    return files;
}

QString run(const QString &program, const QStringList &args, int *exitCode) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(120000)) {
        *exitCode = -1;
        return p.errorString();
    }
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromLocal8Bit(p.readAll());
}

} // namespace

class TestTranslation : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_config;

    static QLabel *labelStartingWith(QWidget *root, const QString &start) {
        for (QLabel *l : root->findChildren<QLabel *>())
            if (l->text().startsWith(start))
                return l;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        qputenv("SEQDROP_KEYCHAIN", "off");
        QVERIFY(m_config.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SeqDropTranslationTest"));
    }

    void germanLocalePicksGermanAndQtsOwn() {
        TranslationLoader loader;
        QCOMPARE(loader.install(QLocale(QLocale::German, QLocale::Austria)), QStringLiteral("de"));
        // Qt's translation of its own dialogs comes from Qt's folder (qt6-translations-l10n).
        QVERIFY(QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                              QStringLiteral("/qtbase_de.qm")));
        QVERIFY(loader.hasQtTranslation());
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"),
                 QStringLiteral("Abbrechen"));
        // The engine's messages and numbers follow the language of the window.
        QCOMPARE(QCoreApplication::translate("SeqDrop::NetworkJob", "Cancelled."),
                 QStringLiteral("Abgebrochen."));
        QCOMPARE(ValidationReport::number(1234567), QStringLiteral("1.234.567"));
        QCOMPARE(ValidationReport::decimal(100.25), QStringLiteral("100,3"));
        ValidationReport r;
        r.file = QStringLiteral("a.fastq");
        r.record = 5000;
        r.line = 20000;
        QCOMPARE(r.location(), QStringLiteral("a.fastq, Datensatz 5.000 (Zeile 20.000)"));
    }

    void otherLocaleGetsEnglishPlurals() {
        TranslationLoader loader;
        QCOMPARE(loader.install(QLocale(QLocale::Japanese, QLocale::Japan)), QStringLiteral("en"));
        SampleIntake::Report report;
        report.duplicates = QStringList{QStringLiteral("a.fastq")};
        QCOMPARE(IntakeSummary::text(report, 0),
                 QStringLiteral("1 file already in the list was not added again."));
        report.duplicates << QStringLiteral("b.fastq") << QStringLiteral("c.fastq");
        QCOMPARE(IntakeSummary::text(report, 0),
                 QStringLiteral("3 files already in the list were not added again."));
        QCOMPARE(ValidationReport::number(1234567), QStringLiteral("1,234,567"));
        // Removing the loader leaves the source texts, "(s)" and all.
    }

    void noTranslationLeftInstalledAfterTheLoader() {
        { // a loader's translators go with it
            TranslationLoader loader;
            loader.install(QLocale(QLocale::German));
        }
        QCOMPARE(QCoreApplication::translate("SeqDrop::NetworkJob", "Cancelled."),
                 QStringLiteral("Cancelled."));
    }

    void windowSpeaksGerman() {
        TranslationLoader loader;
        QCOMPARE(loader.install(QLocale(QLocale::German, QLocale::Germany)), QStringLiteral("de"));
        QTemporaryDir dir;
        const QString good = writeFastq(dir.path(), QStringLiteral("boden.fastq"), 2000);
        QByteArray text = TestFiles::fastqText(5000);
        text.chop(30); // the last record's quality line is cut short
        const QString bad = dir.filePath(QStringLiteral("kaputt.fastq"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(text) == text.size());
        f.close();

        MainWindow::Options options;
        options.restoreSession = false;
        const auto owned = WindowTestSupport::window(options);
        MainWindow &w = *owned;
        w.show();

        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Uploads"),
                                     QStringLiteral("&Proben"), QStringLiteral("&Konto"),
                                     QStringLiteral("&Hilfe")}));
        QCOMPARE(w.actions()->addFiles->text(), QStringLiteral("Dateien &hinzufügen…"));
        QCOMPARE(w.actions()->retryFailed->text(),
                 QStringLiteral("Alle &fehlgeschlagenen wiederholen"));
        QCOMPARE(w.actions()->quit->text(), QStringLiteral("&Beenden"));
        // The toolbar button, and the shortcut as Qt's German translation spells it.
        auto *toolbar = w.findChild<QToolBar *>();
        QVERIFY(toolbar);
        auto *startButton =
            qobject_cast<QToolButton *>(toolbar->widgetForAction(w.actions()->start));
        QVERIFY(startButton);
        QCOMPARE(startButton->text(), QStringLiteral("Uploads starten"));
        QCOMPARE(w.actions()->start->toolTip(), QStringLiteral("Uploads starten (Strg+Return)"));
        QVERIFY(labelStartingWith(&w, QStringLiteral("FASTA- oder FASTQ-Dateien")));

        WindowTestSupport::addPaths(&w, {good, bad});
        QCOMPARE(w.model()->rowCount(), 2);
        QCOMPARE(w.model()->headerData(SampleTableModel::NameColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Probe"));
        QCOMPARE(w.model()->headerData(SampleTableModel::EtaColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Restzeit"));
        QTRY_VERIFY(w.findChild<QLabel *>(QStringLiteral("nextStep"))
                        ->text()
                        .startsWith(QStringLiteral("Als Nächstes: Anmelden (Strg+L)")));

        const auto checked = [&w] {
            for (SampleUpload *s : w.queue()->samples())
                if (w.checks()->isChecking(s))
                    return false;
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(checked(), 30000);
        const int goodRow = w.model()->rowOf(w.queue()->samples().at(0)->spec().file == good
                                                 ? w.queue()->samples().at(0)
                                                 : w.queue()->samples().at(1));
        const int badRow = 1 - goodRow;
        QCOMPARE(cell(&w, goodRow, SampleTableModel::ContentColumn),
                 QStringLiteral("FASTQ · 2.000 Reads · 200,0 kbp · Ø 100,0 bp"));
        QCOMPARE(cell(&w, goodRow, SampleTableModel::StatusColumn), QStringLiteral("Wartet"));
        // A file problem from the engine, in German, located with German digit grouping.
        const QString status = cell(&w, badRow, SampleTableModel::StatusColumn);
        QVERIFY2(
            status.startsWith(QStringLiteral("Kann nicht starten: kaputt.fastq, Datensatz 5.000 "
                                             "(Zeile 20.000): Die Datei endet mitten in "
                                             "diesem Datensatz (seine Qualitätszeile hat")),
            qPrintable(status));
        QTRY_VERIFY(w.queueStatus()->text().contains(QStringLiteral("1 blockiert")));
        QVERIFY2(status.endsWith(QStringLiteral("Entfernen Sie die Probe, oder korrigieren Sie "
                                                "die Datei und fügen Sie sie erneut hinzu.")),
                 qPrintable(status));
    }

    void translationsAreComplete_data() {
        QTest::addColumn<QString>("ts");
        const QStringList files = tsFiles();
        QVERIFY(files.contains(QStringLiteral(SEQDROP_TRANSLATIONS_DIR "/seqdrop_de.ts")));
        for (const QString &ts : files)
            QTest::newRow(qPrintable(QFileInfo(ts).fileName())) << ts;
    }

    void translationsAreComplete() {
        QFETCH(QString, ts);
        QString error;
        const QList<Message> messages = readTs(ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 10);
        QStringList problems;
        for (const Message &m : messages) {
            const QString where = m.context + QStringLiteral(": ") + m.source;
            if (!m.type.isEmpty())
                problems << m.type + QStringLiteral(" - ") + where;
            for (const QString &t : m.translations) {
                if (t.isEmpty())
                    problems << QStringLiteral("empty - ") + where;
                else if (placeholders(t) != placeholders(m.source))
                    problems << QStringLiteral("placeholders differ (%1) - ").arg(t) + where;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void lreleaseFindsNothingUnfinished_data() { translationsAreComplete_data(); }

    void lreleaseFindsNothingUnfinished() {
        QFETCH(QString, ts);
        QTemporaryDir out;
        int code = 0;
        const QString log =
            run(QStringLiteral(SEQDROP_LRELEASE_BIN),
                {ts, QStringLiteral("-qm"), out.filePath(QStringLiteral("x.qm"))}, &code);
        QVERIFY2(code == 0, qPrintable(log));
        // "Generated 467 translation(s) (467 finished and 0 unfinished)"
        static const QRegularExpression counts(
            QStringLiteral("Generated (\\d+) translation\\(s\\) \\((\\d+) finished and (\\d+) "
                           "unfinished\\)"));
        const QRegularExpressionMatch m = counts.match(log);
        QVERIFY2(m.hasMatch(), qPrintable(log));
        QVERIFY(m.captured(1).toInt() > 10);
        QCOMPARE(m.captured(2), m.captured(1));
        QCOMPARE(m.captured(3), QStringLiteral("0"));
        QVERIFY2(!log.contains(QStringLiteral("untranslated")), qPrintable(log));
    }

    // The committed .ts files match the code: a message added to ui/ or app/ without running
    // `update_translations` and translating it fails here (docs/translations.md).
    void translationsCoverTheCode_data() { translationsAreComplete_data(); }

    void translationsCoverTheCode() {
        QFETCH(QString, ts);
        QTemporaryDir out;
        const QString copy = out.filePath(QFileInfo(ts).fileName());
        QVERIFY(QFile::copy(ts, copy));
        QStringList args{QStringLiteral("-locations"),
                         QStringLiteral("none"),
                         QStringLiteral("-no-obsolete"),
                         QStringLiteral("-I"),
                         QStringLiteral(SEQDROP_SOURCE_DIR "/ui"),
                         QStringLiteral("-I"),
                         QStringLiteral(SEQDROP_SOURCE_DIR "/app")};
        if (ts.endsWith(QLatin1String("_en.ts")))
            args << QStringLiteral("-pluralonly");
        args << translatedSources() << QStringLiteral("-ts") << copy;
        int code = 0;
        const QString log = run(QStringLiteral(SEQDROP_LUPDATE_BIN), args, &code);
        QVERIFY2(code == 0, qPrintable(log));
        static const QRegularExpression found(
            QStringLiteral("Found (\\d+) source text\\(s\\) \\((\\d+) new and (\\d+) already "
                           "existing\\)"));
        QVERIFY2(found.match(log).hasMatch(), qPrintable(log));
        QString error;
        const QList<Message> after = readTs(copy, &error);
        QStringList missing;
        for (const Message &msg : after)
            if (!msg.type.isEmpty())
                missing << msg.context + QStringLiteral(": ") + msg.source;
        // A new message comes back unfinished; one gone from the code is dropped (-no-obsolete).
        QVERIFY2(
            missing.isEmpty() && after.size() == readTs(ts, &error).size(),
            qPrintable(QStringLiteral("%1 is out of date: build the target "
                                      "update_translations and translate:\n%2\n%3")
                           .arg(QFileInfo(ts).fileName(), missing.join(QLatin1Char('\n')), log)));
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_ui_translation.moc"
