#include "widgets/udp/udptab.h"

#include "widgets/common/wireview.h"
#include "widgets/udp/listenerpanel.h"
#include "widgets/udp/senderpanel.h"
#include "widgets/udp/udpstatus.h"

#include <QScrollArea>
#include <QScrollBar>
#include <QShowEvent>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace widgets::udp {
namespace {

// Scrolls only up and down: as wide as its content needs (no control scrolled away sideways), as short as the
// window allows. Follows the content's size (zoom, language).
class VerticalScroll final : public QScrollArea
{
public:
    explicit VerticalScroll(QWidget *content)
    {
        setWidget(content);
        setWidgetResizable(true);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setFrameShape(QFrame::NoFrame);
        content->installEventFilter(this);
    }

    QSize minimumSizeHint() const override
    {
        return {widthFor(widget()->minimumSizeHint().width()), QScrollArea::minimumSizeHint().height()};
    }
    QSize sizeHint() const override
    {
        return {widthFor(widget()->sizeHint().width()), QScrollArea::sizeHint().height()};
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == widget() && event->type() == QEvent::LayoutRequest)
            updateGeometry();
        return QScrollArea::eventFilter(watched, event);
    }

private:
    int widthFor(int content) const
    {
        return content + verticalScrollBar()->sizeHint().width() + 2 * frameWidth();
    }
};

} // namespace

UdpTab::UdpTab(QWidget *parent)
    : common::TabPage(parent), m_sender(new SenderPanel), m_listener(new ListenerPanel), m_wire(new common::WireView)
{
    m_status = new UdpListenerStatus(m_listener->listener(), this);
    m_wire->setObjectName(u"udpWire"_s);
    m_wire->setTranscript(m_sender->transcript());
    auto *scroll = new VerticalScroll(m_sender);
    // The form scrolls on a small screen; Send stays below it, never scrolled away.
    auto *form = new QWidget;
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(scroll, 1);
    formLayout->addWidget(m_sender->actions());
    // The listener's controls and table scroll too when the window is small: the wire view keeps its share.
    auto *listenerScroll = new VerticalScroll(m_listener);
    listenerScroll->setObjectName(u"udpListenerScroll"_s);
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->addWidget(form);
    m_splitter->addWidget(listenerScroll);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    // The wire view is a main area across the whole width (its columns need it); the controls above it.
    m_main = new QSplitter(Qt::Vertical);
    m_main->setObjectName(u"udpMainSplitter"_s);
    m_main->addWidget(m_splitter);
    m_main->addWidget(m_wire);
    m_main->setStretchFactor(0, 1);
    m_main->setStretchFactor(1, 1);
    m_main->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_main);
    connect(m_sender, &SenderPanel::statusMessage, this, &UdpTab::statusMessage);
    connect(m_listener, &ListenerPanel::statusMessage, this, &UdpTab::statusMessage);
}

void UdpTab::showEvent(QShowEvent *event)
{
    TabPage::showEvent(event);
    if (m_mainSized)
        return;
    // First shown without a saved layout: half the height for the wire view (at least what it needs).
    m_mainSized = true;
    const int total = m_main->height() - m_main->handleWidth();
    const int wire = std::max(total / 2, m_wire->minimumSizeHint().height());
    m_main->setSizes({total - wire, wire});
}

common::HostedServer *UdpTab::hostedStatus() const
{
    return m_status;
}

bool UdpTab::startForClass()
{
    return m_listener->startForClass();
}

void UdpTab::stopServer()
{
    m_listener->stopListening();
}

QStringList UdpTab::activeWork() const
{
    if (!m_status->isRunning())
        return {};
    return {tr("UDP listener on port %1, %n sender(s) seen", nullptr, m_status->clientCount()).arg(m_status->port())};
}

QString UdpTab::title() const
{
    return tr("UDP");
}

QString UdpTab::settingsKey() const
{
    return u"udp"_s;
}

void UdpTab::saveSettings(QSettings &settings) const
{
    m_sender->saveSettings(settings);
    m_listener->saveSettings(settings);
    settings.setValue(u"splitter"_s, m_splitter->saveState());
    settings.setValue(u"mainSplitter"_s, m_main->saveState());
}

void UdpTab::restoreSettings(QSettings &settings)
{
    m_sender->restoreSettings(settings);
    m_listener->restoreSettings(settings);
    m_splitter->restoreState(settings.value(u"splitter"_s).toByteArray());
    m_mainSized = m_main->restoreState(settings.value(u"mainSplitter"_s).toByteArray());
}

} // namespace widgets::udp
