#pragma once

#include "widgets/common/retranslating.h"

#include "netcore/udp/udplistener.h"

#include <QElapsedTimer>
#include <QSettings>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimer;
class QTableView;

namespace widgets::udp {

class DatagramFilter;
class DatagramModel;
class RatePlot;

// The receiving half of the UDP tab: bind address and port (shared with other listeners), multicast groups,
// a fixed reply, and the datagrams: a table of the newest N (filter, pause, clear), a detail pane (hex dump and
// a struct decode), counters with a live rate plot, loss statistics for sequenced traffic, CSV/pcap export.
// Receiving happens on the netcore::udp::UdpListener's worker thread; this panel only appends batches.
class ListenerPanel final : public common::Retranslating<QWidget>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenerPanel)

public:
    static constexpr std::chrono::milliseconds kCounterInterval{250};

    explicit ListenerPanel(QWidget *parent = nullptr);
    ~ListenerPanel() override;

    netcore::udp::UdpListener *listener() const { return m_listener; }
    DatagramModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    RatePlot *ratePlot() const { return m_plot; }

    bool startListening(const QString &address, quint16 port);
    // For the class: the port in the field, on every address (the bind field's 0.0.0.0 or ::, else 0.0.0.0).
    bool startForClass();
    void stopListening();
    void setCapacity(qsizetype capacity);
    void setFilterText(const QString &text);
    void setPaused(bool paused);
    bool exportTo(const QString &path, bool pcap, QString *error) const;

    void saveSettings(QSettings &settings) const;
    void restoreSettings(QSettings &settings);

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void buildUi();
    QWidget *buildControls();
    QWidget *buildDetail();
    void retranslateUi() override;
    void updateEnabledState();
    void updateCounters();
    void updateDetail();
    void onBatch(const QList<netcore::udp::Datagram> &batch);
    void onStartStop();
    void onJoin();
    void onLeave();
    void onReplyChanged();
    void onClear();
    void onExport(bool pcap);

    netcore::udp::UdpListener *m_listener = nullptr;
    DatagramModel *m_model = nullptr;
    DatagramFilter *m_filter = nullptr;
    QTimer *m_counterTimer = nullptr;
    QElapsedTimer m_sampleClock;
    quint64 m_lastSampleCount = 0;
    quint64 m_heldBack = 0;        // arrived while paused: counted, not listed
    bool m_paused = false;

    QGroupBox *m_bindBox = nullptr;
    QLabel *m_addressLabel = nullptr;
    QComboBox *m_address = nullptr;
    QLabel *m_portLabel = nullptr;
    QSpinBox *m_port = nullptr;
    QPushButton *m_startStop = nullptr;
    QLabel *m_bound = nullptr;
    QLabel *m_groupLabel = nullptr;
    QLineEdit *m_group = nullptr;
    QComboBox *m_groupInterface = nullptr;
    QPushButton *m_join = nullptr;
    QPushButton *m_leave = nullptr;
    QLabel *m_groups = nullptr;
    QCheckBox *m_replyEnabled = nullptr;
    QLineEdit *m_reply = nullptr;

    QLineEdit *m_filterEdit = nullptr;
    QCheckBox *m_pause = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportPcap = nullptr;
    QLabel *m_counters = nullptr;
    QLabel *m_loss = nullptr;
    RatePlot *m_plot = nullptr;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_hex = nullptr;
    QLabel *m_decodeLabel = nullptr;
    QLineEdit *m_decodeFormat = nullptr;
    QPlainTextEdit *m_decoded = nullptr;
};

} // namespace widgets::udp
