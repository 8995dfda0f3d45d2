#pragma once

#include "widgets/common/serverhost.h"
#include "widgets/common/tabpage.h"

namespace widgets::common { class WireView; }

class QSplitter;

namespace widgets::udp {

class ListenerPanel;
class SenderPanel;
class UdpListenerStatus;

// The UDP tab: "one sends, many receive". A sender (unicast, broadcast, multicast; text, hex, file or struct
// payloads; repeat, rate, sequenced test mode) with the wire view of what it sent, and a listener that stays
// smooth under floods (receiving runs on a worker thread; the table takes batches). The wire view is the tab's main
// area (what was sent and received, in columns); the sender's and listener's controls sit beside it.
// The listener is the classroom panel's "UDP listener" (common::ServerHost, watched through a UdpListenerStatus).
class UdpTab final : public common::TabPage, public common::ServerHost
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpTab)

public:
    explicit UdpTab(QWidget *parent = nullptr);

    QString title() const override;
    QString settingsKey() const override;
    void saveSettings(QSettings &settings) const override;
    void restoreSettings(QSettings &settings) override;
    QStringList activeWork() const override;

    common::ServerKind serverKind() const override { return common::ServerKind::Udp; }
    common::HostedServer *hostedStatus() const override;
    bool startForClass() override;
    void stopServer() override;

    SenderPanel *senderPanel() const { return m_sender; }
    ListenerPanel *listenerPanel() const { return m_listener; }
    common::WireView *wireView() const { return m_wire; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    SenderPanel *m_sender = nullptr;
    ListenerPanel *m_listener = nullptr;
    common::WireView *m_wire = nullptr;
    UdpListenerStatus *m_status = nullptr;
    QSplitter *m_splitter = nullptr;   // sender | listener
    QSplitter *m_main = nullptr;       // the controls above the wire view
    bool m_mainSized = false;          // m_main has its sizes (restored, or set when first shown)
};

} // namespace widgets::udp
