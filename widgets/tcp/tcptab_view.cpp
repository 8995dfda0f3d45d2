// The TCP tab's view of the selection: what was received, where the send box sends, the counters, receive-to-file.
#include "widgets/tcp/tcptab.h"

#include "netcore/common/escapes.h"
#include "netcore/common/transcript.h"
#include "presentation/lookup/handouttext.h"
#include "presentation/tcp/tcptext.h"
#include "widgets/tcp/framingview.h"
#include "widgets/tcp/receivedview.h"
#include "widgets/tcp/sendbox.h"
#include "widgets/tcp/tcptab_p.h"

#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using netcore::tcp::ServerMode;
using netcore::tcp::TcpClient;
using netcore::tcp::TcpServer;

namespace widgets::tcp {
namespace {

QString durationText(qint64 ms)
{
    const qint64 s = ms / 1000;
    return u"%1:%2:%3"_s.arg(s / 3600, 2, 10, QChar(u'0')).arg((s / 60) % 60, 2, 10, QChar(u'0')).arg(s % 60, 2, 10, QChar(u'0'));
}

} // namespace


void TcpTab::onReceived(Conversation &conversation, const QByteArray &bytes, const QString &from)
{
    const qsizetype dropped = conversation.log.append(bytes, from);
    conversation.dirty = true;
    m_received->noteAppended(&conversation.log, 1, dropped);
}

void TcpTab::onCurrentItemChanged()
{
    m_received->setLog(currentLog());
    if (const Conversation *conversation = current())
        m_received->setWritingFile(conversation->log.isWritingFile(), conversation->log.filePath());
    else
        m_received->setWritingFile(false, {});
    updateEnabledState();
    updateTarget();
    refreshCounters();
    Q_EMIT currentConnectionChanged();
}

void TcpTab::updateTarget()
{
    Conversation *conversation = current();
    if (!conversation) {
        m_send->setTarget(0, tr("Select a connection in the list (or open one) to send to it."), false, {}, {});
        return;
    }
    switch (conversation->kind) {
    case Conversation::Session: {
        QPointer<TcpClient> client = conversation->client;
        const bool can = client && client->state() == TcpClient::State::Connected;
        m_send->setTarget(conversation->key, tr("To %1 (client session)").arg(conversation->peer.isEmpty() ? conversation->target : conversation->peer),
                          can, [client](const QByteArray &bytes) { return client && client->send(bytes); },
                          [client] { return client ? client->bytesToWrite() : qint64(0); });
        return;
    }
    case Conversation::ServerClient: {
        QPointer<TcpServer> server = m_server;
        const quint64 id = conversation->clientId;
        const bool can = conversation->isOpen() && server;
        m_send->setTarget(conversation->key, tr("To the server's client %1").arg(conversation->peer), can,
                          [server, id](const QByteArray &bytes) { return server && server->sendTo(id, bytes); },
                          [server, id] { return server ? server->unsentTo(id) : qint64(0); });
        return;
    }
    case Conversation::Server: {
        QPointer<TcpServer> server = m_server;
        const int clients = server ? server->clientCount() : 0;
        m_send->setTarget(conversation->key, tr("To every client of the server (%n now)", nullptr, clients), conversation->isOpen() && clients > 0,
                          [server](const QByteArray &bytes) { return server && server->sendToAll(bytes) > 0; },
                          [server] { return server ? server->largestUnsent() : qint64(0); });
        return;
    }
    }
}

void TcpTab::updateRow(Conversation &conversation)
{
    QString text;
    switch (conversation.kind) {
    case Conversation::Session: {
        const QString peer = conversation.peer.isEmpty() ? conversation.target : conversation.peer;
        const QString state = conversation.client ? presentation::tcp::stateText(conversation.client->state()) : presentation::tcp::stateText(TcpClient::State::Closed);
        text = tr("→ %1 (%2)").arg(peer, state);
        if (conversation.client)
            conversation.item->setToolTip(0, tr("Client session from %1 to %2").arg(conversation.client->localEndpoint(), peer));
        break;
    }
    case Conversation::Server:
        text = conversation.isOpen() && m_server ? tr("%1 (%n client(s))", nullptr, m_server->clientCount()).arg(serverWhere())
                                                 : tr("Server (stopped)");
        conversation.item->setToolTip(0, tr("Select to see every client's reads and to send to all clients."));
        break;
    case Conversation::ServerClient:
        text = conversation.isOpen() ? tr("← %1 (connected)").arg(conversation.peer) : tr("← %1 (gone)").arg(conversation.peer);
        break;
    }
    conversation.item->setText(0, text);
    conversation.item->setForeground(0, conversation.isOpen() ? m_tree->palette().text() : m_tree->palette().placeholderText());
}

void TcpTab::refreshCounters()
{
    // Server clients: their byte counts as the server has them (kept after they leave).
    if (m_server)
        for (auto it = m_serverClients.cbegin(); it != m_serverClients.cend(); ++it)
            if (const std::optional<netcore::common::ClientInfo> info = m_server->client(it.key()))
                if (const auto c = m_conversations.find(it.value()); c != m_conversations.end())
                    c->second->sentBytes = info->bytesSent;
    const Conversation *conversation = current();
    if (!conversation) {
        m_received->setCounters(QString());
        return;
    }
    qint64 sent = conversation->sentBytes;
    if (conversation->kind == Conversation::Session && conversation->client)
        sent = conversation->client->bytesSent();
    if (conversation->kind == Conversation::Server) {
        sent = 0;
        for (const auto &[key, c] : m_conversations)
            if (c->kind == Conversation::ServerClient)
                sent += c->sentBytes;
    }
    const ReceiveLog &log = conversation->log;
    const QDateTime end = conversation->isOpen() ? QDateTime::currentDateTime() : conversation->ended;
    const QLocale locale;
    QString text = tr("In: %1 bytes in %n read(s)", nullptr, int(log.totalChunks())).arg(locale.toString(log.totalBytes()));
    text += u" · "_s + tr("out: %1 bytes").arg(locale.toString(sent));
    if (m_received->framingView()->spec().kind != netcore::tcp::FramingKind::None)
        text += u" · "_s + tr("%n message(s) under the framing", nullptr, int(log.messages()));
    text += u" · "_s + durationText(conversation->started.msecsTo(end));
    if (log.isWritingFile())
        text += u" · "_s + tr("%1 bytes written to %2").arg(locale.toString(log.fileBytes())).arg(log.filePath());
    m_received->setCounters(text);
    for (auto &[key, c] : m_conversations)
        if (c->dirty && c->kind == Conversation::Server) {
            c->dirty = false;
            updateRow(*c);
        }
}

void TcpTab::onReceiveToFileRequested(bool on)
{
    ReceiveLog *log = currentLog();
    if (!log) {
        m_received->setWritingFile(false, {});
        return;
    }
    if (!on) {
        stopReceiveToFile();
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Save what this connection receives"));
    if (path.isEmpty() || !receiveToFile(path))
        m_received->setWritingFile(false, {});
}

bool TcpTab::receiveToFile(const QString &path)
{
    ReceiveLog *log = currentLog();
    if (!log)
        return false;
    QString why;
    if (!log->startFile(path, &why)) {
        showStatus(tr("Cannot write %1: %2").arg(path, why));
        return false;
    }
    m_received->setWritingFile(true, path);
    refreshCounters();
    return true;
}

void TcpTab::stopReceiveToFile()
{
    if (ReceiveLog *log = currentLog()) {
        log->stopFile();
        m_received->setWritingFile(false, {});
        refreshCounters();
    }
}

} // namespace widgets::tcp
