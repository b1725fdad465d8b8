#include "samples/projectlist.h"

#include <QJsonArray>
#include <QJsonObject>

namespace SeqDrop {

QList<Project> ProjectList::parse(const QJsonDocument &answer) {
    QList<Project> projects;
    const QJsonArray list = answer.array();
    for (const QJsonValue &value : list) {
        const QJsonObject o = value.toObject();
        Project p;
        p.id = o.value(QLatin1String("$uri")).toString().section(QLatin1Char('/'), -1);
        p.name = o.value(QLatin1String("name")).toString();
        p.projectName = o.value(QLatin1String("project_name")).toString();
        p.description = o.value(QLatin1String("description")).toString();
        if (!p.id.isEmpty())
            projects.append(p);
    }
    return projects;
}

const Project *ProjectList::resolve(const QList<Project> &projects, const QString &query,
                                    QString *error) {
    for (const Project &p : projects)
        if (p.id == query)
            return &p;
    const Project *found = nullptr;
    int matches = 0;
    for (const Project &p : projects) {
        if (p.name.compare(query, Qt::CaseInsensitive) == 0 ||
            p.projectName.compare(query, Qt::CaseInsensitive) == 0) {
            found = &p;
            ++matches;
        }
    }
    if (matches == 1)
        return found;
    QStringList names;
    for (const Project &p : projects)
        names.append(QStringLiteral("\"%1\" (%2)").arg(p.name, p.id));
    if (matches > 1)
        *error = QStringLiteral("Several projects are called \"%1\"; give its id instead: %2")
                     .arg(query, names.join(QStringLiteral(", ")));
    else if (projects.isEmpty())
        *error = QStringLiteral("No project \"%1\": this account has no projects.").arg(query);
    else
        *error = QStringLiteral("No project \"%1\". Projects available: %2")
                     .arg(query, names.join(QStringLiteral(", ")));
    return nullptr;
}

} // namespace SeqDrop
