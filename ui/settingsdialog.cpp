#include "settingsdialog.h"

#include "bandwidthsettingswidget.h"
#include "desktop/appsettings.h"
#include "desktop/proxysetup.h"
#include "net/apiclient.h"
#include "net/urlpolicy.h"
#include "proxysettingswidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace SeqDrop {

SettingsDialog::SettingsDialog(QWidget *parent, ProxySetup *proxy)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_parallel(new QSpinBox(this))
    , m_autoStart(new QCheckBox(tr("Start uploading as soon as files are added"), this))
    , m_route(new QComboBox(this))
    , m_partsInFlight(new QSpinBox(this))
    , m_networkRetries(new QSpinBox(this))
    , m_keepAwake(new QCheckBox(tr("&Keep the computer awake while uploading"), this))
    , m_bandwidth(new BandwidthSettingsWidget(AppSettings::bandwidth(), this))
    , m_error(new QLabel(this))
    , m_proxy(proxy) {
    setWindowTitle(tr("Settings"));
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_url->setAccessibleName(tr("Server address"));
    m_url->setPlaceholderText(ApiClient::defaultBaseUrl().toString());
    m_url->setText(AppSettings::serverUrl().toString());
    m_url->setClearButtonEnabled(true);
    m_parallel->setAccessibleName(tr("Parallel uploads"));
    m_parallel->setRange(1, 16);
    m_parallel->setValue(AppSettings::maxParallel());
    m_autoStart->setAccessibleName(tr("Start uploads automatically"));
    m_autoStart->setChecked(AppSettings::autoStart());
    m_autoStart->setToolTip(tr("When off, files wait until you press Start, so you can set tags "
                               "and the project first."));
    // In the order of TransferSettings::Route; the data is the name AppSettings stores.
    using Route = TransferSettings::Route;
    m_route->setObjectName(QStringLiteral("uploadRoute"));
    m_route->setAccessibleName(tr("Upload route"));
    m_route->addItem(tr("Automatic"), TransferSettings::routeName(Route::Auto));
    m_route->setItemData(0, tr("Multipart only for a file over 5 GiB, else one request per file."),
                         Qt::ToolTipRole);
    m_route->addItem(tr("Form"), TransferSettings::routeName(Route::Form));
    m_route->setItemData(1,
                         tr("One request per file; an interrupted file starts again from the "
                            "beginning."),
                         Qt::ToolTipRole);
    m_route->addItem(tr("Multipart"), TransferSettings::routeName(Route::Multipart));
    m_route->setItemData(2,
                         tr("Part by part: an interrupted upload resumes from its last stored "
                            "part."),
                         Qt::ToolTipRole);
    m_route->setCurrentIndex(
        m_route->findData(TransferSettings::routeName(AppSettings::uploadRoute())));
    m_route->setToolTip(tr("How files travel. Automatic: multipart only for a file over 5 GiB. "
                           "Multipart: resumable part by part."));
    m_partsInFlight->setObjectName(QStringLiteral("partsInFlight"));
    m_partsInFlight->setAccessibleName(tr("Parts in flight"));
    m_partsInFlight->setRange(1, AppSettings::MaxPartsInFlight);
    m_partsInFlight->setValue(AppSettings::partsInFlight());
    m_partsInFlight->setToolTip(tr("Multipart: how many parts of a file are sent at the same "
                                   "time."));
    m_networkRetries->setObjectName(QStringLiteral("networkRetries"));
    m_networkRetries->setAccessibleName(tr("Retries when the network is back"));
    m_networkRetries->setRange(0, AppSettings::MaxNetworkRetries);
    m_networkRetries->setValue(AppSettings::networkRetries());
    m_networkRetries->setSpecialValueText(tr("Never"));
    m_networkRetries->setToolTip(tr("A sample that failed because the network went away is "
                                    "uploaded again by itself when it comes back, at most this "
                                    "many times."));
    m_keepAwake->setObjectName(QStringLiteral("keepAwake"));
    m_keepAwake->setChecked(AppSettings::keepAwake());
    m_keepAwake->setToolTip(tr("While uploads run the computer does not go to sleep (the screen "
                               "may still turn off); it may again once the queue is done or "
                               "paused."));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Server address:"), m_url);
    form->addRow(tr("&Parallel uploads:"), m_parallel);
    form->addRow(QString(), m_autoStart);
    form->addRow(tr("Retry when the &network is back:"), m_networkRetries);
    form->addRow(QString(), m_keepAwake);
    auto *advanced = new QGroupBox(tr("Advanced"), this);
    auto *advancedForm = new QFormLayout(advanced);
    advancedForm->addRow(tr("Upload &route:"), m_route);
    advancedForm->addRow(tr("Parts in &flight:"), m_partsInFlight);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_bandwidth);
    if (proxy) {
        m_proxyWidget = new ProxySettingsWidget(proxy->current(), this);
        layout->addWidget(m_proxyWidget);
    }
    layout->addWidget(advanced); // last: most never need it
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void SettingsDialog::accept() {
    const QString text = m_url->text().trimmed();
    const QUrl url = QUrl::fromUserInput(text);
    if (!text.isEmpty()) {
        const QString refusal = url.isValid() ? UrlPolicy::check(url, tr("server address"))
                                              : tr("\"%1\" is not a web address.").arg(text);
        if (!refusal.isEmpty()) {
            m_error->setText(refusal);
            m_error->show();
            m_url->setFocus();
            return;
        }
    }
    const QString proxyProblem = m_proxyWidget ? m_proxyWidget->check() : QString();
    if (!proxyProblem.isEmpty()) {
        m_error->setText(proxyProblem);
        m_error->show();
        return;
    }
    if (m_proxyWidget)
        m_proxy->save(m_proxyWidget->settings());
    AppSettings::setServerUrl(text.isEmpty() ? QUrl() : url);
    AppSettings::setMaxParallel(m_parallel->value());
    AppSettings::setAutoStart(m_autoStart->isChecked());
    AppSettings::setUploadRoute(TransferSettings::routeNamed(m_route->currentData().toString())
                                    .value_or(TransferSettings::Route::Auto));
    AppSettings::setPartsInFlight(m_partsInFlight->value());
    AppSettings::setBandwidth(m_bandwidth->settings());
    AppSettings::setNetworkRetries(m_networkRetries->value());
    AppSettings::setKeepAwake(m_keepAwake->isChecked());
    QDialog::accept();
}

} // namespace SeqDrop
