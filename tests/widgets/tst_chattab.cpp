// The Chat tab driven offscreen against a real ChatServer on loopback (port 0), with a second, headless
// ChatClient in the room as the other person.

#include "widgets/chat/chatmessagemodel.h"
#include "widgets/chat/chattab.h"

#include "netcore/chat/chatclient.h"
#include "netcore/chat/chatserver.h"
#include "netcore/common/transcript.h"
#include "widgets/common/wireview.h"
#include "tests/widgets/screenshot.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;
using netcore::chat::ChatClient;
using netcore::chat::ChatEvent;
using netcore::chat::ChatServer;
using widgets::chat::ChatMessageModel;
using widgets::chat::ChatTab;

namespace {

constexpr int kWaitMs = 10'000;

std::unique_ptr<ChatServer> startServer(quint16 port = 0)
{
    auto server = std::make_unique<ChatServer>();
    if (!server->start(QHostAddress(QHostAddress::LocalHost), port))
        qWarning() << "chat server did not start:" << server->errorDetail().raw;
    return server;
}

bool hasRow(const ChatMessageModel *model, ChatMessageModel::RowKind kind, const QString &textPart)
{
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->rowKind(i) == kind && model->rowText(i).contains(textPart))
            return true;
    }
    return false;
}

// Marks the chat tab's sentences, as a real translation would replace them.
class NoticeTranslator final : public QTranslator
{
public:
    using QTranslator::QTranslator;
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *disambiguation, int n) const override
    {
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        if (QByteArray(context) == "widgets::chat::ChatTab")
            return u"[T] "_s + QString::fromUtf8(sourceText);
        return {};
    }
};

struct Other {
    ChatClient client;
    QList<ChatEvent> events;
    Other()
    {
        QObject::connect(&client, &ChatClient::eventReceived, &client, [this](const ChatEvent &e) { events.append(e); });
    }
    bool join(quint16 port, const QString &name, ChatClient::Mode mode = ChatClient::Mode::Native)
    {
        client.connectToServer(u"127.0.0.1"_s, port, name, mode);
        return QTest::qWaitFor([this] { return client.state() == ChatClient::State::Joined; }, kWaitMs);
    }
    bool waitFor(ChatEvent::Kind kind, const QString &text)
    {
        return QTest::qWaitFor([&] {
            return std::any_of(events.cbegin(), events.cend(), [&](const ChatEvent &e) { return e.kind == kind && e.text == text; });
        }, kWaitMs);
    }
};

bool joinTab(ChatTab &tab, quint16 port, const QString &name, ChatTab::Mode mode = ChatTab::Mode::Native)
{
    tab.setConnection(u"127.0.0.1"_s, port, name, mode);
    tab.findChild<QPushButton *>(u"connect"_s)->click();
    return QTest::qWaitFor([&] { return tab.client()->state() == ChatClient::State::Joined; }, kWaitMs);
}

} // namespace

class TestChatTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chatsWithEnterAndShiftEnter();
    void showsUsersAndPrivateMessages();
    void errorsAreInPlainWords();
    void unreadMarkerWhileNotLooking();
    void wireViewShowsThisConnection();
    void localServerSwitchAndClassicMode();
    void lostConnectionThenReconnect();
    void enabledStateFollowsTheSession();
    void settingsPersist();
};

void TestChatTab::initTestCase()
{
    QCoreApplication::setOrganizationName(u"SocketeerTests"_s);
}

void TestChatTab::chatsWithEnterAndShiftEnter()
{
    auto server = startServer();
    ChatTab tab;
    tab.show();
    QVERIFY(joinTab(tab, server->serverPort(), u"alice"_s));
    Other bob;
    QVERIFY(bob.join(server->serverPort(), u"bob"_s));

    auto *input = tab.findChild<QPlainTextEdit *>(u"input"_s);
    QVERIFY(input->isEnabled());
    input->setFocus();
    QTest::keyClicks(input, u"hello bob"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(bob.waitFor(ChatEvent::Kind::Message, u"hello bob"_s));
    QVERIFY(input->toPlainText().isEmpty());

    QTest::keyClicks(input, u"line one"_s);
    QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(input->toPlainText(), u"line one\n"_s);   // Shift+Enter: a new line, nothing sent
    input->insertPlainText(u"第二行"_s);   // (keyClicks types ASCII only)
    QTest::keyClick(input, Qt::Key_Enter);
    QVERIFY(bob.waitFor(ChatEvent::Kind::Message, u"第二行"_s));
    QVERIFY(bob.waitFor(ChatEvent::Kind::Message, u"line one"_s));

    QVERIFY(bob.client.sendMessage(u"hi alice"_s) == ChatClient::SendResult::Sent);
    QTRY_VERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::Other, u"bob: hi alice"_s));
    QVERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::Own, u"alice: hello bob"_s));
    QVERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::System, u"bob joined the room"_s));
    // Rows carry a timestamp.
    QVERIFY(QRegularExpression(u"^\\[\\d\\d:\\d\\d:\\d\\d\\] "_s).match(tab.messages()->rowText(0)).hasMatch());
}

void TestChatTab::showsUsersAndPrivateMessages()
{
    auto server = startServer();
    ChatTab tab;
    tab.show();
    QVERIFY(joinTab(tab, server->serverPort(), u"alice"_s));
    Other bob, carol;
    QVERIFY(bob.join(server->serverPort(), u"bob"_s));
    QVERIFY(carol.join(server->serverPort(), u"carol"_s));
    QTRY_COMPARE(tab.userNames(), (QStringList{u"alice"_s, u"bob"_s, u"carol"_s}));

    // Double-clicking (activating) a user prepares a private message.
    auto *users = tab.findChild<QListWidget *>(u"users"_s);
    Q_EMIT users->itemActivated(users->item(1));
    auto *input = tab.findChild<QPlainTextEdit *>(u"input"_s);
    QCOMPARE(input->toPlainText(), u"/to bob "_s);
    QTest::keyClicks(input, u"just for you"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(bob.waitFor(ChatEvent::Kind::Private, u"just for you"_s));
    QTRY_VERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::Private, u"(private to bob) just for you"_s));
    QVERIFY(bob.client.sendPrivate(u"alice"_s, u"back at you"_s) == ChatClient::SendResult::Sent);
    QTRY_VERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::Private, u"(private from bob) back at you"_s));
    QVERIFY(bob.client.sendMessage(u"大家好, I am bob"_s) == ChatClient::SendResult::Sent);
    QTRY_VERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::Other, u"大家好, I am bob"_s));
    saveScreenshotIfAsked(tab, u"chat"_s);
    QTest::qWait(0);
    QVERIFY(!std::any_of(carol.events.cbegin(), carol.events.cend(),
                         [](const ChatEvent &e) { return e.kind == ChatEvent::Kind::Private; }));

    carol.client.disconnectFromServer();
    QTRY_COMPARE(tab.userNames(), (QStringList{u"alice"_s, u"bob"_s}));
    QTRY_VERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::System, u"carol left the room (left)"_s));

    input->setPlainText(u"/to nobody hello"_s);
    tab.sendInput();
    QTRY_VERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::Error, u"Nobody in the room has that name"_s));
}

void TestChatTab::errorsAreInPlainWords()
{
    auto server = startServer();
    Other holder;
    QVERIFY(holder.join(server->serverPort(), u"Taken"_s));
    ChatTab tab;
    QSignalSpy status(&tab, &ChatTab::statusMessage);
    tab.setConnection(u"127.0.0.1"_s, server->serverPort(), u"tAKEN"_s, ChatTab::Mode::Native);
    tab.connectToRoom();
    QTRY_VERIFY(tab.statusText().contains(u"Someone in the room already has that name, tAKEN."_s));
    QVERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::Error, u"Choose another name"_s));
    QVERIFY(!status.isEmpty());

    tab.setConnection(u"127.0.0.1"_s, server->serverPort(), u"two words"_s, ChatTab::Mode::Native);
    tab.connectToRoom();
    QVERIFY(tab.statusText().contains(u"That name cannot be used"_s));

    server->stop();
    tab.setConnection(u"127.0.0.1"_s, holder.client.port(), u"someone"_s, ChatTab::Mode::Native);
    tab.connectToRoom();
    QTRY_VERIFY_WITH_TIMEOUT(tab.statusText().startsWith(u"Nobody is listening at 127.0.0.1:"_s + QString::number(holder.client.port())), kWaitMs);

    auto full = std::make_unique<ChatServer>();
    netcore::common::ServerLimits limits = full->limits();
    limits.maxClients = 1;   // 0 would mean "no bound" (ServerLimits)
    full->setLimits(limits);
    QVERIFY(full->start(QHostAddress(QHostAddress::LocalHost), 0));
    QTcpSocket occupant;   // takes the one slot
    occupant.connectToHost(QHostAddress::LocalHost, full->serverPort());
    QTRY_COMPARE(full->clientCount(), 1);
    tab.setConnection(u"127.0.0.1"_s, full->serverPort(), u"someone"_s, ChatTab::Mode::Native);
    tab.connectToRoom();
    QTRY_VERIFY(tab.statusText().startsWith(u"The room is full."_s));
}

void TestChatTab::unreadMarkerWhileNotLooking()
{
    auto server = startServer();
    ChatTab tab;
    tab.show();
    QVERIFY(joinTab(tab, server->serverPort(), u"alice"_s));
    Other bob;
    QVERIFY(bob.join(server->serverPort(), u"bob"_s));
    tab.hide();   // another tab is in front
    QVERIFY(bob.client.sendMessage(u"one"_s) == ChatClient::SendResult::Sent);
    QVERIFY(bob.client.sendMessage(u"two"_s) == ChatClient::SendResult::Sent);
    QTRY_COMPARE(tab.unreadCount(), 2);
    const int marker = tab.messages()->markerRow();
    QVERIFY(marker >= 0);
    QVERIFY(tab.messages()->rowText(marker + 1).endsWith(u"bob: one"_s));   // the marker sits above the first unread
    QVERIFY(tab.messages()->rowText(marker + 2).endsWith(u"bob: two"_s));
    tab.show();
    tab.markRead();
    QCOMPARE(tab.unreadCount(), 0);
    // Own messages never count as unread.
    tab.hide();
    QVERIFY(tab.client()->sendMessage(u"mine"_s) == ChatClient::SendResult::Sent);
    QTRY_VERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::Own, u"alice: mine"_s));
    QCOMPARE(tab.unreadCount(), 0);
}

void TestChatTab::wireViewShowsThisConnection()
{
    auto server = startServer();
    ChatTab tab;
    QVERIFY(joinTab(tab, server->serverPort(), u"alice"_s));
    auto *wire = tab.findChild<widgets::common::WireView *>();
    QVERIFY(wire);
    QCOMPARE(wire->transcript(), tab.transcript());
    const auto sawBoth = [&] {
        QByteArray sent, received;
        for (const auto &e : tab.transcript()->entries()) {
            if (e.direction == netcore::common::Direction::Sent)
                sent += e.bytes;
            else if (e.direction == netcore::common::Direction::Received)
                received += e.bytes;
        }
        return sent.contains("NICK alice\n") && received.contains("OK alice\n");
    };
    QTRY_VERIFY(sawBoth());
}

void TestChatTab::localServerSwitchAndClassicMode()
{
    ChatTab tab;
    tab.show();
    tab.findChild<QSpinBox *>(u"port"_s)->setValue(0);   // any free port
    tab.findChild<QCheckBox *>(u"localServer"_s)->setChecked(true);
    QVERIFY(tab.localServer());
    QVERIFY(tab.localServer()->isListening());
    const quint16 port = tab.localServer()->serverPort();
    QCOMPARE(tab.findChild<QSpinBox *>(u"port"_s)->value(), int(port));
    QVERIFY(tab.statusText().contains(u"Local server on port "_s + QString::number(port)));
    // The notice says where students connect (an address and the port, not "this computer's address") ...
    QVERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::System, u"on every address"_s));
    QVERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::System, u":"_s + QString::number(port)));
    // ... and, like every notice, is said again in the new language after a live switch.
    {
        NoticeTranslator translator;
        QVERIFY(QCoreApplication::installTranslator(&translator));   // LanguageChange to every widget
        QCoreApplication::processEvents();
        QVERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::System, u"[T] Local server listening"_s));
        QCoreApplication::removeTranslator(&translator);
        QCoreApplication::processEvents();
    }
    QVERIFY(!hasRow(tab.messages(), ChatMessageModel::RowKind::System, u"[T] "_s));
    QCOMPARE(tab.activeWork().size(), 1);   // closing the window would stop it: the window asks first
    QVERIFY(tab.activeWork().constFirst().contains(QString::number(port)));

    QVERIFY(joinTab(tab, port, u"小明"_s, ChatTab::Mode::Classic));
    Other native;
    QVERIFY(native.join(port, u"native"_s));
    QTRY_VERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::System, u"native joined the room"_s));
    auto *input = tab.findChild<QPlainTextEdit *>(u"input"_s);
    input->insertPlainText(u"经典你好"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(native.waitFor(ChatEvent::Kind::Message, u"经典你好"_s));
    QVERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::Own, u"小明: 经典你好"_s));
    input->setPlainText(u"/to native x"_s);
    tab.sendInput();
    QVERIFY(hasRow(tab.messages(), ChatMessageModel::RowKind::Error, u"Private messages need the native protocol"_s));

    tab.disconnectFromRoom();
    QTRY_COMPARE(tab.client()->state(), ChatClient::State::Disconnected);
    QTRY_VERIFY(std::any_of(native.events.cbegin(), native.events.cend(),
                            [](const ChatEvent &e) { return e.kind == ChatEvent::Kind::Leave && e.from == u"小明"_s; }));
    tab.findChild<QCheckBox *>(u"localServer"_s)->setChecked(false);
    QVERIFY(!tab.localServer());
    QVERIFY(QTest::qWaitFor([&] { return native.client.state() == ChatClient::State::Disconnected; }, kWaitMs));
}

void TestChatTab::lostConnectionThenReconnect()
{
    auto server = startServer();
    const quint16 port = server->serverPort();
    ChatTab tab;
    QVERIFY(joinTab(tab, port, u"alice"_s));
    server.reset();   // the server goes away
    QTRY_VERIFY(tab.statusText().startsWith(u"The connection to the server was lost."_s));
    QVERIFY(tab.userNames().isEmpty());
    auto *reconnect = tab.findChild<QPushButton *>(u"reconnect"_s);
    QVERIFY(reconnect->isEnabled());
    server = startServer(port);   // back on the port it had
    QVERIFY(server->isListening());
    reconnect->click();
    QTRY_COMPARE(tab.client()->state(), ChatClient::State::Joined);
    QCOMPARE(server->users(), QStringList{u"alice"_s});
}

void TestChatTab::enabledStateFollowsTheSession()
{
    auto server = startServer();
    ChatTab tab;
    auto *connectButton = tab.findChild<QPushButton *>(u"connect"_s);
    auto *disconnectButton = tab.findChild<QPushButton *>(u"disconnect"_s);
    auto *send = tab.findChild<QPushButton *>(u"send"_s);
    QVERIFY(connectButton->isEnabled());
    QVERIFY(!disconnectButton->isEnabled());
    QVERIFY(!send->isEnabled());
    QVERIFY(joinTab(tab, server->serverPort(), u"alice"_s));
    QVERIFY(!connectButton->isEnabled());
    QVERIFY(disconnectButton->isEnabled());
    QVERIFY(send->isEnabled());
    QVERIFY(!tab.findChild<QSpinBox *>(u"port"_s)->isEnabled());
    disconnectButton->click();
    QTRY_VERIFY(connectButton->isEnabled());
    QVERIFY(!send->isEnabled());
    QVERIFY(tab.statusText().startsWith(u"Not connected."_s));
}

void TestChatTab::settingsPersist()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"settings.ini"_s);
    {
        ChatTab tab;
        tab.setConnection(u"192.0.2.7"_s, 8000, u"小红"_s, ChatTab::Mode::Classic2020);
        QSettings settings(path, QSettings::IniFormat);
        tab.saveSettings(settings);
    }
    ChatTab restored;
    QSettings settings(path, QSettings::IniFormat);
    restored.restoreSettings(settings);
    QCOMPARE(restored.findChild<QSpinBox *>(u"port"_s)->value(), 8000);
    QCOMPARE(restored.findChild<QLineEdit *>(u"name"_s)->text(), u"小红"_s);
    QCOMPARE(restored.findChild<QLineEdit *>(u"host"_s)->text(), u"192.0.2.7"_s);
}

QTEST_MAIN(TestChatTab)
#include "tst_chattab.moc"
