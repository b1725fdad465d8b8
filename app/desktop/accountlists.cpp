#include "desktop/accountlists.h"

#include "net/apiclient.h"

#include <QJsonArray>
#include <QJsonObject>

namespace SeqDrop {

AccountLists::AccountLists(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api) {}

void AccountLists::load() {
    ApiJob *projects = m_api->projects();
    connect(projects, &NetworkJob::finished, this, [this, projects] {
        projects->deleteLater();
        if (!projects->error().isError())
            Q_EMIT projectsLoaded(ProjectList::parse(projects->json()));
    });
    projects->start();
    ApiJob *tags = m_api->tags();
    connect(tags, &NetworkJob::finished, this, [this, tags] {
        tags->deleteLater();
        if (tags->error().isError())
            return;
        QStringList names;
        for (const QJsonValue &v : tags->json().array())
            names << v.toObject().value(QStringLiteral("name")).toString();
        names.removeDuplicates();
        names.sort(Qt::CaseInsensitive);
        Q_EMIT tagsLoaded(names);
    });
    tags->start();
}

} // namespace SeqDrop
