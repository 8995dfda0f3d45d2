#pragma once

#include "widgets/common/retranslating.h"

#include <QWidget>

class QLabel;
class QTableWidget;
class QTimer;

// The TCP facts page of the TCP tab: what the kernel knows about the selected connection right now (TCP_INFO —
// state, RTT, congestion window, retransmits, bytes acknowledged, the send and receive queues, buffer sizes),
// re-read twice a second while the page is shown, and for a TLS session its protocol, cipher and certificate chain.
// Each row's tooltip says what the number means for a student.
namespace widgets::tcp {

class TcpTab;

class FactsPage final : public common::Retranslating<QWidget>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FactsPage)

public:
    explicit FactsPage(TcpTab *tab, QWidget *parent = nullptr);

    // Reads the selected connection's facts now (the timer does it twice a second while shown).
    void refresh();
    QTableWidget *table() const { return m_table; }
    QString noteText() const;   // why there are no facts, when there are none

protected:
    void retranslateUi() override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    TcpTab *m_tab;
    QTimer *m_timer;
    QLabel *m_note;
    QTableWidget *m_table;
};

} // namespace widgets::tcp
