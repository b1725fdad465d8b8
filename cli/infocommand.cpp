#include "infocommand.h"

#include "net/apiclient.h"
#include "samples/projectlist.h"

#include <QJsonObject>
#include <QTextStream>

using namespace SeqDrop;

InfoCommand::InfoCommand(What what, bool json, ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_what(what)
    , m_json(json)
    , m_api(api) {}

void InfoCommand::start() {
    ApiJob *job = m_what == What::Account ? m_api->account() : m_api->projects();
    connect(job, &NetworkJob::finished, this, [this, job] {
        job->deleteLater();
        if (job->error().isError()) {
            QTextStream(stderr) << "seqdrop-cli: " << job->error().toString() << '\n';
            Q_EMIT done(job->error().kind == UploadError::Kind::Auth ? 3 : 1);
            return;
        }
        QTextStream out(stdout);
        if (m_json) {
            out << job->json().toJson(QJsonDocument::Compact) << '\n';
        } else if (m_what == What::Account) {
            out << job->json().object().value(QLatin1String("email")).toString() << " on "
                << m_api->baseUrl().toString() << '\n';
        } else {
            for (const Project &p : ProjectList::parse(job->json()))
                out << p.id << "  " << p.name << "  (" << p.projectName << ")\n";
        }
        Q_EMIT done(0);
    });
    job->start();
}
