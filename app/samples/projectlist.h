#pragma once

#include <QJsonDocument>
#include <QList>
#include <QString>

namespace SeqDrop {

struct Project {
    QString id; // 16 hex digits, from "$uri"
    QString name;
    QString projectName;
    QString description;
};

// The answer of GET /api/v1/projects, and matching what a user typed against it.
class ProjectList {
public:
    static QList<Project> parse(const QJsonDocument &answer);
    // Matches an id, a name or a project_name (case-insensitive for names). On failure returns
    // nullptr and a message listing what exists.
    static const Project *resolve(const QList<Project> &projects, const QString &query,
                                  QString *error);
};

} // namespace SeqDrop
