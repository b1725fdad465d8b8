#pragma once

#include "samples/projectlist.h"

#include <QObject>
#include <QStringList>

namespace SeqDrop {

class ApiClient;

// The account's projects and tag names, which the description form offers. Fetched each time
// the session can upload (a new account, the sandbox); a list that cannot be fetched stays as
// it was, since the form works without it.
class AccountLists : public QObject {
    Q_OBJECT
public:
    explicit AccountLists(ApiClient *api, QObject *parent = nullptr);

    void load();

Q_SIGNALS:
    void projectsLoaded(const QList<SeqDrop::Project> &projects);
    void tagsLoaded(const QStringList &names); // sorted, each once

private:
    ApiClient *m_api;
};

} // namespace SeqDrop
