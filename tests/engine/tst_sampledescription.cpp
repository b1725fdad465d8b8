// SampleDescription: what the editor panel, the CLI's options and (later) a sample sheet's row
// say about samples. Untouched fields leave each sample's own values; touched-and-empty takes
// them off; values are typed by MetadataBuilder exactly as the CLI's --metadata always was;
// the panel's custom fields replace the sample's set, a single custom field joins it.
#include "samples/metadatabuilder.h"
#include "samples/sampledescription.h"

#include <QJsonObject>
#include <QTest>

using SeqDrop::MetadataBuilder;
using SeqDrop::SampleDescription;
using SeqDrop::SampleSpec;

namespace {

// A sample described earlier: every field the description could touch has a value.
SampleSpec describedSample() {
    SampleSpec spec;
    spec.file = QStringLiteral("/run/Plate7-001_S1_L001_R1_001.fastq.gz");
    spec.pairedFile = QStringLiteral("/run/Plate7-001_S1_L001_R2_001.fastq.gz");
    spec.tags = QStringList{QStringLiteral("plate-7"), QStringLiteral("soil")};
    spec.projectId = QStringLiteral("0123456789abcdef");
    spec.metadata = QJsonObject{{QStringLiteral("name"), QStringLiteral("Plate7-001")},
                                {QStringLiteral("external_sample_id"), QStringLiteral("LAB-0042")},
                                {QStringLiteral("platform"), QStringLiteral("Illumina MiSeq")},
                                {QStringLiteral("location_lat"), 47.37},
                                {QStringLiteral("custom"),
                                 QJsonObject{{QStringLiteral("well"), QStringLiteral("B07")},
                                             {QStringLiteral("operator"), QStringLiteral("AK")}}}};
    return spec;
}

} // namespace

class TestSampleDescription : public QObject {
    Q_OBJECT

private slots:
    void emptyChangesNothing();
    void untouchedFieldsStay();
    void touchedAndEmptyRemoves();
    void emptyTextIsSentEmpty();
    void typedLikeTheCli_data();
    void typedLikeTheCli();
    void customFieldsReplaceAsThePanelDoes();
    void singleCustomFieldJoinsTheOthers();
    void sampleNameAndExternalId();
    void laterValueWins();
    void problemsAreMetadataBuildersSentences();
    void invalidFieldIsLeftOut();
};

void TestSampleDescription::emptyChangesNothing() {
    const SampleDescription description;
    QVERIFY(description.isEmpty());
    QVERIFY(description.problems().isEmpty());
    SampleSpec spec = describedSample();
    description.applyTo(spec);
    QCOMPARE(spec.toJson(), describedSample().toJson());
}

void TestSampleDescription::untouchedFieldsStay() {
    SampleDescription description;
    QVERIFY(
        description.setField(QStringLiteral("description"), QStringLiteral("topsoil")).isEmpty());
    QVERIFY(!description.isEmpty());
    SampleSpec spec = describedSample();
    description.applyTo(spec);
    const SampleSpec before = describedSample();
    QCOMPARE(spec.tags, before.tags);
    QCOMPARE(spec.projectId, before.projectId);
    QCOMPARE(spec.file, before.file);
    QCOMPARE(spec.pairedFile, before.pairedFile);
    QJsonObject expected = before.metadata;
    expected.insert(QStringLiteral("description"), QStringLiteral("topsoil"));
    QCOMPARE(spec.metadata, expected);
}

void TestSampleDescription::touchedAndEmptyRemoves() {
    SampleDescription description;
    QVERIFY(description.setTags({}).isEmpty());
    description.setProjectId(QString());
    description.clearField(QStringLiteral("platform"));
    description.clearField(QStringLiteral("location_lat"));
    description.setCustomFields({});
    SampleSpec spec = describedSample();
    description.applyTo(spec);
    QVERIFY(spec.tags.isEmpty());
    QVERIFY(spec.projectId.isEmpty());
    QCOMPARE(spec.metadata,
             (QJsonObject{{QStringLiteral("name"), QStringLiteral("Plate7-001")},
                          {QStringLiteral("external_sample_id"), QStringLiteral("LAB-0042")}}));
    // Nothing to send any more: no tags, no project, no custom object.
    const QJsonObject body = spec.initUploadBody(10);
    QVERIFY(!body.contains(QLatin1String("tags")));
    QVERIFY(!body.contains(QLatin1String("project")));

    // A cleared custom name leaves the other custom fields; the last one takes `custom` along.
    SampleDescription oneCustom;
    oneCustom.clearField(QStringLiteral("well"));
    spec = describedSample();
    oneCustom.applyTo(spec);
    QCOMPARE(spec.metadata.value(QLatin1String("custom")).toObject(),
             (QJsonObject{{QStringLiteral("operator"), QStringLiteral("AK")}}));
    oneCustom.clearField(QStringLiteral("operator"));
    oneCustom.applyTo(spec);
    QVERIFY(!spec.metadata.contains(QLatin1String("custom")));
}

// `--metadata description=` has always sent an empty description; clearing is a separate act.
void TestSampleDescription::emptyTextIsSentEmpty() {
    SampleDescription description;
    QVERIFY(description.setField(QStringLiteral("description"), QString()).isEmpty());
    QVERIFY(description.setField(QStringLiteral("well"), QString()).isEmpty());
    SampleSpec spec;
    description.applyTo(spec);
    QCOMPARE(spec.metadata.value(QLatin1String("description")), QJsonValue(QString()));
    QCOMPARE(spec.metadata.value(QLatin1String("custom")).toObject(),
             (QJsonObject{{QStringLiteral("well"), QString()}}));
    // Typed fields still need a value, as they did on the command line.
    QVERIFY(!description.setField(QStringLiteral("date_collected"), QString()).isEmpty());
}

void TestSampleDescription::typedLikeTheCli_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::newRow("latitude") << "location_lat"
                              << "-33.9";
    QTest::newRow("longitude") << "location_lon"
                               << "-122.5";
    QTest::newRow("starred") << "starred"
                             << "true";
    QTest::newRow("not starred") << "starred"
                                 << "false";
    QTest::newRow("date") << "date_collected"
                          << "2026-11-29";
    QTest::newRow("date-time") << "date_sequenced"
                               << "2026-11-29T14:30:00";
    QTest::newRow("library type") << "library_type"
                                  << "Targeted/16S";
    QTest::newRow("platform") << "platform"
                              << "Illumina NextSeq 2000";
    QTest::newRow("custom stays text") << "plate"
                                       << "007";
}

// The same key and text through MetadataBuilder (the CLI's old path) and through a description
// give the same metadata.
void TestSampleDescription::typedLikeTheCli() {
    QFETCH(QString, key);
    QFETCH(QString, text);
    MetadataBuilder cli;
    QVERIFY(cli.add(key, text).isEmpty());
    SampleDescription description;
    QVERIFY(description.setField(key, text).isEmpty());
    SampleSpec spec;
    description.applyTo(spec);
    QCOMPARE(spec.metadata, cli.metadata());
}

// The panel's custom-field editor holds the whole set: applying it replaces the sample's custom
// fields and leaves the documented ones.
void TestSampleDescription::customFieldsReplaceAsThePanelDoes() {
    SampleDescription description;
    description.setCustomFields(QJsonObject{{QStringLiteral("well"), QStringLiteral("C01")},
                                            {QStringLiteral("batch"), QStringLiteral("7")}});
    SampleSpec spec = describedSample();
    description.applyTo(spec);
    QJsonObject expected = describedSample().metadata;
    expected.insert(QStringLiteral("custom"),
                    QJsonObject{{QStringLiteral("well"), QStringLiteral("C01")},
                                {QStringLiteral("batch"), QStringLiteral("7")}});
    QCOMPARE(spec.metadata, expected);
}

void TestSampleDescription::singleCustomFieldJoinsTheOthers() {
    SampleDescription description;
    QVERIFY(description.setField(QStringLiteral("well"), QStringLiteral("H12")).isEmpty());
    QVERIFY(description.setField(QStringLiteral("run"), QStringLiteral("0042")).isEmpty());
    SampleSpec spec = describedSample();
    description.applyTo(spec);
    QCOMPARE(spec.metadata.value(QLatin1String("custom")).toObject(),
             (QJsonObject{{QStringLiteral("well"), QStringLiteral("H12")},
                          {QStringLiteral("operator"), QStringLiteral("AK")},
                          {QStringLiteral("run"), QStringLiteral("0042")}}));
}

void TestSampleDescription::sampleNameAndExternalId() {
    SampleDescription description;
    QVERIFY(description.setSampleName(QStringLiteral("Plate7-002")).isEmpty());
    QVERIFY(description.setExternalSampleId(QStringLiteral("LAB-0043")).isEmpty());
    SampleSpec spec = describedSample();
    description.applyTo(spec);
    QCOMPARE(spec.metadata.value(QLatin1String("name")).toString(), QStringLiteral("Plate7-002"));
    QCOMPARE(spec.metadata.value(QLatin1String("external_sample_id")).toString(),
             QStringLiteral("LAB-0043"));

    SampleDescription tooLong;
    const QString id(61, QLatin1Char('x'));
    QCOMPARE(tooLong.setExternalSampleId(id),
             MetadataBuilder().add(QStringLiteral("external_sample_id"), id));
}

void TestSampleDescription::laterValueWins() {
    SampleDescription description;
    description.setField(QStringLiteral("platform"), QStringLiteral("Illumina MiSeq"));
    description.setField(QStringLiteral("platform"), QStringLiteral("Ion Torrent S5"));
    SampleSpec spec;
    description.applyTo(spec);
    QCOMPARE(spec.metadata.value(QLatin1String("platform")).toString(),
             QStringLiteral("Ion Torrent S5"));
}

// A sample sheet collects a row's problems after building it; the CLI takes each setter's
// answer as it goes. Both read MetadataBuilder's sentences, in the order the fields were set,
// the tags last.
void TestSampleDescription::problemsAreMetadataBuildersSentences() {
    SampleDescription description;
    const QStringList tagProblems =
        description.setTags({QStringLiteral("ok"), QString(31, QLatin1Char('x')), QString()});
    const QString lat = description.setField(QStringLiteral("location_lat"), QStringLiteral("95"));
    const QString date =
        description.setField(QStringLiteral("date_collected"), QStringLiteral("29.11.2026"));
    const QString reserved = description.setField(QStringLiteral("custom"), QStringLiteral("x"));
    const QString noKey = description.setField(QString(), QStringLiteral("x"));

    QString why;
    QVERIFY(!MetadataBuilder::isValidTag(QString(31, QLatin1Char('x')), &why));
    QString emptyWhy;
    QVERIFY(!MetadataBuilder::isValidTag(QString(), &emptyWhy));
    QCOMPARE(tagProblems, (QStringList{why, emptyWhy}));
    QVERIFY(why.contains(QLatin1String("at most 30")));
    QCOMPARE(lat, MetadataBuilder().add(QStringLiteral("location_lat"), QStringLiteral("95")));
    QVERIFY(lat.contains(QLatin1String("location_lat")));
    QCOMPARE(date,
             MetadataBuilder().add(QStringLiteral("date_collected"), QStringLiteral("29.11.2026")));
    QCOMPARE(reserved, MetadataBuilder().add(QStringLiteral("custom"), QStringLiteral("x")));
    QCOMPARE(noKey, MetadataBuilder().add(QString(), QStringLiteral("x")));
    QCOMPARE(description.problems(), (QStringList{lat, date, reserved, noKey, why, emptyWhy}));

    description.clearField(QStringLiteral("location_lat")); // a clearing is never a problem
    QCOMPARE(description.problems().size(), 6);
}

void TestSampleDescription::invalidFieldIsLeftOut() {
    SampleDescription description;
    QVERIFY(!description.setField(QStringLiteral("location_lat"), QStringLiteral("95")).isEmpty());
    QVERIFY(!description.setField(QStringLiteral("custom"), QStringLiteral("x")).isEmpty());
    SampleSpec spec = describedSample();
    description.applyTo(spec);
    QCOMPARE(spec.metadata, describedSample().metadata);
}

QTEST_GUILESS_MAIN(TestSampleDescription)
#include "tst_sampledescription.moc"
