// Md5: the digest checked against the storage host's ETag, whichever code computes it.
#include "util/md5.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using SeqDrop::Md5;

class TestMd5 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownDigests_data();
    void knownDigests();
    void piecesGiveTheDigestOfTheWhole();
    void resultCanBeAskedAgainAndDataContinues();
    void resetStartsOver();
    void buildUsesOpenSslWhenFound();
};

// RFC 1321, appendix A.5.
void TestMd5::knownDigests_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("empty") << QByteArray() << QByteArray("d41d8cd98f00b204e9800998ecf8427e");
    QTest::newRow("a") << QByteArray("a") << QByteArray("0cc175b9c0f1b6a831c399e269772661");
    QTest::newRow("abc") << QByteArray("abc") << QByteArray("900150983cd24fb0d6963f7d28e17f72");
    QTest::newRow("message digest")
        << QByteArray("message digest") << QByteArray("f96b697d7cb7938d525a2f31aaf161d0");
    QTest::newRow("80 digits") << QByteArray("1234567890").repeated(8)
                               << QByteArray("57edf4a22be3c955ac49da2e2107b67a");
}

void TestMd5::knownDigests() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, hex);
    Md5 md5;
    md5.addData(input);
    QCOMPARE(md5.result().toHex(), hex);
}

// The upload hashes 1 MiB blocks, a rewind re-hashes in other sizes: only the bytes count.
void TestMd5::piecesGiveTheDigestOfTheWhole() {
    QByteArray data(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    QRandomGenerator rng(42);
    for (char &c : data)
        c = char(rng.bounded(256));
    const QByteArray expected = QCryptographicHash::hash(data, QCryptographicHash::Md5);

    Md5 md5;
    qsizetype at = 0;
    for (const qsizetype piece : {1, 63, 64, 65, 4096, 1 << 20, 7}) {
        md5.addData(QByteArrayView(data.constData() + at, piece));
        at += piece;
    }
    md5.addData(QByteArrayView(data.constData() + at, data.size() - at));
    QCOMPARE(md5.result(), expected);
}

void TestMd5::resultCanBeAskedAgainAndDataContinues() {
    Md5 md5;
    md5.addData("ab");
    QCOMPARE(md5.result(), QCryptographicHash::hash("ab", QCryptographicHash::Md5));
    QCOMPARE(md5.result(), QCryptographicHash::hash("ab", QCryptographicHash::Md5));
    md5.addData("c");
    QCOMPARE(md5.result().toHex(), QByteArray("900150983cd24fb0d6963f7d28e17f72"));
}

void TestMd5::resetStartsOver() {
    Md5 md5;
    md5.addData("something else entirely");
    md5.reset();
    md5.addData("abc");
    QCOMPARE(md5.result().toHex(), QByteArray("900150983cd24fb0d6963f7d28e17f72"));
}

// The faster code must really be the one used when the build found OpenSSL.
void TestMd5::buildUsesOpenSslWhenFound() {
#ifdef SEQDROP_HAVE_OPENSSL
    QCOMPARE(Md5::implementation(), "OpenSSL");
#else
    QCOMPARE(Md5::implementation(), "Qt");
#endif
}

QTEST_GUILESS_MAIN(TestMd5)
#include "tst_md5.moc"
