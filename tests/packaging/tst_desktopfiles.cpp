// The file associations of every platform against what SeqDrop actually takes: the
// shared-mime-info types (loaded into a real QMimeDatabase, after update-mime-database), the
// .desktop file, the macOS Info.plist and the Windows installer's registry entries must all
// cover the names FileScanner accepts, and nothing else.
#include "samples/filescanner.h"

#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using SeqDrop::FileScanner;

namespace {

const QStringList kExtensions{"fastq", "fq", "fasta", "fa", "fna", "fas"};
const QStringList kCompressions{"gz", "gzip"};
const QSet<QString> kOurTypes{"text/x-fastq", "text/x-fasta", "application/x-fastq-gzip",
                              "application/x-fasta-gzip"};

QString readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QSet<QString> captures(const QString &text, const QString &pattern) {
    QSet<QString> found;
    QRegularExpressionMatchIterator it = QRegularExpression(pattern).globalMatch(text);
    while (it.hasNext())
        found << it.next().captured(1);
    return found;
}

// A property list as nested QVariants (dict -> QVariantMap, array -> QVariantList).
QVariant readPlistValue(QXmlStreamReader &xml) {
    const QString tag = xml.name().toString();
    if (tag == QLatin1String("dict")) {
        QVariantMap map;
        QString key;
        while (xml.readNextStartElement()) {
            if (xml.name() == QLatin1String("key"))
                key = xml.readElementText();
            else
                map.insert(key, readPlistValue(xml));
        }
        return map;
    }
    if (tag == QLatin1String("array")) {
        QVariantList list;
        while (xml.readNextStartElement())
            list << readPlistValue(xml);
        return list;
    }
    if (tag == QLatin1String("true") || tag == QLatin1String("false")) {
        xml.skipCurrentElement();
        return tag == QLatin1String("true");
    }
    return xml.readElementText();
}

QVariantMap readPlist(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&f);
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("plist") ||
        !xml.readNextStartElement())
        return {};
    const QVariantMap map = readPlistValue(xml).toMap();
    return xml.hasError() ? QVariantMap() : map;
}

} // namespace

class TestDesktopFiles : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dataDir; // an XDG data dir holding only SeqDrop's MIME package

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dataDir.isValid());
        const QString packages = m_dataDir.filePath(QStringLiteral("mime/packages"));
        QVERIFY(QDir().mkpath(packages));
        QVERIFY(QFile::copy(QStringLiteral(SEQDROP_MIME_FILE),
                            packages + QStringLiteral("/org.seqdrop.SeqDrop.xml")));
        // Before the first QMimeDatabase: ours first, then the system's (text/plain, gzip).
        qputenv("XDG_DATA_DIRS",
                (m_dataDir.path() + QStringLiteral(":/usr/local/share:/usr/share")).toUtf8());
        // What a package installation does; it also checks the XML against the spec.
        const QString update =
            QStandardPaths::findExecutable(QStringLiteral("update-mime-database"));
        if (!update.isEmpty()) {
            QProcess p;
            p.start(update, {m_dataDir.filePath(QStringLiteral("mime"))});
            QVERIFY(p.waitForFinished(30000));
            const QByteArray err = p.readAllStandardError();
            QVERIFY2(p.exitCode() == 0 && err.isEmpty(), err.constData());
            QVERIFY(QFile::exists(m_dataDir.filePath(QStringLiteral("mime/mime.cache"))));
        }
    }

    void mimeTypesCoverEverySequenceFile_data() {
        QTest::addColumn<QString>("name");
        for (const QString &ext : kExtensions) {
            QTest::newRow(qPrintable(ext)) << QStringLiteral("S1_R1_001.") + ext;
            for (const QString &z : kCompressions)
                QTest::newRow(qPrintable(ext + '.' + z))
                    << QStringLiteral("S1_R1_001.%1.%2").arg(ext, z);
        }
    }

    void mimeTypesCoverEverySequenceFile() {
        QFETCH(QString, name);
        QVERIFY(FileScanner::isSequenceFileName(name));
        const QMimeType type = QMimeDatabase().mimeTypeForFile(name, QMimeDatabase::MatchExtension);
        QVERIFY2(kOurTypes.contains(type.name()), qPrintable(type.name()));
        // File managers that know only the parent type still treat it sensibly.
        const bool compressed =
            name.endsWith(QLatin1String("gz")) || name.endsWith(QLatin1String("gzip"));
        QVERIFY(type.inherits(compressed ? QStringLiteral("application/gzip")
                                         : QStringLiteral("text/plain")));
    }

    void otherFilesAreNotClaimed_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("tarball") << QStringLiteral("run.tar.gz");
        QTest::newRow("text") << QStringLiteral("notes.txt");
        QTest::newRow("bzip2") << QStringLiteral("S1.fastq.bz2");
        QTest::newRow("sheet") << QStringLiteral("SampleSheet.csv");
    }

    void otherFilesAreNotClaimed() {
        QFETCH(QString, name);
        QVERIFY(!FileScanner::isSequenceFileName(name));
        const QMimeType type = QMimeDatabase().mimeTypeForFile(name, QMimeDatabase::MatchExtension);
        QVERIFY2(!kOurTypes.contains(type.name()), qPrintable(type.name()));
    }

    void mimeGlobsAreExactlyTheAcceptedNames() {
        QSet<QString> expected;
        for (const QString &ext : kExtensions) {
            expected << QStringLiteral("*.") + ext;
            for (const QString &z : kCompressions)
                expected << QStringLiteral("*.%1.%2").arg(ext, z);
        }
        const QString xml = readAll(QStringLiteral(SEQDROP_MIME_FILE));
        QCOMPARE(captures(xml, QStringLiteral("<glob pattern=\"([^\"]+)\"")), expected);
        QCOMPARE(captures(xml, QStringLiteral("<mime-type type=\"([^\"]+)\"")), kOurTypes);
    }

    void desktopFileOpensEveryType() {
        const QString desktop = readAll(QStringLiteral(SEQDROP_DESKTOP_FILE));
        QVERIFY(!desktop.isEmpty());
        const QRegularExpressionMatch mime = QRegularExpression(QStringLiteral("^MimeType=(.*)$"),
                                                                QRegularExpression::MultilineOption)
                                                 .match(desktop);
        QVERIFY(mime.hasMatch());
        QStringList listed = mime.captured(1).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        QCOMPARE(QSet<QString>(listed.begin(), listed.end()), kOurTypes);
        // %F: several files in one start, all queued in one window.
        QVERIFY(desktop.contains(QLatin1String("\nExec=seqdrop %F\n")));
        QVERIFY(
            desktop.contains(QStringLiteral("\nIcon=%1\n").arg(QStringLiteral(SEQDROP_APP_ID))));
    }

    void infoPlistDeclaresTheDocumentTypes() {
        const QVariantMap plist = readPlist(QStringLiteral(SEQDROP_INFO_PLIST));
        QVERIFY2(!plist.isEmpty(), "Info.plist is not a readable property list");
        QCOMPARE(plist.value(QStringLiteral("CFBundleShortVersionString")).toString(),
                 QStringLiteral(SEQDROP_VERSION));
        QCOMPARE(plist.value(QStringLiteral("CFBundleIdentifier")).toString(),
                 QStringLiteral(SEQDROP_APP_ID));

        QSet<QString> declaredTypes;
        QSet<QString> extensions;
        for (const QVariant &decl :
             plist.value(QStringLiteral("UTImportedTypeDeclarations")).toList()) {
            const QVariantMap d = decl.toMap();
            declaredTypes << d.value(QStringLiteral("UTTypeIdentifier")).toString();
            const QVariantMap tags = d.value(QStringLiteral("UTTypeTagSpecification")).toMap();
            for (const QVariant &e :
                 tags.value(QStringLiteral("public.filename-extension")).toList())
                extensions << e.toString();
        }
        QCOMPARE(extensions, QSet<QString>(kExtensions.begin(), kExtensions.end()));

        QSet<QString> opened;
        for (const QVariant &docType :
             plist.value(QStringLiteral("CFBundleDocumentTypes")).toList())
            for (const QVariant &t :
                 docType.toMap().value(QStringLiteral("LSItemContentTypes")).toList())
                opened << t.toString();
        // Every declared type is opened; gzip covers x.fastq.gz (macOS looks at .gz only).
        QVERIFY(opened.contains(declaredTypes));
        QVERIFY(opened.contains(QStringLiteral("org.gnu.gnu-zip-archive")));
    }

    void windowsInstallerRegistersAndRemovesTheSameTypes() {
        QSet<QString> expected;
        for (const QString &ext : kExtensions + kCompressions)
            expected << QLatin1Char('.') + ext;
        QCOMPARE(captures(readAll(QStringLiteral(SEQDROP_NSIS_REGISTER)),
                          QStringLiteral("!insertmacro SeqDropOpenWith \"([^\"]+)\"")),
                 expected);
        QCOMPARE(captures(readAll(QStringLiteral(SEQDROP_NSIS_UNREGISTER)),
                          QStringLiteral("!insertmacro SeqDropForget \"([^\"]+)\"")),
                 expected);
    }
};

QTEST_GUILESS_MAIN(TestDesktopFiles)
#include "tst_desktopfiles.moc"
