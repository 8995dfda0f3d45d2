#include "widgets/udp/udptab.h"

#include "widgets/common/wireview.h"
#include "widgets/udp/listenerpanel.h"
#include "widgets/udp/senderpanel.h"
#include "widgets/udp/udpstatus.h"

#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace widgets::udp {

UdpTab::UdpTab(QWidget *parent)
    : common::TabPage(parent), m_sender(new SenderPanel), m_listener(new ListenerPanel), m_wire(new common::WireView)
{
    m_status = new UdpListenerStatus(m_listener->listener(), this);
    m_wire->setObjectName(u"udpWire"_s);
    m_wire->setTranscript(m_sender->transcript());
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_sender);
    scroll->setWidgetResizable(true);
    // The form scrolls on a small screen; Send stays below it, never scrolled away.
    auto *form = new QWidget;
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(scroll, 1);
    formLayout->addWidget(m_sender->actions());
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->addWidget(form);
    m_splitter->addWidget(m_listener);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    // The wire view is a main area across the whole width (its columns need it); the controls above it.
    m_main = new QSplitter(Qt::Vertical);
    m_main->setObjectName(u"udpMainSplitter"_s);
    m_main->addWidget(m_splitter);
    m_main->addWidget(m_wire);
    m_main->setStretchFactor(0, 3);
    m_main->setStretchFactor(1, 2);
    m_main->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_main);
    connect(m_sender, &SenderPanel::statusMessage, this, &UdpTab::statusMessage);
    connect(m_listener, &ListenerPanel::statusMessage, this, &UdpTab::statusMessage);
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
    m_main->restoreState(settings.value(u"mainSplitter"_s).toByteArray());
}

} // namespace widgets::udp
