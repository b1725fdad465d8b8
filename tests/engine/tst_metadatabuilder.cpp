// MetadataBuilder: One Codex's documented metadata fields typed and checked before upload
// (location_string <= 255, external_sample_id <= 60, ISO dates, lat -90..90, lon -180..180,
// starred bool, library_type / sample_type enums), everything else under "custom".
#include "samples/metadatabuilder.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTest>

using SeqDrop::MetadataBuilder;

class TestMetadataBuilder : public QObject {
    Q_OBJECT

private slots:
    void typed_data();
    void typed();
    void refused_data();
    void refused();
    void refusedLeavesNoTrace();
    void dates_data();
    void dates();
    void customStaysText();
    void customKeyReserved();
    void emptyKeyRefused();
    void noCustomWhenNoneGiven();
    void enumsListed();
    void tags_data();
    void tags();
};

void TestMetadataBuilder::typed_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QJsonValue>("expected");
    QTest::newRow("lat") << "location_lat"
                         << "45.5" << QJsonValue(45.5);
    QTest::newRow("lat -90") << "location_lat"
                             << "-90" << QJsonValue(-90.0);
    QTest::newRow("lat 90") << "location_lat"
                            << "90" << QJsonValue(90.0);
    QTest::newRow("lon") << "location_lon"
                         << "-122.675" << QJsonValue(-122.675);
    QTest::newRow("lon 180") << "location_lon"
                             << "180" << QJsonValue(180.0);
    QTest::newRow("lon -180") << "location_lon"
                              << "-180" << QJsonValue(-180.0);
    QTest::newRow("starred true") << "starred"
                                  << "true" << QJsonValue(true);
    QTest::newRow("starred false") << "starred"
                                   << "false" << QJsonValue(false);
    QTest::newRow("library WGS") << "library_type"
                                 << "WGS" << QJsonValue(QStringLiteral("WGS"));
    QTest::newRow("library Targeted/16S")
        << "library_type"
        << "Targeted/16S" << QJsonValue(QStringLiteral("Targeted/16S"));
    QTest::newRow("library Other") << "library_type"
                                   << "Other" << QJsonValue(QStringLiteral("Other"));
    QTest::newRow("sample Isolate") << "sample_type"
                                    << "Isolate" << QJsonValue(QStringLiteral("Isolate"));
    QTest::newRow("sample Metagenomic")
        << "sample_type"
        << "Metagenomic" << QJsonValue(QStringLiteral("Metagenomic"));
    QTest::newRow("name") << "name"
                          << "Stool 12" << QJsonValue(QStringLiteral("Stool 12"));
    QTest::newRow("name digits stay text") << "name"
                                           << "007" << QJsonValue(QStringLiteral("007"));
    QTest::newRow("description") << "description"
                                 << "a = b" << QJsonValue(QStringLiteral("a = b"));
    QTest::newRow("platform") << "platform"
                              << "Illumina MiSeq" << QJsonValue(QStringLiteral("Illumina MiSeq"));
    QTest::newRow("external_sample_id 60")
        << "external_sample_id" << QString(60, 'e') << QJsonValue(QString(60, 'e'));
    QTest::newRow("location_string 255")
        << "location_string" << QString(255, 'l') << QJsonValue(QString(255, 'l'));
}

void TestMetadataBuilder::typed() {
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QJsonValue, expected);
    MetadataBuilder b;
    QCOMPARE(b.add(key, value), QString());
    const QJsonObject m = b.metadata();
    QVERIFY2(m.contains(key), qPrintable(key));
    QCOMPARE(m.value(key).type(), expected.type());
    QCOMPARE(m.value(key), expected);
    QVERIFY2(!m.contains("custom"), "a documented field is not custom");
    QCOMPARE(MetadataBuilder::validate(key, value), QString());
}

void TestMetadataBuilder::refused_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("lat 91") << "location_lat"
                            << "91";
    QTest::newRow("lat -90.0001") << "location_lat"
                                  << "-90.0001";
    QTest::newRow("lat text") << "location_lat"
                              << "north";
    QTest::newRow("lat comma decimal") << "location_lat"
                                       << "45,5";
    QTest::newRow("lat empty") << "location_lat"
                               << "";
    QTest::newRow("lat nan") << "location_lat"
                             << "nan";
    QTest::newRow("lat inf") << "location_lat"
                             << "inf";
    QTest::newRow("lon -181") << "location_lon"
                              << "-181";
    QTest::newRow("lon 180.5") << "location_lon"
                               << "180.5";
    QTest::newRow("starred yes") << "starred"
                                 << "yes";
    QTest::newRow("starred 1") << "starred"
                               << "1";
    QTest::newRow("library wgs (case)") << "library_type"
                                        << "wgs";
    QTest::newRow("library 16S") << "library_type"
                                 << "16S";
    QTest::newRow("sample isolate (case)") << "sample_type"
                                           << "isolate";
    QTest::newRow("sample empty") << "sample_type"
                                  << "";
    QTest::newRow("external_sample_id 61") << "external_sample_id" << QString(61, 'e');
    QTest::newRow("location_string 256") << "location_string" << QString(256, 'l');
    QTest::newRow("date garbage") << "date_collected"
                                  << "yesterday";
    QTest::newRow("date 30 Feb") << "date_collected"
                                 << "2026-02-30";
    QTest::newRow("date US order") << "date_sequenced"
                                   << "11/29/2026";
    QTest::newRow("date empty") << "date_sequenced"
                                << "";
}

void TestMetadataBuilder::refused() {
    QFETCH(QString, key);
    QFETCH(QString, value);
    const QString why = MetadataBuilder::validate(key, value);
    QVERIFY2(!why.isEmpty(), qPrintable(key + '=' + value));
    QVERIFY2(why.contains(key), qPrintable(why)); // the message names the field
    MetadataBuilder b;
    const QString added = b.add(key, value);
    QVERIFY2(!added.isEmpty(), qPrintable(key + '=' + value));
    QVERIFY(b.metadata().isEmpty());
}

void TestMetadataBuilder::refusedLeavesNoTrace() {
    MetadataBuilder b;
    QCOMPARE(b.add("location_lat", "45"), QString());
    QVERIFY(!b.add("location_lat", "95").isEmpty());
    // The earlier good value stays; the refused one does not replace it.
    QCOMPARE(b.metadata().value("location_lat"), QJsonValue(45.0));
}

void TestMetadataBuilder::dates_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("date only") << "2026-11-29"
                               << QDateTime(QDate(2026, 11, 29), QTime(0, 0), Qt::UTC);
    QTest::newRow("date-time") << "2026-11-29T14:30:00"
                               << QDateTime(QDate(2026, 11, 29), QTime(14, 30));
    QTest::newRow("date-time Z") << "2026-11-29T14:30:00Z"
                                 << QDateTime(QDate(2026, 11, 29), QTime(14, 30), Qt::UTC);
    QTest::newRow("leap day") << "2024-02-29"
                              << QDateTime(QDate(2024, 2, 29), QTime(0, 0), Qt::UTC);
}

void TestMetadataBuilder::dates() {
    QFETCH(QString, value);
    QFETCH(QDateTime, expected);
    for (const char *key : {"date_collected", "date_sequenced"}) {
        MetadataBuilder b;
        QCOMPARE(b.add(key, value), QString());
        const QJsonValue v = b.metadata().value(key);
        QVERIFY(v.isString());
        // An ISO date-time, i.e. with a time part, that reads back as the same moment.
        QVERIFY2(v.toString().contains('T'), qPrintable(v.toString()));
        const QDateTime parsed = QDateTime::fromString(v.toString(), Qt::ISODate);
        QVERIFY2(parsed.isValid(), qPrintable(v.toString()));
        QCOMPARE(parsed, expected);
    }
}

void TestMetadataBuilder::customStaysText() {
    MetadataBuilder b;
    QCOMPARE(b.add("patient", "007"), QString());
    QCOMPARE(b.add("ward", "3"), QString());
    QCOMPARE(b.add("fasted", "true"), QString());
    QCOMPARE(b.add("name", "S1"), QString());
    const QJsonObject m = b.metadata();
    QCOMPARE(m.value("name"), QJsonValue(QStringLiteral("S1")));
    QVERIFY(!m.contains("patient"));
    const QJsonObject custom = m.value("custom").toObject();
    QCOMPARE(custom.size(), 3);
    QCOMPARE(custom.value("patient"), QJsonValue(QStringLiteral("007")));
    QCOMPARE(custom.value("ward"), QJsonValue(QStringLiteral("3")));
    QCOMPARE(custom.value("fasted"), QJsonValue(QStringLiteral("true")));
    // custom is flat.
    for (const QJsonValue &v : custom)
        QVERIFY(!v.isObject() && !v.isArray());
}

void TestMetadataBuilder::customKeyReserved() {
    MetadataBuilder b;
    QVERIFY(!b.add("custom", "x").isEmpty());
    QVERIFY(!b.add("custom", R"({"a":"b"})").isEmpty());
    QVERIFY(b.metadata().isEmpty());
}

void TestMetadataBuilder::emptyKeyRefused() {
    MetadataBuilder b;
    QVERIFY(!b.add("", "x").isEmpty());
    QVERIFY(b.metadata().isEmpty());
}

void TestMetadataBuilder::noCustomWhenNoneGiven() {
    MetadataBuilder b;
    QVERIFY(b.metadata().isEmpty());
    QCOMPARE(b.add("starred", "true"), QString());
    QCOMPARE(b.metadata().keys(), QStringList{"starred"});
}

void TestMetadataBuilder::enumsListed() {
    QCOMPARE(MetadataBuilder::libraryTypes(), (QStringList{"WGS", "Targeted/16S", "Other"}));
    QCOMPARE(MetadataBuilder::sampleTypes(), (QStringList{"Isolate", "Metagenomic", "Other"}));
    const QStringList known = MetadataBuilder::knownFields();
    for (const char *field : {"name", "description", "location_string", "external_sample_id",
                              "date_collected", "date_sequenced", "location_lat", "location_lon",
                              "starred", "library_type", "sample_type", "platform"})
        QVERIFY2(known.contains(QLatin1String(field)), field);
    QVERIFY(!known.contains("custom"));
}

void TestMetadataBuilder::tags_data() {
    QTest::addColumn<QString>("tag");
    QTest::addColumn<bool>("valid");
    QTest::newRow("1 char") << "a" << true;
    QTest::newRow("30 chars") << QString(30, 't') << true;
    QTest::newRow("31 chars") << QString(31, 't') << false;
    QTest::newRow("30 non-ASCII chars") << QString(30, QChar(0x00e9)) << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("blank") << "   " << false;
    QTest::newRow("with space") << "run 12" << true;
}

void TestMetadataBuilder::tags() {
    QFETCH(QString, tag);
    QFETCH(bool, valid);
    QString why;
    QCOMPARE(MetadataBuilder::isValidTag(tag, &why), valid);
    QCOMPARE(why.isEmpty(), valid);
}

QTEST_APPLESS_MAIN(TestMetadataBuilder)
#include "tst_metadatabuilder.moc"
