#pragma once

#include "widgets/common/tabpage.h"

#include "netcore/lookup/dnslookup.h"
#include "netcore/lookup/events.h"
#include "netcore/lookup/hostlookup.h"
#include "netcore/lookup/reverselookup.h"

#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTableWidget;

namespace netcore::common {
class Transcript;
}

namespace widgets::common {
class WireView;
}

namespace presentation::lookup {
struct LookupReport;
}

namespace widgets::lookup {

// The Lookup tab: one input with auto-detection (name, address, service/port, CIDR) or an explicit mode,
// results as a two-column table, a teaching note, history, copy, and a wire view with the bytes of every
// address found (network order). Host, reverse and DNS lookups run asynchronously and can be cancelled.
class LookupTab final : public common::TabPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LookupTab)

public:
    // The modes of the mode box, in its order. Auto routes by netcore::lookup::detectInputKind().
    enum class Mode { Auto, Host, Address, Dns, Service, Convert, Subnet, Interfaces };
    Q_ENUM(Mode)

    static constexpr int kHistoryLimit = 50;

    explicit LookupTab(QWidget *parent = nullptr);
    ~LookupTab() override;

    QString title() const override;
    QString settingsKey() const override;
    void saveSettings(QSettings &settings) const override;
    void restoreSettings(QSettings &settings) override;

    // For tests and the history list: run a query as if typed and submitted.
    void runQuery(Mode mode, const QString &text);
    void cancel();
    bool isBusy() const;

    // What the table shows now, as "label<TAB>value" lines; the text the Copy button copies.
    QString resultsText() const;
    QString errorText() const;
    QStringList history() const { return m_history; }
    netcore::common::Transcript *transcript() const { return m_transcript; }

Q_SIGNALS:
    // Emitted when a query has produced its final result (or error). Tests wait on it.
    void queryFinished();

protected:

private:
    void buildUi();
    void retranslateUi() override;
    void updateModeWidgets();
    void updateDetectedKind();
    void onSubmit();
    void onHostFinished(const netcore::lookup::HostLookupResult &result);
    void onReverseFinished(const netcore::lookup::ReverseLookupResult &result);
    void onDnsFinished(const netcore::lookup::DnsResult &result);
    void onHistoryActivated(QListWidgetItem *item);
    void copyResults();
    void startQuery(Mode mode, const QString &text);
    void showReport(const presentation::lookup::LookupReport &report, bool append = false);
    void showError(const QString &text);
    void setBusy(bool busy);
    void finishQuery();
    void addHistory(Mode mode, const QString &text);
    void recordAddresses(netcore::lookup::Event event, const QStringList &args, const QList<QHostAddress> &addresses);
    int timeoutMs() const;

    QComboBox *m_mode = nullptr;
    QLineEdit *m_input = nullptr;
    QComboBox *m_dnsType = nullptr;
    QLineEdit *m_nameServer = nullptr;
    QLabel *m_dnsTypeLabel = nullptr;
    QLabel *m_nameServerLabel = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_detected = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_historyLabel = nullptr;
    QListWidget *m_historyList = nullptr;
    QLabel *m_wireLabel = nullptr;
    common::WireView *m_wire = nullptr;

    netcore::lookup::HostLookup *m_hostLookup = nullptr;
    netcore::lookup::ReverseLookup *m_reverseLookup = nullptr;
    netcore::lookup::DnsLookup *m_dnsLookup = nullptr;
    netcore::common::Transcript *m_transcript = nullptr;

    QStringList m_history;   // "mode-key<TAB>text", newest first
    bool m_busy = false;
    QString m_lastError;
};

} // namespace widgets::lookup
