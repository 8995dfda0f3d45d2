#pragma once

#include "widgets/common/retranslating.h"

#include "netcore/udp/hostresolver.h"
#include "netcore/udp/udpsender.h"

#include <QSettings>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace widgets::udp {

// The sending half of the UDP tab: destination (unicast, limited broadcast, an interface's subnet broadcast,
// IPv4/IPv6 multicast with TTL and interface), payload (text with escapes, hex, file, Python struct) with the
// packed bytes shown before sending, repeat count with interval or rate, sequenced mode; shows the socket
// options the sender set. Drives a netcore::udp::UdpSender.
class SenderPanel final : public common::Retranslating<QWidget>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SenderPanel)

public:
    enum class Destination { Unicast, LimitedBroadcast, SubnetBroadcast, Multicast4, Multicast6 };
    enum class PayloadKind { Text, Hex, File, Struct };
    enum class Timing { Interval, Rate };

    explicit SenderPanel(QWidget *parent = nullptr);

    netcore::udp::UdpSender *sender() const { return m_sender; }
    netcore::common::Transcript *transcript() const { return m_transcript; }
    // Send, Stop and Prepared: the UDP tab keeps them below the scrolling form, always in view.
    QWidget *actions() const { return m_actions; }
    // The bytes the current payload editors produce, or nullopt with a translated reason.
    std::optional<QByteArray> currentPayload(QString *error) const;
    void setDestination(Destination kind, const QString &host, quint16 port);
    void setPayload(PayloadKind kind, const QString &text, const QString &structValues = {});
    // Resolves the host (a name goes through netcore::udp::HostResolver first), then starts sending.
    void send();
    void stop();

    void saveSettings(QSettings &settings) const;
    void restoreSettings(QSettings &settings);

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void buildUi();
    void retranslateUi() override;
    void updateEnabledState();
    void updatePreview();
    void refreshInterfaces();
    void onSenderStateChanged();
    void onProgress(quint64 sent, quint64 bytes);
    void onError(netcore::udp::UdpSender::Error error);
    void onResolved(const netcore::udp::HostResolution &resolution);
    void browseFile();
    void startSending(const netcore::udp::SenderOptions &options);
    void showProblem(const QString &message);
    Destination currentDestination() const;
    PayloadKind currentPayloadKind() const;
    std::optional<netcore::udp::SenderOptions> collectOptions(QString *error) const;

    netcore::udp::UdpSender *m_sender = nullptr;
    netcore::udp::HostResolver *m_resolver = nullptr;
    std::optional<netcore::udp::SenderOptions> m_resolving; // the options waiting for their destination's address
    netcore::common::Transcript *m_transcript = nullptr;

    QGroupBox *m_destinationBox = nullptr;
    QLabel *m_kindLabel = nullptr;
    QComboBox *m_kind = nullptr;
    QLabel *m_hostLabel = nullptr;
    QLineEdit *m_host = nullptr;
    QComboBox *m_broadcastAddress = nullptr;
    QLabel *m_portLabel = nullptr;
    QSpinBox *m_port = nullptr;
    QLabel *m_ttlLabel = nullptr;
    QSpinBox *m_ttl = nullptr;
    QLabel *m_interfaceLabel = nullptr;
    QComboBox *m_interface = nullptr;

    QGroupBox *m_payloadBox = nullptr;
    QComboBox *m_payloadKind = nullptr;
    QStackedWidget *m_payloadStack = nullptr;
    QWidget *m_filePage = nullptr;
    QWidget *m_actions = nullptr;
    QWidget *m_structPage = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLineEdit *m_file = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_formatLabel = nullptr;
    QLineEdit *m_format = nullptr;
    QLabel *m_valuesLabel = nullptr;
    QLineEdit *m_values = nullptr;
    QLabel *m_previewLabel = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_payloadError = nullptr;

    QGroupBox *m_repeatBox = nullptr;
    QLabel *m_countLabel = nullptr;
    QSpinBox *m_count = nullptr;
    QComboBox *m_timing = nullptr;
    QDoubleSpinBox *m_timingValue = nullptr;
    QCheckBox *m_sequenced = nullptr;
    QLabel *m_sizeLabel = nullptr;
    QSpinBox *m_size = nullptr;

    QPushButton *m_sendButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QLabel *m_options = nullptr;
    QLabel *m_progress = nullptr;
};

} // namespace widgets::udp
