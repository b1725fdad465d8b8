#include "proxysettingswidget.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace SeqDrop {

using Mode = ProxySettings::Mode;

ProxySettingsWidget::ProxySettingsWidget(const ProxySettings &settings, QWidget *parent)
    : QGroupBox(tr("Proxy"), parent)
    , m_mode(new QComboBox(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this)) {
    m_mode->setObjectName(QStringLiteral("proxyMode"));
    m_mode->setAccessibleName(tr("Proxy"));
    m_mode->addItem(tr("Use the system's proxy settings"), int(Mode::System));
    m_mode->addItem(tr("No proxy"), int(Mode::None));
    m_mode->addItem(tr("HTTP proxy"), int(Mode::Http));
    m_mode->addItem(tr("SOCKS5 proxy"), int(Mode::Socks5));
    m_mode->setCurrentIndex(m_mode->findData(int(settings.mode)));
    m_host->setObjectName(QStringLiteral("proxyHost"));
    m_host->setAccessibleName(tr("Proxy host"));
    m_host->setPlaceholderText(tr("proxy.example.org"));
    m_host->setText(settings.host);
    m_port->setObjectName(QStringLiteral("proxyPort"));
    m_port->setAccessibleName(tr("Proxy port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("not set"));
    m_port->setValue(settings.port);
    m_user->setObjectName(QStringLiteral("proxyUser"));
    m_user->setAccessibleName(tr("Proxy user name"));
    m_user->setPlaceholderText(tr("only if the proxy asks for one"));
    m_user->setText(settings.user);
    m_password->setObjectName(QStringLiteral("proxyPassword"));
    m_password->setAccessibleName(tr("Proxy password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setText(settings.password);
    m_password->setToolTip(tr("Kept in the system keychain, never in the settings file."));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Connect through:"), m_mode);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ProxySettingsWidget::updateEnabled);
    updateEnabled();
}

void ProxySettingsWidget::updateEnabled() {
    const bool manual = settings().isManual();
    for (QWidget *w : {static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port),
                       static_cast<QWidget *>(m_user), static_cast<QWidget *>(m_password)})
        w->setEnabled(manual);
}

ProxySettings ProxySettingsWidget::settings() const {
    ProxySettings s;
    s.mode = Mode(m_mode->currentData().toInt());
    s.host = m_host->text().trimmed();
    s.port = quint16(m_port->value());
    s.user = m_user->text().trimmed();
    s.password = s.user.isEmpty() ? QString() : m_password->text();
    return s;
}

QString ProxySettingsWidget::check() {
    const ProxySettings s = settings();
    const QString problem = s.problem();
    if (!problem.isEmpty())
        (s.port == 0 && !s.host.isEmpty() ? static_cast<QWidget *>(m_port)
                                          : static_cast<QWidget *>(m_host))
            ->setFocus();
    return problem;
}

} // namespace SeqDrop
