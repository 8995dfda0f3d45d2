// The classroom panel (课堂) driving the real chat, files, HTTP and UDP tabs and their real servers on loopback: start
// all, the addresses handed out, the client list with disconnect, the stop question, servers back on restart (the
// file server read-only on another network), the instructions for students, the firewall hint (looked for off the
// GUI thread: the panel does not wait for it, a firewall set first is kept, a panel closed early waits for it).
#include "widgets/chat/chattab.h"
#include "widgets/classroom/classroomtab.h"
#include "widgets/classroom/servercard.h"
#include "widgets/files/filestab.h"
#include "widgets/http/httptab.h"
#include "widgets/udp/listenerpanel.h"
#include "widgets/udp/udptab.h"

#include "netcore/common/server.h"
#include "tests/widgets/screenshot.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QSemaphore>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QUdpSocket>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using widgets::classroom::ClassroomTab;
using widgets::classroom::ServerCard;
using widgets::common::ServerKind;

namespace {

netcore::lookup::InterfaceInfo iface(const QString &name, const QString &address)
{
    netcore::lookup::InterfaceInfo info;
    info.name = name;
    info.flags = QNetworkInterface::IsUp | QNetworkInterface::IsRunning;
    info.type = QNetworkInterface::Ethernet;
    info.addresses.append({QHostAddress(address), {}, -1, {}});
    return info;
}

// One window's worth: the three server tabs and the panel over them, every port 0.
struct Classroom {
    explicit Classroom(const QString &share)
    {
        chat = std::make_unique<widgets::chat::ChatTab>();
        files = std::make_unique<widgets::files::FilesTab>();
        http = std::make_unique<widgets::http::HttpTab>();
        udp = std::make_unique<widgets::udp::UdpTab>();
        panel = std::make_unique<ClassroomTab>();
        chat->findChild<QSpinBox *>(u"port"_s)->setValue(0);
        files->findChild<QSpinBox *>(u"serverPortSpin"_s)->setValue(0);
        files->findChild<QLineEdit *>(u"shareEdit"_s)->setText(share);
        http->findChild<QSpinBox *>(u"capturePort"_s)->setValue(0);
        udp->findChild<QSpinBox *>(u"listenPort"_s)->setValue(0);
        panel->setHosts({chat.get(), files.get(), http.get(), udp.get()});
        panel->setInterfaces({iface(u"docker0"_s, u"172.17.0.1"_s), iface(u"eth0"_s, u"192.168.7.10"_s)});
        panel->setFirewall({});
    }
    widgets::common::HostedServer *server(ServerKind kind) const { return panel->card(kind)->status(); }

    // Destroyed panel first: it watches the tabs' servers.
    ~Classroom() { panel.reset(); }

    std::unique_ptr<widgets::chat::ChatTab> chat;
    std::unique_ptr<widgets::files::FilesTab> files;
    std::unique_ptr<widgets::http::HttpTab> http;
    std::unique_ptr<widgets::udp::UdpTab> udp;
    std::unique_ptr<ClassroomTab> panel;
};

// Answers the next stop question with `button` when it shows.
void answerStopQuestion(QMessageBox::StandardButton button, bool *asked)
{
    QTimer::singleShot(0, qApp, [button, asked] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(w); box && box->objectName() == u"confirmStopDialog"_s) {
                *asked = true;
                box->button(button)->click();
                return;
            }
        }
        answerStopQuestion(button, asked);   // not shown yet: the next turn of the event loop
    });
}

} // namespace

class TestClassroomPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"SocketeerTest"_s);
        QCoreApplication::setApplicationName(u"tst_classroompanel"_s);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_share = m_dir->filePath(u"share"_s);
        QVERIFY(QDir().mkpath(m_share));
    }

    void startAllServesTheClassOnEveryAddress()
    {
        Classroom room(m_share);
        room.panel->findChild<QPushButton *>(u"startAll"_s)->click();
        for (ServerKind kind : {ServerKind::Chat, ServerKind::Files, ServerKind::Http, ServerKind::Udp}) {
            widgets::common::HostedServer *server = room.server(kind);
            QVERIFY2(server && server->isRunning(), qPrintable(room.panel->card(kind)->kindName()));
            QVERIFY(server->address() == QHostAddress::Any || server->address() == QHostAddress::AnyIPv4);
            const QString handout = room.panel->card(kind)->findChild<QLabel *>(u"handout"_s)->text();
            // The LAN address students type, not the container bridge's, not 0.0.0.0.
            QVERIFY2(handout.contains(u"192.168.7.10:%1"_s.arg(server->port())), qPrintable(handout));
            QVERIFY(!handout.contains(u"172.17.0.1"_s));
            QVERIFY(!handout.contains(u"0.0.0.0"_s));
        }
        // A student connected, for the picture in the docs (SOCKETEER_SCREENSHOT_DIR; otherwise nothing).
        QTcpSocket member;
        member.connectToHost(QHostAddress::LocalHost, room.server(ServerKind::Chat)->port());
        QVERIFY(member.waitForConnected(5000));
        member.write("NICK 小明\n");
        QTRY_COMPARE(room.panel->card(ServerKind::Chat)->clientsView()->topLevelItemCount(), 1);
        saveScreenshotIfAsked(*room.panel, u"classroom-running"_s);
        // The HTTP tab shows the same choice the panel made.
        QVERIFY(room.http->findChild<QCheckBox *>(u"listenOnLan"_s)->isChecked());
        // A student can reach each one (through loopback here).
        QTcpSocket student;
        student.connectToHost(QHostAddress::LocalHost, room.server(ServerKind::Http)->port());
        QVERIFY(student.waitForConnected(5000));
        QTRY_COMPARE(room.server(ServerKind::Http)->clientCount(), 1);
    }

    void clientsAreListedAndCanBeDisconnected()
    {
        Classroom room(m_share);
        room.panel->card(ServerKind::Chat)->start();
        QVERIFY(room.panel->card(ServerKind::Chat)->isRunning());
        QTcpSocket student;
        student.connectToHost(QHostAddress::LocalHost, room.server(ServerKind::Chat)->port());
        QVERIFY(student.waitForConnected(5000));
        student.write("NICK 小明\n");
        QTreeWidget *clients = room.panel->card(ServerKind::Chat)->clientsView();
        QTRY_COMPARE(clients->topLevelItemCount(), 1);
        QTRY_VERIFY(clients->topLevelItem(0)->text(0).contains(u"小明"_s));
        clients->topLevelItem(0)->setSelected(true);
        QSignalSpy gone(&student, &QTcpSocket::disconnected);
        room.panel->card(ServerKind::Chat)->findChild<QPushButton *>(u"disconnectClient"_s)->click();
        QVERIFY(gone.count() == 1 || gone.wait(5000));
        QTRY_COMPARE(clients->topLevelItemCount(), 0);
    }

    // UDP has no connections: the card lists who sent (since when, bytes), offers no disconnect, and stops without
    // asking.
    void udpListenerShowsItsSenders()
    {
        Classroom room(m_share);
        ServerCard *card = room.panel->card(ServerKind::Udp);
        QVERIFY(card);
        card->toggleButton()->click();
        QVERIFY(card->isRunning());
        QVERIFY(room.udp->listenerPanel()->listener()->localAddress() == QHostAddress::AnyIPv4);   // every address
        const quint16 port = room.server(ServerKind::Udp)->port();
        QVERIFY(port != 0);
        const QString handout = card->findChild<QLabel *>(u"handout"_s)->text();
        QVERIFY2(handout.contains(u"192.168.7.10:%1"_s.arg(port)) && handout.contains(u"UDP"_s), qPrintable(handout));
        QVERIFY(!card->findChild<QPushButton *>(u"disconnectClient"_s)->isVisibleTo(card));

        QUdpSocket student;
        QVERIFY(student.bind(QHostAddress(u"127.0.0.2"_s), 0));
        QCOMPARE(student.writeDatagram("hello from 小明", QHostAddress(QHostAddress::LocalHost), port), qint64(17));
        QTreeWidget *senders = card->clientsView();
        QTRY_COMPARE(senders->topLevelItemCount(), 1);
        QCOMPARE(senders->topLevelItem(0)->text(0), u"127.0.0.2:%1"_s.arg(student.localPort()));
        QTRY_COMPARE(senders->topLevelItem(0)->text(2), QLocale().formattedDataSize(17));
        QVERIFY2(card->findChild<QLabel *>(u"state"_s)->text().contains(u"UDP"_s), qPrintable(card->findChild<QLabel *>(u"state"_s)->text()));
        QCOMPARE(card->clientCount(), 1);
        QCOMPARE(card->connectedCount(), 0);
        QCOMPARE(room.udp->activeWork().size(), 1);   // closing the window names it
        // The UDP tab shows the same listener.
        QCOMPARE(room.udp->listenerPanel()->listener()->localPort(), port);

        card->toggleButton()->click();   // nobody to disconnect: no question
        QVERIFY(!card->isRunning());
        QTRY_COMPARE(senders->topLevelItemCount(), 0);
        QVERIFY(room.udp->activeWork().isEmpty());
    }

    void stoppingAsksWhileStudentsAreConnected()
    {
        Classroom room(m_share);
        room.panel->startAll();
        QTcpSocket student;
        student.connectToHost(QHostAddress::LocalHost, room.server(ServerKind::Files)->port());
        QVERIFY(student.waitForConnected(5000));
        QTRY_COMPARE(room.server(ServerKind::Files)->clientCount(), 1);

        bool asked = false;
        answerStopQuestion(QMessageBox::Cancel, &asked);
        room.panel->stopAll();
        QVERIFY(asked);
        QVERIFY(room.panel->card(ServerKind::Files)->isRunning());
        QVERIFY(room.panel->card(ServerKind::Chat)->isRunning());

        asked = false;
        answerStopQuestion(QMessageBox::Yes, &asked);
        room.panel->card(ServerKind::Files)->toggleButton()->click();
        QVERIFY(asked);
        QVERIFY(!room.panel->card(ServerKind::Files)->isRunning());

        // Nobody on the chat or HTTP server: stopping them does not ask.
        room.panel->stopAll();
        QVERIFY(!room.panel->card(ServerKind::Chat)->isRunning());
        QVERIFY(!room.panel->card(ServerKind::Http)->isRunning());
    }

    void runningServersComeBackOnTheNextStart()
    {
        const QString ini = m_dir->filePath(u"settings.ini"_s);
        {
            Classroom room(m_share);
            room.panel->card(ServerKind::Chat)->start();
            room.panel->card(ServerKind::Files)->start();   // writable: uploads allowed
            room.panel->card(ServerKind::Udp)->start();
            QSettings settings(ini, QSettings::IniFormat);
            settings.beginGroup(u"classroom"_s);
            room.panel->saveSettings(settings);
        }
        {
            Classroom room(m_share);   // same network (same interfaces)
            QSettings settings(ini, QSettings::IniFormat);
            settings.beginGroup(u"classroom"_s);
            room.panel->restoreSettings(settings);
            QTRY_VERIFY(room.panel->card(ServerKind::Chat)->isRunning());
            QTRY_VERIFY(room.panel->card(ServerKind::Files)->isRunning());
            QTRY_VERIFY(room.panel->card(ServerKind::Udp)->isRunning());
            QVERIFY(!room.panel->card(ServerKind::Http)->isRunning());
            QVERIFY(room.files->servesWritable());
        }
        {
            Classroom room(m_share);
            room.panel->setInterfaces({iface(u"wlan0"_s, u"10.0.0.23"_s)});   // another network
            QSettings settings(ini, QSettings::IniFormat);
            settings.beginGroup(u"classroom"_s);
            room.panel->restoreSettings(settings);
            QTRY_VERIFY(room.panel->card(ServerKind::Files)->isRunning());
            QVERIFY(!room.files->servesWritable());
        }
        {
            QSettings settings(ini, QSettings::IniFormat);
            settings.setValue(u"classroom/restore"_s, false);
        }
        {
            Classroom room(m_share);
            QSettings settings(ini, QSettings::IniFormat);
            settings.beginGroup(u"classroom"_s);
            room.panel->restoreSettings(settings);
            QVERIFY(!room.panel->findChild<QCheckBox *>(u"restoreServers"_s)->isChecked());
            QCoreApplication::processEvents();   // the restore would run from the event loop
            QVERIFY(!room.panel->card(ServerKind::Chat)->isRunning());
        }
    }

    void instructionsNameTheAddressAndTheCommands()
    {
        Classroom room(m_share);
        QVERIFY(room.panel->studentInstructions().isEmpty());
        room.panel->startAll();
        const QString text = room.panel->studentInstructions();
        const QString chat = QString::number(room.server(ServerKind::Chat)->port());
        const QString files = QString::number(room.server(ServerKind::Files)->port());
        const QString http = QString::number(room.server(ServerKind::Http)->port());
        QVERIFY2(text.contains(u"nc 192.168.7.10 "_s + chat), qPrintable(text));
        QVERIFY(text.contains(u"socket.create_connection((\"192.168.7.10\", %1))"_s.arg(chat)));
        QVERIFY(text.contains(u"nc 192.168.7.10 "_s + files));
        QVERIFY(text.contains(u"http://192.168.7.10:%1/"_s.arg(http)));
        const QString udp = QString::number(room.server(ServerKind::Udp)->port());
        QVERIFY(text.contains(u"nc -u 192.168.7.10 "_s + udp));
        QVERIFY(text.contains(u"socket.socket(socket.AF_INET, socket.SOCK_DGRAM)"_s));
        QVERIFY(text.contains(u"s.sendto(b\"hello\", (\"192.168.7.10\", %1))"_s.arg(udp)));
        QVERIFY(!text.contains(u"172.17.0.1"_s));
    }

    void aFirewallIsNamedWithThePortsToOpen()
    {
        Classroom room(m_share);
        room.panel->setFirewall({netcore::lookup::Firewall::Ufw, {}, {}});
        room.panel->card(ServerKind::Chat)->start();
        room.panel->setFirewall({netcore::lookup::Firewall::Ufw, {}, {}});
        const quint16 port = room.server(ServerKind::Chat)->port();
        const QString hint = room.panel->findChild<QLabel *>(u"firewallHint"_s)->text();
        QVERIFY2(hint.contains(u"sudo ufw allow %1/tcp"_s.arg(port)), qPrintable(hint));
        QVERIFY(hint.contains(u"sudo ufw allow %1/udp"_s.arg(port)));   // classic chat
        room.panel->card(ServerKind::Udp)->start();
        const quint16 udpPort = room.server(ServerKind::Udp)->port();
        QVERIFY2(room.panel->findChild<QLabel *>(u"firewallHint"_s)->text().contains(u"sudo ufw allow %1/udp"_s.arg(udpPort)),
                 qPrintable(room.panel->findChild<QLabel *>(u"firewallHint"_s)->text()));
        room.panel->setFirewall({});
        QVERIFY(room.panel->findChild<QLabel *>(u"firewallHint"_s)->text().isEmpty());
    }

    // nftables (found by netcore in `nft list ruleset`): the command names the family, table and chain found, one
    // per port and chain; iptables-legacy likewise.
    void nftablesAndIptablesHintsNameTheChainFound()
    {
        Classroom room(m_share);
        room.panel->card(ServerKind::Http)->start();
        room.panel->card(ServerKind::Udp)->start();
        const quint16 http = room.server(ServerKind::Http)->port();
        const quint16 udp = room.server(ServerKind::Udp)->port();
        auto *label = room.panel->findChild<QLabel *>(u"firewallHint"_s);
        room.panel->setFirewall({netcore::lookup::Firewall::Nftables,
                                 {{u"inet"_s, u"lab"_s, u"incoming"_s}, {u"ip"_s, u"filter"_s, u"INPUT"_s}},
                                 u"nft"_s});
        QString hint = label->text();
        QVERIFY2(hint.contains(u"sudo nft insert rule inet lab incoming tcp dport %1 accept"_s.arg(http)), qPrintable(hint));
        QVERIFY(hint.contains(u"sudo nft insert rule ip filter INPUT tcp dport %1 accept"_s.arg(http)));
        QVERIFY(hint.contains(u"sudo nft insert rule inet lab incoming udp dport %1 accept"_s.arg(udp)));
        QVERIFY(hint.contains(u"inet lab incoming"_s));
        QVERIFY(!label->isHidden());
        room.panel->setFirewall({netcore::lookup::Firewall::Iptables, {{QString(), u"filter"_s, u"INPUT"_s}}, u"iptables-legacy"_s});
        hint = label->text();
        QVERIFY2(hint.contains(u"sudo iptables-legacy -I INPUT -p tcp --dport %1 -j ACCEPT"_s.arg(http)), qPrintable(hint));
        QVERIFY(hint.contains(u"sudo iptables-legacy -I INPUT -p udp --dport %1 -j ACCEPT"_s.arg(udp)));
        room.panel->stopAll();
        QVERIFY(label->text().isEmpty());   // nothing running: no port to open
    }

    // The firewall is looked for off the GUI thread: the constructor returns while the detection is still blocked
    // (a constructor that ran it would return only after the detector gave up, with the facts known), the facts
    // arrive through the event loop and the hint names them.
    void constructionDoesNotWaitForTheFirewall()
    {
        auto gate = std::make_shared<QSemaphore>();
        auto returned = std::make_shared<std::atomic_bool>(false);
        const auto detector = [gate, returned] {
            gate->tryAcquire(1, 10'000);
            returned->store(true);
            return netcore::lookup::FirewallFacts{netcore::lookup::Firewall::Ufw, {}, {}};
        };
        widgets::chat::ChatTab chat;
        chat.findChild<QSpinBox *>(u"port"_s)->setValue(0);
        ClassroomTab panel(detector);
        QVERIFY(!returned->load());
        QVERIFY(panel.detectingFirewall());
        QVERIFY(!panel.firewallKnown());
        QCOMPARE(panel.firewall().kind, netcore::lookup::Firewall::None);
        panel.setHosts({&chat});
        panel.setInterfaces({iface(u"eth0"_s, u"192.168.7.10"_s)});
        panel.card(ServerKind::Chat)->start();
        auto *label = panel.findChild<QLabel *>(u"firewallHint"_s);
        QVERIFY(label->text().isEmpty());   // unknown: no hint yet
        gate->release();
        QTRY_VERIFY(panel.firewallKnown());
        QVERIFY(!panel.detectingFirewall());
        QCOMPARE(panel.firewall().kind, netcore::lookup::Firewall::Ufw);
        const quint16 port = panel.card(ServerKind::Chat)->status()->port();
        QVERIFY2(label->text().contains(u"sudo ufw allow %1/tcp"_s.arg(port)), qPrintable(label->text()));
    }

    // A firewall set before the detection ends (what the tests do) is kept: the late facts are dropped.
    void aFirewallSetFirstOutlivesTheDetection()
    {
        auto gate = std::make_shared<QSemaphore>();
        ClassroomTab panel([gate] {
            gate->tryAcquire(1, 10'000);
            return netcore::lookup::FirewallFacts{netcore::lookup::Firewall::Ufw, {}, {}};
        });
        panel.setFirewall({netcore::lookup::Firewall::Iptables, {{QString(), u"filter"_s, u"INPUT"_s}}, u"iptables-legacy"_s});
        QVERIFY(panel.detectingFirewall());
        gate->release();
        QTRY_VERIFY(!panel.detectingFirewall());   // the detection's facts arrived...
        QCOMPARE(panel.firewall().kind, netcore::lookup::Firewall::Iptables);   // ...and changed nothing
        QCOMPARE(panel.firewall().program, u"iptables-legacy"_s);
    }

    // A panel closed while the detection still runs waits for it (no thread left running with the panel gone) and
    // drops its facts.
    void aPanelDestroyedDuringTheDetectionWaitsForIt()
    {
        auto gate = std::make_shared<QSemaphore>();
        auto returned = std::make_shared<std::atomic_bool>(false);
        auto panel = std::make_unique<ClassroomTab>([gate, returned] {
            gate->tryAcquire(1, 200);   // nobody releases it: the detection ends on its own
            returned->store(true);
            return netcore::lookup::FirewallFacts{netcore::lookup::Firewall::Ufw, {}, {}};
        });
        QPointer<QThread> thread = panel->findChild<QThread *>(u"firewallDetection"_s);
        QVERIFY(thread);
        panel.reset();
        QVERIFY(returned->load());
        QVERIFY(thread.isNull());
        QCoreApplication::sendPostedEvents();   // the facts posted to the panel went with it
        QCoreApplication::processEvents();
    }

    // Every address, not the best three only: the rest are counted ("and 2 more") and listed in the tooltip; a
    // server on 0.0.0.0 hands out IPv4 addresses only; UDP keeps its own words.
    void everyAddressIsOnTheCard()
    {
        Classroom room(m_share);
        netcore::lookup::InterfaceInfo eth = iface(u"eth0"_s, u"192.168.7.10"_s);
        eth.addresses.append({QHostAddress(u"2001:db8::10"_s), {}, -1, {}});
        room.panel->setInterfaces({iface(u"docker0"_s, u"172.17.0.1"_s), eth, iface(u"wlan0"_s, u"10.0.0.23"_s),
                                   iface(u"eth1"_s, u"192.168.8.10"_s), iface(u"eth2"_s, u"192.168.9.10"_s)});
        room.panel->card(ServerKind::Chat)->start();
        room.panel->card(ServerKind::Udp)->start();
        const quint16 port = room.server(ServerKind::Chat)->port();
        auto *handout = room.panel->card(ServerKind::Chat)->findChild<QLabel *>(u"handout"_s);
        const QString text = handout->text();
        const QStringList all = room.panel->card(ServerKind::Chat)->allEndpoints();
        QVERIFY2(text.startsWith(u"Students connect to: "_s), qPrintable(text));
        QVERIFY2(text.contains(u"(and %1 more)"_s.arg(all.size() - 3)), qPrintable(text + u" | "_s + all.join(u", "_s)));
        QVERIFY2(all.size() >= 4, qPrintable(all.join(u", "_s)));
        for (const QString &endpoint : all)
            QVERIFY2(handout->toolTip().contains(endpoint), qPrintable(handout->toolTip()));
        for (const QString &address : {u"192.168.7.10"_s, u"10.0.0.23"_s, u"192.168.8.10"_s, u"192.168.9.10"_s})
            QVERIFY2(handout->toolTip().contains(u"%1:%2"_s.arg(address).arg(port)), qPrintable(handout->toolTip()));
        QVERIFY(!handout->toolTip().contains(u"172.17.0.1"_s));   // a container bridge: hidden while there are real ones
        QVERIFY(!text.contains(u"127.0.0.1"_s));
        // The UDP card: its own verb and the transport.
        const QString udp = room.panel->card(ServerKind::Udp)->findChild<QLabel *>(u"handout"_s)->text();
        QVERIFY2(udp.startsWith(u"Students send to: "_s) && udp.endsWith(u"(UDP)"_s), qPrintable(udp));
        QVERIFY(udp.contains(u"192.168.7.10:%1 (eth0)"_s.arg(room.server(ServerKind::Udp)->port())));
        // Three addresses or fewer: no count, no tooltip.
        room.panel->setInterfaces({iface(u"eth0"_s, u"192.168.7.10"_s)});
        QCOMPARE(handout->text(), u"Students connect to: 192.168.7.10:%1 (eth0)"_s.arg(port));
        QVERIFY(handout->toolTip().isEmpty());
    }

    // The machine's own interfaces, for real: this test runs itself again inside a user + network namespace it
    // creates (`unshare -Urn`) holding lo and a veth pair ("eth0" with 10.66.0.1, its peer "veth1"); there the
    // panel, with no interfaces given, hands out eth0's address and never lo's, and a student reaches the server
    // through it.
    void panelHandsOutTheVethAddressInANetworkNamespace()
    {
        if (!qEnvironmentVariableIsSet("SOCKETEER_PANEL_NAMESPACE_CHILD")) {
            QProcess probe;
            probe.start(u"unshare"_s, {u"-Urn"_s, u"sh"_s, u"-c"_s, u"ip link add name eth0 type veth peer name veth1"_s});
            if (!probe.waitForFinished(10'000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
                QSKIP(qPrintable(u"unshare -Urn with a veth pair inside is not possible here: "_s
                                 + QString::fromLocal8Bit(probe.readAllStandardError()).trimmed() + probe.errorString()));
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"SOCKETEER_PANEL_NAMESPACE_CHILD"_s, u"1"_s);
            env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
            child.setProcessEnvironment(env);
            child.setProcessChannelMode(QProcess::MergedChannels);
            child.start(u"unshare"_s,
                        {u"-Urn"_s, u"sh"_s, u"-c"_s,
                         u"ip link add name eth0 type veth peer name veth1 && ip addr add 10.66.0.1/24 dev eth0 && "
                         "ip link set lo up && ip link set eth0 up && ip link set veth1 up && exec \"$0\" \"$@\""_s,
                         QCoreApplication::applicationFilePath(), u"panelHandsOutTheVethAddressInANetworkNamespace"_s});
            const bool finished = child.waitForFinished(50'000);
            const QByteArray output = child.readAll();
            QVERIFY2(finished && child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
            QVERIFY2(output.contains("PASS   : TestClassroomPanel::panelHandsOutTheVethAddressInANetworkNamespace()"),
                     output.constData());
            return;
        }
        // Inside the namespace: the tab and the panel as the window builds them, no setInterfaces().
        widgets::chat::ChatTab chat;
        chat.findChild<QSpinBox *>(u"port"_s)->setValue(0);
        ClassroomTab panel;
        panel.setHosts({&chat});
        panel.card(ServerKind::Chat)->start();
        QVERIFY(panel.card(ServerKind::Chat)->isRunning());
        const quint16 port = panel.card(ServerKind::Chat)->status()->port();
        const QString handout = panel.card(ServerKind::Chat)->findChild<QLabel *>(u"handout"_s)->text();
        qInfo("handout in the namespace: %s", qPrintable(handout));
        QVERIFY2(handout.contains(u"10.66.0.1:%1 (eth0)"_s.arg(port)), qPrintable(handout));
        QVERIFY2(!handout.contains(u"127.0.0.1"_s), qPrintable(handout));
        QVERIFY2(panel.studentInstructions().contains(u"nc 10.66.0.1 %1"_s.arg(port)), qPrintable(panel.studentInstructions()));
        // A student connects to the address handed out.
        QTcpSocket student;
        student.connectToHost(QHostAddress(u"10.66.0.1"_s), port);
        QVERIFY(student.waitForConnected(5000));
        QTRY_COMPARE(panel.card(ServerKind::Chat)->clientCount(), 1);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_share;
};

QTEST_MAIN(TestClassroomPanel)
#include "tst_classroompanel.moc"
