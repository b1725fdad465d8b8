#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace SeqDrop {

class BandwidthSettingsWidget;
class ProxySettingsWidget;
class ProxySetup;

// Server address, parallel uploads, whether uploads start by themselves, the upload limit, the
// proxy, and (under
// Advanced) the upload route and parts in flight. Reads
// and writes AppSettings (and, given a ProxySetup, the proxy: the password to the keychain);
// the window applies the rest.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr, ProxySetup *proxy = nullptr);

    ProxySettingsWidget *proxyWidget() const { return m_proxyWidget; }
    BandwidthSettingsWidget *bandwidthWidget() const { return m_bandwidth; }

    void accept() override;

private:
    QLineEdit *m_url;
    QSpinBox *m_parallel;
    QCheckBox *m_autoStart;
    QComboBox *m_route;
    QSpinBox *m_partsInFlight;
    QSpinBox *m_networkRetries;
    QCheckBox *m_keepAwake;
    BandwidthSettingsWidget *m_bandwidth;
    QLabel *m_error;
    ProxySetup *m_proxy;
    ProxySettingsWidget *m_proxyWidget = nullptr;
};

} // namespace SeqDrop
