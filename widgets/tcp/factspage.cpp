#include "widgets/tcp/factspage.h"

#include "netcore/tcp/tcpclient.h"
#include "netcore/tcp/tcpserver.h"
#include "presentation/tcp/tcptext.h"
#include "widgets/tcp/tcptab.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace widgets::tcp {

FactsPage::FactsPage(TcpTab *tab, QWidget *parent)
    : Retranslating<QWidget>(parent)
    , m_tab(tab)
    , m_timer(new QTimer(this))
    , m_note(new QLabel(this))
    , m_table(new QTableWidget(0, 2, this))
{
    setObjectName(u"tcpFactsPage"_s);
    m_table->setObjectName(u"tcpFactsTable"_s);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_note->setObjectName(u"tcpFactsNote"_s);
    m_note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);
    m_timer->setInterval(500);
    connect(m_timer, &QTimer::timeout, this, &FactsPage::refresh);
    connect(m_tab, &TcpTab::currentConnectionChanged, this, &FactsPage::refresh);
    retranslateUi();
}

void FactsPage::refresh()
{
    std::optional<netcore::tcp::TcpFacts> facts;
    const netcore::tcp::TcpClient *session = m_tab->currentSession();
    QList<presentation::tcp::FactRow> tls;
    if (session) {
        facts = session->tcpFacts();
        if (session->tls() && !session->tlsInfo().protocol.isEmpty())
            tls = presentation::tcp::tlsRows(session->tlsInfo());
    } else if (const std::optional<quint64> id = m_tab->currentServerClient(); id && m_tab->server()) {
        facts = m_tab->server()->tcpFacts(*id);
    }
    if (!facts) {
        if (session && session->isUnix())
            m_note->setText(tr("A Unix-domain socket has no TCP state: no round trips, no congestion window."));
        else if (session || m_tab->currentServerClient())
            m_note->setText(tr("No facts: the connection is not open."));
        else
            m_note->setText(tr("Select a connection (a client session or one of the server's clients) to see what "
                               "the kernel knows about it."));
    } else {
        m_note->setText(tr("What the kernel knows about this connection now (getsockopt TCP_INFO), read twice a "
                           "second."));
    }
    const QList<presentation::tcp::FactRow> rows = facts ? presentation::tcp::factsRows(*facts) : QList<presentation::tcp::FactRow>{};
    const QList<QString> help = presentation::tcp::factsHelp();
    m_table->setRowCount(int(rows.size() + tls.size()));
    const auto put = [this](int row, const presentation::tcp::FactRow &fact, const QString &tip) {
        for (int column = 0; column < 2; ++column) {
            QTableWidgetItem *item = m_table->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(row, column, item);
            }
            item->setText(column == 0 ? fact.first : fact.second);
            item->setToolTip(tip);
        }
    };
    for (qsizetype i = 0; i < rows.size(); ++i)
        put(int(i), rows.at(i), i < help.size() ? help.at(i) : QString());
    for (qsizetype i = 0; i < tls.size(); ++i)
        put(int(rows.size() + i), tls.at(i), QString());
}

QString FactsPage::noteText() const
{
    return m_note->text();
}

void FactsPage::showEvent(QShowEvent *event)
{
    refresh();
    m_timer->start();
    QWidget::showEvent(event);
}

void FactsPage::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    QWidget::hideEvent(event);
}

void FactsPage::retranslateUi()
{
    setWindowTitle(tr("TCP facts"));
    m_table->setHorizontalHeaderLabels({tr("Fact"), tr("Value")});
    refresh();
}

} // namespace widgets::tcp
