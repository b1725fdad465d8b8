#include "desktop/appsettings.h"

#include "upload/networkretry.h"
#include "upload/uploadqueue.h"

#include <QSettings>

namespace SeqDrop {

QUrl AppSettings::serverUrl() {
    return QSettings().value(QStringLiteral("server/url")).toUrl();
}

void AppSettings::setServerUrl(const QUrl &url) {
    QSettings s;
    if (url.isEmpty())
        s.remove(QStringLiteral("server/url"));
    else
        s.setValue(QStringLiteral("server/url"), url);
}

int AppSettings::maxParallel() {
    return qBound(
        1,
        QSettings().value(QStringLiteral("uploads/parallel"), UploadQueue::DefaultParallel).toInt(),
        16);
}

void AppSettings::setMaxParallel(int n) {
    QSettings().setValue(QStringLiteral("uploads/parallel"), n);
}

bool AppSettings::autoStart() {
    // Off by default: a technician describes the samples (tags, project) before they go.
    return QSettings().value(QStringLiteral("uploads/autoStart"), false).toBool();
}

void AppSettings::setAutoStart(bool on) {
    QSettings().setValue(QStringLiteral("uploads/autoStart"), on);
}

TransferSettings::Route AppSettings::uploadRoute() {
    // Stored by name ("auto", "form", "multipart"): readable in the file, stable across versions.
    const QString name = QSettings().value(QStringLiteral("uploads/route")).toString();
    return TransferSettings::routeNamed(name).value_or(TransferSettings::Route::Auto);
}

void AppSettings::setUploadRoute(TransferSettings::Route route) {
    QSettings().setValue(QStringLiteral("uploads/route"), TransferSettings::routeName(route));
}

int AppSettings::partsInFlight() {
    return qBound(
        1,
        QSettings()
            .value(QStringLiteral("uploads/partsInFlight"), TransferSettings().partsInFlight)
            .toInt(),
        MaxPartsInFlight);
}

bool AppSettings::keepAwake() {
    return QSettings().value(QStringLiteral("uploads/keepAwake"), true).toBool();
}

void AppSettings::setKeepAwake(bool on) {
    QSettings().setValue(QStringLiteral("uploads/keepAwake"), on);
}

int AppSettings::networkRetries() {
    return qBound(0,
                  QSettings()
                      .value(QStringLiteral("uploads/networkRetries"), NetworkRetry::DefaultLimit)
                      .toInt(),
                  MaxNetworkRetries);
}

void AppSettings::setNetworkRetries(int n) {
    QSettings().setValue(QStringLiteral("uploads/networkRetries"), n);
}

BandwidthSchedule AppSettings::bandwidth() {
    QSettings s;
    s.beginGroup(QStringLiteral("uploads/limit"));
    BandwidthSchedule b;
    b.limited = s.value(QStringLiteral("on"), false).toBool();
    b.rate = qMax<qint64>(0, s.value(QStringLiteral("bytesPerSecond"), b.rate).toLongLong());
    b.scheduled = s.value(QStringLiteral("scheduled"), false).toBool();
    const QTime from = QTime::fromString(s.value(QStringLiteral("from")).toString(), Qt::ISODate);
    const QTime to = QTime::fromString(s.value(QStringLiteral("to")).toString(), Qt::ISODate);
    if (from.isValid())
        b.from = from;
    if (to.isValid())
        b.to = to;
    b.weekdaysOnly = s.value(QStringLiteral("weekdaysOnly"), true).toBool();
    return b;
}

void AppSettings::setBandwidth(const BandwidthSchedule &b) {
    QSettings s;
    s.beginGroup(QStringLiteral("uploads/limit"));
    s.setValue(QStringLiteral("on"), b.limited);
    s.setValue(QStringLiteral("bytesPerSecond"), b.rate);
    s.setValue(QStringLiteral("scheduled"), b.scheduled);
    s.setValue(QStringLiteral("from"), b.from.toString(QStringLiteral("HH:mm")));
    s.setValue(QStringLiteral("to"), b.to.toString(QStringLiteral("HH:mm")));
    s.setValue(QStringLiteral("weekdaysOnly"), b.weekdaysOnly);
}

void AppSettings::setPartsInFlight(int n) {
    QSettings().setValue(QStringLiteral("uploads/partsInFlight"), n);
}

QByteArray AppSettings::windowGeometry() {
    return QSettings().value(QStringLiteral("window/geometry")).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry) {
    QSettings().setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray AppSettings::windowState() {
    return QSettings().value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state) {
    QSettings().setValue(QStringLiteral("window/state"), state);
}

QString AppSettings::lastFolder() {
    return QSettings().value(QStringLiteral("files/lastFolder")).toString();
}

void AppSettings::setLastFolder(const QString &folder) {
    QSettings().setValue(QStringLiteral("files/lastFolder"), folder);
}

} // namespace SeqDrop
