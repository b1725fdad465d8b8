// SequenceValidator: a corpus of small broken files generated here, one per problem the
// validator must catch, each with its exact message and location; valid edge cases; the
// statistics; and that the incremental feed() gives the same answer whatever the piece size.
#include "validation/sequencevalidator.h"
#include "validationfixtures.h"

#include <QTemporaryDir>
#include <QTest>

using SeqDrop::SequenceValidator;
using SeqDrop::ValidationReport;

namespace {

const QByteArray R = "@r1\nACGT\n+\nIIII\n"; // one valid record
const QString Fix = QStringLiteral("The file may be truncated or corrupted; re-export it from "
                                   "the sequencer.");

ValidationReport inPieces(const QString &name, const QByteArray &bytes, int piece) {
    SequenceValidator v(name);
    for (int at = 0; at < bytes.size(); at += piece)
        if (!v.feed(bytes.constData() + at, size_t(qMin(piece, int(bytes.size()) - at))))
            break;
    return v.finish();
}

} // namespace

class TestSequenceValidator : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void brokenFiles_data();
    void brokenFiles();
    void validFiles_data();
    void validFiles();
    void statistics();
    void messageAsTheTechnicianSeesIt();
    void truncatedGzipInTheMiddle();
    void bigGzipAcrossBlocks();
    void progressAndCancel();
    void jsonReport();

private:
    QTemporaryDir m_dir;
};

void TestSequenceValidator::brokenFiles_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<qint64>("record");
    QTest::addColumn<qint64>("line");

    const QByteArray three = R + "@r2\nACGT\n+\nIIII\n" + "@r3\nACGT\n+\nIIII\n";
    QByteArray gz3 = Fixtures::gzip(three);
    QByteArray badCrc = gz3;
    badCrc[badCrc.size() - 8] = char(badCrc[badCrc.size() - 8] ^ 0x55);

    QTest::newRow("empty file")
        << "reads.fastq" << QByteArray()
        << "the file is empty. Choose the right file, or export it again from the sequencer." << 0LL
        << 0LL;
    QTest::newRow("empty once decompressed")
        << "reads.fastq.gz" << Fixtures::gzip("")
        << "the file is empty once decompressed. Choose the right file, or export it again "
           "from the sequencer."
        << 0LL << 0LL;
    QTest::newRow("tiny file")
        << "reads.fastq" << QByteArray("@r1\nAC")
        << "the file is too small: it ends inside its first record (it has no '+' line and no "
           "quality line), so it holds no complete sequence. Check that this is the right "
           "file, or export it again."
        << 1LL << 2LL;
    QTest::newRow(".gz name, plain content")
        << "reads.fastq.gz" << R
        << "the name ends in .gz but the file is not gzip-compressed. Rename it to "
           "\"reads.fastq\", or compress it with gzip."
        << 0LL << 0LL;
    QTest::newRow("gzip content, no .gz")
        << "reads.fastq" << Fixtures::gzip(R)
        << "the file is gzip-compressed but its name does not end in .gz. Rename it to "
           "\"reads.fastq.gz\"."
        << 0LL << 0LL;
    QTest::newRow("FASTA content, .fastq name")
        << "reads.fastq" << QByteArray(">s1\nACGT\n")
        << "the name ends in .fastq (FASTQ) but the file holds FASTA records (it starts with "
           "'>'). Rename it to \"reads.fasta\", or choose the FASTQ file."
        << 0LL << 0LL;
    QTest::newRow("FASTQ content, .fa.gz name")
        << "reads.fa.gz" << Fixtures::gzip(R)
        << "the name ends in .fa (FASTA) but the file holds FASTQ records (it starts with "
           "'@'). Rename it to \"reads.fastq.gz\", or choose the FASTA file."
        << 0LL << 0LL;
    QTest::newRow("unknown extension")
        << "reads.txt" << R
        << "the file holds FASTQ records but its name does not end in a FASTQ extension "
           "(.fastq or .fq, optionally followed by .gz). Rename it to \"reads.fastq\"."
        << 0LL << 0LL;
    QTest::newRow("truncated gzip")
        << "reads.fastq.gz" << gz3.left(gz3.size() - 8)
        << "the gzip data stops before its end, after 3 complete records: the file is "
           "truncated (an interrupted copy or download?). Copy it again or re-export it from "
           "the sequencer."
        << 0LL << 0LL;
    QTest::newRow("gzip checksum")
        << "reads.fastq.gz" << badCrc
        << "the gzip data is damaged (the gzip checksum does not match the data) after 3 "
           "complete records, near line 13. The file is corrupted; copy it again or re-export "
           "it from the sequencer."
        << 0LL << 0LL;
    // A header CRC (FHCRC) that does not match: refused however the bytes are cut. ISA-L
    // skipped this check when the header came in pieces (found by the fuzzer).
    QByteArray badHeaderCrc = Fixtures::gzipNamed(R, "reads.fastq");
    badHeaderCrc[Fixtures::headerBytes("reads.fastq")] =
        char(badHeaderCrc[Fixtures::headerBytes("reads.fastq")] ^ 0x5a);
    QTest::newRow("gzip header checksum")
        << "reads.fastq.gz" << badHeaderCrc
        << "the gzip data is damaged (the gzip checksum does not match the data) after 0 "
           "complete records, near line 1. The file is corrupted; copy it again or re-export "
           "it from the sequencer."
        << 0LL << 0LL;
    QTest::newRow("garbage after gzip")
        << "reads.fastq.gz" << Fixtures::gzip(R) + QByteArray(16, '\0') + "junk"
        << "the gzip data is damaged (unexpected data after the end of the compressed data) "
           "after 1 complete records, near line 5. The file is corrupted; copy it again or "
           "re-export it from the sequencer."
        << 0LL << 0LL;
    QTest::newRow("bzip2")
        << "reads.fastq.bz2" << QByteArray("BZh91AY&SY\x01\x02\x03")
        << "the file is compressed with bzip2, which One Codex does not accept. Decompress "
           "it, or compress it with gzip (.gz)."
        << 0LL << 0LL;
    QTest::newRow("truncated last record")
        << "reads.fastq" << R + "@r2\nACGT\n+\nIIII\n@r3\nACGT\n+\nII"
        << "the file ends in the middle of this record (its quality line has 2 of 4 "
           "characters). The file is truncated; copy it again or re-export it from the "
           "sequencer."
        << 3LL << 12LL;
    QTest::newRow("last record without quality line")
        << "reads.fastq" << R + "@r2\nACGT\n+\n"
        << "the file ends in the middle of this record (it has no quality line). The file is "
           "truncated; copy it again or re-export it from the sequencer."
        << 2LL << 7LL;
    QTest::newRow("quality shorter than sequence")
        << "reads.fastq" << R + "@r2\nACGTAC\n+\nIIII\n" + R
        << "the quality line has 4 characters but the sequence has 6. " + Fix << 2LL << 8LL;
    QTest::newRow("missing + line")
        << "reads.fastq" << R + "@r2\nACGT\nIIII\n" + R
        << "the '+' line is missing: the line after the sequence starts with 'I' instead of "
           "'+'. " +
               Fix
        << 2LL << 7LL;
    QTest::newRow("missing sequence line")
        << "reads.fastq" << QByteArray("@r1\n+\nIIII\n")
        << "the sequence line is missing: the line after the header starts with '+'. " + Fix << 1LL
        << 2LL;
    QTest::newRow("header without @")
        << "reads.fastq" << R + "r2\nACGT\n+\nIIII\n"
        << "the line should start a record with '@' but starts with 'r' (a FASTQ record has "
           "4 lines: '@' header, sequence, '+', quality). " +
               Fix
        << 2LL << 5LL;
    QTest::newRow("header without name")
        << "reads.fastq" << QByteArray("@ x\nACGT\n+\nIIII\n")
        << "the header line has no read name after '@'. " + Fix << 1LL << 1LL;
    QTest::newRow("blank line between records")
        << "reads.fastq" << R + "\n" + R
        << "the line is empty, but FASTQ records follow each other without blank lines. " + Fix
        << 2LL << 5LL;
    QTest::newRow("not sequence text")
        << "reads.fastq" << QByteArray("ACGT\n>x\nACGT\n")
        << "the file does not start with '@' (FASTQ) or '>' (FASTA) but with \"ACGT\": it is "
           "not a FASTA or FASTQ file. Choose the sequence file itself."
        << 0LL << 1LL;
    QTest::newRow("binary file")
        << "reads.fastq" << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20)
        << "the file holds binary data, not FASTA or FASTQ text. Choose the sequence file "
           "itself (.fastq, .fasta, optionally .gz)."
        << 0LL << 1LL;
    QTest::newRow("byte-order mark")
        << "reads.fastq"
        << "\xEF\xBB\xBF" + R
        << "the file starts with an invisible byte-order mark (it was saved as \"UTF-8 with "
           "BOM\" by a text editor), so it does not start with '@' (FASTQ) or '>' (FASTA). "
           "Use the file as exported by the sequencer."
        << 0LL << 1LL;
    QTest::newRow("non-IUPAC base")
        << "reads.fastq" << R + "@r2\nACXT\n+\nIIII\n"
        << "the sequence has 'X' at position 3, which is not a nucleotide code (A C G T U, or "
           "IUPAC R Y S W K M B D H V N). " +
               Fix
        << 2LL << 6LL;
    QTest::newRow("binary inside a sequence")
        << "reads.fastq" << R + QByteArray("@r2\nAC\0T\n+\nIIII\n", 16)
        << "the sequence has the byte 0x00 at position 3, which is not a nucleotide code (A C "
           "G T U, or IUPAC R Y S W K M B D H V N). " +
               Fix
        << 2LL << 6LL;
    QTest::newRow("stray CR inside a sequence")
        << "reads.fastq" << QByteArray("@r1\nAC\rGT\n+\nIIII\n")
        << "the sequence has a stray carriage return at position 3, which is not a nucleotide "
           "code (A C G T U, or IUPAC R Y S W K M B D H V N). " +
               Fix
        << 1LL << 2LL;
    QTest::newRow("protein FASTA")
        << "proteins.fasta" << QByteArray(">p1\nMKTAYIAKQR\n")
        << "the sequence has 'I' at position 6: this looks like a protein (amino-acid) "
           "sequence. One Codex needs DNA or RNA sequences; choose the nucleotide file."
        << 1LL << 2LL;
    QTest::newRow("alignment gap")
        << "aln.fasta" << QByteArray(">s1\nACGT\nAC-GT\n")
        << "the sequence has the alignment gap '-' at position 3. One Codex needs unaligned "
           "sequences: export them without gaps."
        << 1LL << 3LL;
    QTest::newRow("bad quality character")
        << "reads.fastq" << R + "@r2\nACGT\n+\nII I\n"
        << "the quality line has a space at position 3, which is not a quality score (scores "
           "are the characters '!' to '~'). " +
               Fix
        << 2LL << 8LL;
    QTest::newRow("FASTA record without sequence")
        << "reads.fasta" << QByteArray(">a\n>b\nACGT\n")
        << "the record has a header but no sequence. " + Fix << 1LL << 1LL;
    QTest::newRow("FASTA last record without sequence")
        << "reads.fasta" << QByteArray(">a\nACGT\n>b\n")
        << "the last record has a header but no sequence. The file may be truncated; copy it "
           "again or re-export it."
        << 2LL << 3LL;
}

void TestSequenceValidator::brokenFiles() {
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    QFETCH(qint64, record);
    QFETCH(qint64, line);

    const QString path = Fixtures::write(m_dir.path(), name, bytes);
    QVERIFY(!path.isEmpty());
    const ValidationReport r = SequenceValidator::validateFile(path);
    QCOMPARE(r.file, name);
    QVERIFY(!r.ok);
    QCOMPARE(r.problem, problem);
    QCOMPARE(r.record, record);
    QCOMPARE(r.line, line);
    QVERIFY(r.toText().startsWith(name));

    // The same answer when the bytes arrive one at a time, or in odd pieces (an upload).
    for (int piece : {1, 2, 3, 7}) {
        const ValidationReport p = inPieces(name, bytes, piece);
        QCOMPARE(p.problem, problem);
        QCOMPARE(p.record, record);
        QCOMPARE(p.line, line);
    }
}

void TestSequenceValidator::validFiles_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("format");
    QTest::addColumn<qint64>("records");
    QTest::addColumn<qint64>("bases");
    QTest::addColumn<QStringList>("notes");

    const QString crlfNote =
        QStringLiteral("the file has Windows line endings (CR LF); they are accepted.");
    QByteArray crlf = R + "@r2\nACGTN\n+\nIIIII\n";
    crlf.replace("\n", "\r\n");
    QTest::newRow("CR LF") << "reads.fastq" << crlf << "FASTQ" << 2LL << 9LL
                           << QStringList{crlfNote};
    QByteArray crlfNoLast = crlf;
    crlfNoLast.chop(1); // ends in CR without LF
    QTest::newRow("CR LF, last LF missing")
        << "reads.fq" << crlfNoLast << "FASTQ" << 2LL << 9LL << QStringList{crlfNote};
    QTest::newRow("multi-line FASTA")
        << "contigs.fasta" << QByteArray(">c1 some description\nACGTACGT\nACG\n\n>c2\nNNNN\nacgt\n")
        << "FASTA" << 2LL << 19LL << QStringList();
    QTest::newRow("lowercase and IUPAC")
        << "reads.fastq"
        << QByteArray("@r1\nacgtuRYSWKMBDHVNryswkmbdhvn\n+\nIIIIIIIIIIIIIIIIIIIIIIIIIII\n")
        << "FASTQ" << 1LL << 27LL << QStringList();
    QTest::newRow("multi-member gzip")
        << "reads.fastq.gz" << Fixtures::gzip(R) + Fixtures::gzip("@r2\nACGTA\n+\nIIIII\n")
        << "FASTQ" << 2LL << 9LL
        << QStringList{"the gzip file has 2 members (concatenated gzip); all were read."};
    QTest::newRow("gzip header with name and CRC")
        << "reads.fastq.gz" << Fixtures::gzipNamed(R, "reads.fastq") << "FASTQ" << 1LL << 4LL
        << QStringList();
    QTest::newRow(".gzip extension")
        << "reads.fq.gzip" << Fixtures::gzip(R) << "FASTQ" << 1LL << 4LL << QStringList();
    QTest::newRow("gzip with zero padding")
        << "reads.fastq.gz" << Fixtures::gzip(R) + QByteArray(512, '\0') << "FASTQ" << 1LL << 4LL
        << QStringList{"512 zero bytes of padding follow the compressed data; they are ignored."};
    QTest::newRow("no final newline") << "reads.fastq" << R + "@r2\nAC\n+\nII"
                                      << "FASTQ" << 2LL << 6LL << QStringList();
    QTest::newRow("blank lines at the end") << "reads.fastq" << R + "\n\n"
                                            << "FASTQ" << 1LL << 4LL << QStringList();
    QTest::newRow("read trimmed to length 0")
        << "reads.fastq"
        << "@r0\n\n+\n\n" + R << "FASTQ" << 2LL << 4LL << QStringList();
    QTest::newRow("quality starting with @") << "reads.fastq" << QByteArray("@r1\nAC\n+\n@@\n")
                                             << "FASTQ" << 1LL << 2LL << QStringList();
    QTest::newRow(".fna.gz FASTA") << "genome.fna.gz" << Fixtures::gzip(">chr1\nACGT\n") << "FASTA"
                                   << 1LL << 4LL << QStringList();
}

void TestSequenceValidator::validFiles() {
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, format);
    QFETCH(qint64, records);
    QFETCH(qint64, bases);
    QFETCH(QStringList, notes);

    const QString path = Fixtures::write(m_dir.path(), name, bytes);
    const ValidationReport r = SequenceValidator::validateFile(path);
    QVERIFY2(r.ok, qPrintable(r.toText()));
    QCOMPARE(r.problem, QString());
    QCOMPARE(r.format, format);
    QCOMPARE(r.records, records);
    QCOMPARE(r.bases, bases);
    QCOMPARE(r.notes, notes);
    for (int piece : {1, 2, 5}) {
        const ValidationReport p = inPieces(name, bytes, piece);
        QVERIFY2(p.ok, qPrintable(p.toText()));
        QCOMPARE(p.records, records);
        QCOMPARE(p.bases, bases);
        QCOMPARE(p.notes, notes);
    }
}

void TestSequenceValidator::statistics() {
    const QByteArray text = Fixtures::fastq(3, 150) + Fixtures::fastq(1, 50, "s");
    const ValidationReport plain =
        SequenceValidator::validateFile(Fixtures::write(m_dir.path(), "stats.fastq", text));
    QVERIFY(plain.ok);
    QCOMPARE(plain.format, QStringLiteral("FASTQ"));
    QCOMPARE(plain.compressed, false);
    QCOMPARE(plain.records, 4);
    QCOMPARE(plain.bases, 500);
    QCOMPARE(plain.meanLength, 125.0);
    QCOMPARE(plain.plainBytes, qint64(text.size()));
    QCOMPARE(plain.bytesRead, qint64(text.size()));
    QCOMPARE(plain.toText(), QStringLiteral("stats.fastq: OK - FASTQ, 4 records, 500 bases, mean "
                                            "length 125.0"));

    const QByteArray gz = Fixtures::gzip(text);
    const ValidationReport packed =
        SequenceValidator::validateFile(Fixtures::write(m_dir.path(), "stats.fastq.gz", gz));
    QVERIFY(packed.ok);
    QCOMPARE(packed.compressed, true);
    QCOMPARE(packed.records, 4);
    QCOMPARE(packed.bytesRead, qint64(gz.size()));
    QCOMPARE(packed.plainBytes, qint64(text.size()));
    QCOMPARE(packed.toText(), QStringLiteral("stats.fastq.gz: OK - FASTQ (gzip), 4 records, 500 "
                                             "bases, mean length 125.0"));
}

void TestSequenceValidator::messageAsTheTechnicianSeesIt() {
    QByteArray text = Fixtures::fastq(1203, 150);
    text += "@bad\n" + QByteArray(150, 'A') + "\n+\n" + QByteArray(148, 'I') + "\n";
    const ValidationReport r = SequenceValidator::validateFile(
        Fixtures::write(m_dir.path(), "reads_R1.fastq.gz", Fixtures::gzip(text)));
    QCOMPARE(r.toText(), QStringLiteral("reads_R1.fastq.gz, record 1,204 (line 4,816): the "
                                        "quality line has 148 characters but the sequence has "
                                        "150. The file may be truncated or corrupted; re-export "
                                        "it from the sequencer."));
    QCOMPARE(r.records, 1203);
}

void TestSequenceValidator::truncatedGzipInTheMiddle() {
    const QByteArray gz = Fixtures::gzip(Fixtures::fastq(5000, 100));
    const ValidationReport r = SequenceValidator::validateFile(
        Fixtures::write(m_dir.path(), "cut.fastq.gz", gz.left(gz.size() / 2)));
    QVERIFY(!r.ok);
    QVERIFY2(r.problem.startsWith("the gzip data stops before its end, after "),
             qPrintable(r.problem));
    QVERIFY(r.records > 0 && r.records < 5000);
}

void TestSequenceValidator::bigGzipAcrossBlocks() {
    // Over 4 MiB once decompressed and several gzip members: block and member boundaries
    // fall inside records.
    QByteArray gz;
    QByteArray text;
    for (int m = 0; m < 4; ++m) {
        const QByteArray part = Fixtures::fastq(6000, 251, "m" + QByteArray::number(m) + "r");
        text += part;
        gz += Fixtures::gzip(part, 1);
    }
    QVERIFY(text.size() > (4 << 20));
    const ValidationReport r =
        SequenceValidator::validateFile(Fixtures::write(m_dir.path(), "big.fq.gz", gz));
    QVERIFY2(r.ok, qPrintable(r.toText()));
    QCOMPARE(r.records, 24000);
    QCOMPARE(r.bases, 24000LL * 251);
    QCOMPARE(r.plainBytes, qint64(text.size()));
}

void TestSequenceValidator::progressAndCancel() {
    const QByteArray text = Fixtures::fastq(40000, 200); // ~17 MB: several 4 MiB blocks
    const QString path = Fixtures::write(m_dir.path(), "progress.fastq", text);
    qint64 last = 0;
    int calls = 0;
    const ValidationReport r =
        SequenceValidator::validateFile(path, nullptr, [&](qint64 done, qint64 total) {
            QCOMPARE(total, qint64(text.size()));
            QVERIFY(done > last);
            last = done;
            ++calls;
        });
    QVERIFY(r.ok);
    QCOMPARE(last, qint64(text.size()));
    QVERIFY(calls >= 4);

    std::atomic<bool> cancel{false};
    const ValidationReport c =
        SequenceValidator::validateFile(path, &cancel, [&](qint64, qint64) { cancel = true; });
    QVERIFY(c.cancelled);
    QVERIFY(!c.ok);
    QCOMPARE(c.toText(), QStringLiteral("progress.fastq: validation cancelled."));
}

void TestSequenceValidator::jsonReport() {
    const ValidationReport r = SequenceValidator::validateFile(
        Fixtures::write(m_dir.path(), "j.fastq", R + "@r2\nACGT\n+\nIII\n"));
    const QJsonObject o = r.toJson();
    QCOMPARE(o.value("ok").toBool(), false);
    QCOMPARE(o.value("file").toString(), QStringLiteral("j.fastq"));
    QCOMPARE(o.value("record").toInteger(), 2);
    QCOMPARE(o.value("line").toInteger(), 8);
    QCOMPARE(o.value("records").toInteger(), 1);
    QVERIFY(o.value("message").toString().startsWith("j.fastq, record 2 (line 8): the quality"));
}

QTEST_GUILESS_MAIN(TestSequenceValidator)
#include "tst_sequencevalidator.moc"
