// ChatTab: the session side: connecting, the local server, sending, room events, errors in plain words.
#include "widgets/chat/chattab.h"

#include "widgets/chat/chatmessagemodel.h"
#include "netcore/chat/chatserver.h"
#include "presentation/chat/chattext.h"
#include "presentation/lookup/handouttext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>

using namespace Qt::StringLiterals;
using netcore::chat::ChatClient;
using netcore::chat::ChatEvent;
using netcore::chat::ChatServer;

namespace widgets::chat {
namespace {

constexpr int kBottomSlackPx = 4;   // "at the bottom" even when a few pixels short

} // namespace

void ChatTab::setConnection(const QString &host, quint16 port, const QString &name, Mode mode)
{
    m_host->setText(host);
    m_port->setValue(port);
    m_name->setText(name);
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

void ChatTab::connectToRoom()
{
    if (m_client->state() != ChatClient::State::Disconnected)
        return;
    m_statusError = {};
    if (m_localServer->isChecked() && !m_server && !setLocalServerRunning(true))
        return;
    const QString host = m_host->text().trimmed();
    const QString name = m_name->text().trimmed();
    if (host.isEmpty() || m_port->value() == 0) {
        m_statusError = [] { return tr("Enter the server's host and port first."); };
        updateStatus();
        return;
    }
    m_client->connectToServer(host, quint16(m_port->value()), name, Mode(m_mode->currentData().toInt()));
}

void ChatTab::disconnectFromRoom()
{
    m_client->disconnectFromServer();
}

void ChatTab::reconnect()
{
    if (m_client->state() != ChatClient::State::Disconnected || m_client->host().isEmpty())
        return;
    m_statusError = {};
    m_client->reconnect();
}

void ChatTab::onLocalServerToggled(bool checked)
{
    setLocalServerRunning(checked);
}

netcore::common::Server *ChatTab::hostedServer() const
{
    return m_server;
}

bool ChatTab::setLocalServerRunning(bool run)
{
    const QSignalBlocker blocker(m_localServer);
    if (!run) {
        m_localServer->setChecked(false);
        if (m_server) {
            m_server->stop();
            m_server->deleteLater();
            m_server = nullptr;
            Q_EMIT hostedServerChanged();
            notice([] { return tr("The local server stopped."); });
        }
        updateStatus();
        return true;
    }
    if (m_server)
        return true;
    m_server = new ChatServer(this);
    connect(m_server, &ChatServer::errorOccurred, this, [this](ChatServer::Error error) {
        m_statusError = [error, detail = m_server->errorDetail()] {
            return tr("The local server could not start: %1").arg(presentation::chat::errorText(error, detail));
        };
    });
    if (!m_server->start(QHostAddress(QHostAddress::Any), quint16(m_port->value()))) {
        delete m_server;
        m_server = nullptr;
        m_localServer->setChecked(false);
        updateStatus();
        return false;
    }
    m_localServer->setChecked(true);
    Q_EMIT hostedServerChanged();
    m_port->setValue(m_server->serverPort());
    if (m_host->text().trimmed().isEmpty())
        m_host->setText(u"127.0.0.1"_s);
    notice([port = m_server->serverPort()] {
        return tr("Local server listening on port %1 (TCP and classic UDP) on every address. %2")
            .arg(port)
            .arg(presentation::lookup::studentsConnectText(QHostAddress(QHostAddress::Any), port));
    });
    updateStatus();
    return true;
}

void ChatTab::sendInput()
{
    const QString text = m_input->toPlainText();
    if (text.trimmed().isEmpty())
        return;
    ChatClient::SendResult result;
    if (text.startsWith("/to "_L1)) {
        const QString rest = text.mid(4).trimmed();
        const qsizetype space = rest.indexOf(u' ');
        result = space < 0 ? ChatClient::SendResult::Empty : m_client->sendPrivate(rest.left(space), rest.mid(space + 1));
    } else {
        result = m_client->sendMessage(text);
    }
    if (result == ChatClient::SendResult::Sent) {
        m_input->clear();
        markRead();
        scrollToBottom();
    } else {
        notice([result] { return presentation::chat::sendResultText(result); }, true);
    }
}

void ChatTab::onStateChanged(ChatClient::State state)
{
    if (state == ChatClient::State::Joined) {
        m_statusError = {};
        notice([name = m_client->name()] { return tr("You joined the room as %1.").arg(name); });
        Q_EMIT statusMessage(tr("Joined the chat room as %1").arg(m_client->name()));
        m_input->setFocus();
    } else if (state == ChatClient::State::Disconnected && m_client->error() == ChatClient::Error::None) {
        notice([] { return tr("You left the room."); });
        onUsersChanged({});
    }
    updateEnabledState();
    updateStatus();
}

void ChatTab::onEvent(const ChatEvent &event)
{
    const bool reading = isReading();
    if (!reading && !event.own) {
        if (m_unread == 0)
            m_messages->insertMarker();
        ++m_unread;
        m_unreadButton->setText(tr("%n new message(s) ↓", nullptr, m_unread));
        m_unreadButton->show();
    }
    m_messages->appendEvent(event);
    if (reading || event.own)
        scrollToBottom();
}

void ChatTab::onError(ChatClient::Error error)
{
    m_statusError = [error, detail = m_client->errorDetail(), name = m_client->name()] {
        return presentation::chat::errorText(error, detail, name);
    };
    notice(m_statusError, true);
    Q_EMIT statusMessage(m_statusError());
    onUsersChanged({});
    updateEnabledState();
    updateStatus();
}

void ChatTab::onRequestFailed(const QString &code, const QString &text)
{
    notice([code, text] { return presentation::chat::requestFailedText(code, text); }, true);
}

void ChatTab::onUsersChanged(const QStringList &users)
{
    m_users->clear();
    for (const QString &user : users) {
        auto *item = new QListWidgetItem(user, m_users);
        if (netcore::chat::nameKey(user) == netcore::chat::nameKey(m_client->name())) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
    }
}

void ChatTab::onUserActivated(QListWidgetItem *item)
{
    if (!item || !m_client->supportsPrivateMessages())
        return;
    m_input->setPlainText(u"/to "_s + item->text() + u' ');
    m_input->moveCursor(QTextCursor::End);
    m_input->setFocus();
}

QStringList ChatTab::activeWork() const
{
    if (!m_server)
        return {};
    return {tr("chat server on port %1, %n client(s) connected", nullptr, m_server->clientCount()).arg(m_server->serverPort())};
}

QStringList ChatTab::userNames() const
{
    QStringList names;
    for (int i = 0; i < m_users->count(); ++i)
        names.append(m_users->item(i)->text());
    return names;
}

QString ChatTab::statusText() const
{
    return m_status->text();
}

void ChatTab::notice(ChatMessageModel::NoticeText text, bool error)
{
    m_messages->appendNotice(std::move(text), error);
    if (isReading())
        scrollToBottom();
}

bool ChatTab::isReading() const
{
    const QScrollBar *bar = m_list->verticalScrollBar();
    return m_list->isVisible() && window()->isActiveWindow() && bar->value() >= bar->maximum() - kBottomSlackPx;
}

void ChatTab::scrollToBottom()
{
    m_list->scrollToBottom();
}

void ChatTab::markRead()
{
    if (m_unread == 0 && m_messages->markerRow() < 0)
        return;
    m_unread = 0;
    m_unreadButton->hide();
    scrollToBottom();
}

void ChatTab::updateStatus()
{
    QString text;
    switch (m_client->state()) {
    case ChatClient::State::Disconnected:
        text = m_statusError ? m_statusError() : tr("Not connected.");
        break;
    case ChatClient::State::Connecting:
        text = tr("Connecting to %1 port %2…").arg(m_client->host()).arg(m_client->port());
        break;
    case ChatClient::State::Joining:
        text = tr("Connected; joining as %1…").arg(m_client->name());
        break;
    case ChatClient::State::Joined:
        text = tr("In the room at %1 port %2 as %3 (%4).")
                   .arg(m_client->host())
                   .arg(m_client->port())
                   .arg(m_client->name(), m_mode->itemText(m_mode->findData(int(m_client->mode()))));
        break;
    case ChatClient::State::Leaving:
        text = tr("Leaving the room…");
        break;
    }
    if (m_server)
        text += u' ' + tr("Local server on port %1.").arg(m_server->serverPort());
    m_status->setText(text);
}

} // namespace widgets::chat
