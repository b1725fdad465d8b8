// ProjectList: GET /api/v1/projects -> [{"$uri", "name", "project_name", ...}], and matching
// what the user typed: an id, a name or a project_name (names case-insensitive).
#include "samples/projectlist.h"

#include <QTest>

using SeqDrop::Project;
using SeqDrop::ProjectList;

namespace {

const QByteArray Answer = R"([
  {"$uri": "/api/v1/projects/0123456789abcdef", "name": "Gut Study", "project_name": "gut-2026",
   "description": "Stool samples", "external_id": null, "owner": {"$ref": "/api/v1/users/aaaa"},
   "permissions": ["can_edit"], "public": false},
  {"$uri": "/api/v1/projects/fedcba9876543210", "name": "Soil", "project_name": "soil-survey",
   "description": "", "public": false},
  {"$uri": "/api/v1/projects/1111111111111111", "name": "Pilot", "project_name": "pilot-a"},
  {"$uri": "/api/v1/projects/2222222222222222", "name": "pilot", "project_name": "pilot-b"}
])";

QList<Project> projects() {
    return ProjectList::parse(QJsonDocument::fromJson(Answer));
}

} // namespace

class TestProjectList : public QObject {
    Q_OBJECT

private slots:
    void parse();
    void parseSkipsEntriesWithoutUri();
    void parseNonArray();
    void resolve_data();
    void resolve();
    void ambiguous();
    void unknownListsProjects();
    void noProjects();
};

void TestProjectList::parse() {
    const QList<Project> list = projects();
    QCOMPARE(list.size(), 4);
    QCOMPARE(list.at(0).id, QStringLiteral("0123456789abcdef"));
    QCOMPARE(list.at(0).name, QStringLiteral("Gut Study"));
    QCOMPARE(list.at(0).projectName, QStringLiteral("gut-2026"));
    QCOMPARE(list.at(0).description, QStringLiteral("Stool samples"));
    QCOMPARE(list.at(1).id, QStringLiteral("fedcba9876543210"));
    QCOMPARE(list.at(3).id, QStringLiteral("2222222222222222"));
}

void TestProjectList::parseSkipsEntriesWithoutUri() {
    const QList<Project> list = ProjectList::parse(QJsonDocument::fromJson(
        R"([{"name": "no uri"}, {"$uri": "/api/v1/projects/abcdefabcdefabcd", "name": "ok"}, 42])"));
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).name, QStringLiteral("ok"));
}

void TestProjectList::parseNonArray() {
    QVERIFY(
        ProjectList::parse(QJsonDocument::fromJson(R"({"message": "Unauthorized"})")).isEmpty());
    QVERIFY(ProjectList::parse(QJsonDocument()).isEmpty());
}

void TestProjectList::resolve_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("id");
    QTest::newRow("id") << "fedcba9876543210"
                        << "fedcba9876543210";
    QTest::newRow("name") << "Gut Study"
                          << "0123456789abcdef";
    QTest::newRow("name, other case") << "gut study"
                                      << "0123456789abcdef";
    QTest::newRow("name, upper case") << "SOIL"
                                      << "fedcba9876543210";
    QTest::newRow("project_name") << "soil-survey"
                                  << "fedcba9876543210";
    QTest::newRow("project_name, other case") << "GUT-2026"
                                              << "0123456789abcdef";
    QTest::newRow("project_name disambiguates") << "pilot-b"
                                                << "2222222222222222";
    QTest::newRow("id of an ambiguous name") << "1111111111111111"
                                             << "1111111111111111";
}

void TestProjectList::resolve() {
    QFETCH(QString, query);
    QFETCH(QString, id);
    const QList<Project> list = projects();
    QString error;
    const Project *p = ProjectList::resolve(list, query, &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(p->id, id);
}

void TestProjectList::ambiguous() {
    // "Pilot" and "pilot" are the same name case-insensitively: refuse and ask for an id.
    const QList<Project> list = projects();
    QString error;
    QVERIFY(!ProjectList::resolve(list, QStringLiteral("PILOT"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(QLatin1String("1111111111111111")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("2222222222222222")), qPrintable(error));
}

void TestProjectList::unknownListsProjects() {
    const QList<Project> list = projects();
    QString error;
    QVERIFY(!ProjectList::resolve(list, QStringLiteral("Marine"), &error));
    QVERIFY2(error.contains(QLatin1String("Marine")), qPrintable(error));
    for (const char *name : {"Gut Study", "Soil", "Pilot"})
        QVERIFY2(error.contains(QLatin1String(name)), qPrintable(error));
    // A partial name or id is not a match.
    QVERIFY(!ProjectList::resolve(list, QStringLiteral("Gut"), &error));
    QVERIFY(!ProjectList::resolve(list, QStringLiteral("0123456789ABCDEF0"), &error));
}

void TestProjectList::noProjects() {
    QString error;
    QVERIFY(!ProjectList::resolve({}, QStringLiteral("Gut Study"), &error));
    QVERIFY2(!error.isEmpty(), "an empty account still gets an explanation");
    QVERIFY(error.contains(QLatin1String("Gut Study")));
}

QTEST_APPLESS_MAIN(TestProjectList)
#include "tst_projectlist.moc"
