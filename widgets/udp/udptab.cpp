#include "widgets/udp/udptab.h"

#include "widgets/common/wireview.h"
#include "widgets/udp/listenerpanel.h"
#include "widgets/udp/senderpanel.h"

#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace widgets::udp {

UdpTab::UdpTab(QWidget *parent)
    : common::TabPage(parent), m_sender(new SenderPanel), m_listener(new ListenerPanel), m_wire(new common::WireView)
{
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
    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(form);
    left->addWidget(m_wire);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 1);
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_listener);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    connect(m_sender, &SenderPanel::statusMessage, this, &UdpTab::statusMessage);
    connect(m_listener, &ListenerPanel::statusMessage, this, &UdpTab::statusMessage);
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
}

void UdpTab::restoreSettings(QSettings &settings)
{
    m_sender->restoreSettings(settings);
    m_listener->restoreSettings(settings);
    m_splitter->restoreState(settings.value(u"splitter"_s).toByteArray());
}

} // namespace widgets::udp
