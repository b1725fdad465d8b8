#include "settingsdialog.h"

#include "desktop/appsettings.h"
#include "desktop/proxysetup.h"
#include "net/apiclient.h"
#include "net/urlpolicy.h"
#include "proxysettingswidget.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
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
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Server address:"), m_url);
    form->addRow(tr("&Parallel uploads:"), m_parallel);
    form->addRow(QString(), m_autoStart);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    if (proxy) {
        m_proxyWidget = new ProxySettingsWidget(proxy->current(), this);
        layout->addWidget(m_proxyWidget);
    }
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
    QDialog::accept();
}

} // namespace SeqDrop
