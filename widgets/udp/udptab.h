#pragma once

#include "widgets/common/tabpage.h"

namespace widgets::common { class WireView; }

class QSplitter;

namespace widgets::udp {

class ListenerPanel;
class SenderPanel;

// The UDP tab: "one sends, many receive". A sender (unicast, broadcast, multicast; text, hex, file or struct
// payloads; repeat, rate, sequenced test mode) with the wire view of what it sent, and a listener that stays
// smooth under floods (receiving runs on a worker thread; the table takes batches).
class UdpTab final : public common::TabPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpTab)

public:
    explicit UdpTab(QWidget *parent = nullptr);

    QString title() const override;
    QString settingsKey() const override;
    void saveSettings(QSettings &settings) const override;
    void restoreSettings(QSettings &settings) override;

    SenderPanel *senderPanel() const { return m_sender; }
    ListenerPanel *listenerPanel() const { return m_listener; }

private:
    SenderPanel *m_sender = nullptr;
    ListenerPanel *m_listener = nullptr;
    common::WireView *m_wire = nullptr;
    QSplitter *m_splitter = nullptr;
};

} // namespace widgets::udp
