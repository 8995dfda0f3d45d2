// The TCP tab's connections: client sessions, the server and its clients, the selection, counters.
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

TcpTab::Conversation &TcpTab::addConversation(int kind, QTreeWidgetItem *parent)
{
    auto conversation = std::make_unique<Conversation>();
    conversation->key = m_nextKey++;
    conversation->kind = Conversation::Kind(kind);
    conversation->item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    conversation->item->setData(0, Qt::UserRole, conversation->key);
    conversation->log.setEncoding(m_received->encoding());
    conversation->log.setFraming(m_received->framingView()->spec());
    applyViewSettings(conversation->log);
    Conversation &ref = *conversation;
    m_conversations.emplace(ref.key, std::move(conversation));
    return ref;
}

TcpTab::Conversation *TcpTab::current() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return nullptr;
    const auto it = m_conversations.find(item->data(0, Qt::UserRole).toULongLong());
    return it == m_conversations.end() ? nullptr : it->second.get();
}

TcpTab::Conversation *TcpTab::conversationOf(const TcpClient *client) const
{
    for (const auto &[key, conversation] : m_conversations)
        if (conversation->client == client)
            return conversation.get();
    return nullptr;
}

ReceiveLog *TcpTab::currentLog() const
{
    Conversation *conversation = current();
    return conversation ? &conversation->log : nullptr;
}

TcpClient *TcpTab::currentSession() const
{
    const Conversation *conversation = current();
    return conversation && conversation->kind == Conversation::Session ? conversation->client.data() : nullptr;
}

std::optional<quint64> TcpTab::currentServerClient() const
{
    const Conversation *conversation = current();
    if (conversation && conversation->kind == Conversation::ServerClient)
        return conversation->clientId;
    return std::nullopt;
}

bool TcpTab::serverRowSelected() const
{
    const Conversation *conversation = current();
    return conversation && conversation->kind == Conversation::Server;
}

// --- client sessions ---

void TcpTab::onNewConnection()
{
    const QString host = m_host->text().trimmed();
    if (host.isEmpty()) {
        showStatus(tr("Enter a host name or an IP address to connect to."));
        return;
    }
    openSession(host, quint16(m_port->value()));
}

TcpClient *TcpTab::openSession(const QString &host, quint16 port)
{
    auto *client = new TcpClient(m_transcript, this);
    Conversation &conversation = addConversation(Conversation::Session, nullptr);
    conversation.client = client;
    conversation.target = QHostAddress(host).isNull() ? host + u':' + QString::number(port)
                                                       : netcore::common::endpointString(QHostAddress(host), port);
    const quint64 key = conversation.key;
    connect(client, &TcpClient::stateChanged, this, [this, key](TcpClient::State state) {
        const auto it = m_conversations.find(key);
        if (it == m_conversations.end())
            return;
        Conversation &c = *it->second;
        if (state == TcpClient::State::Connected)
            c.peer = c.client->peerEndpoint();
        if (state == TcpClient::State::Closed && c.isOpen())
            c.ended = QDateTime::currentDateTime();
        updateRow(c);
        if (current() == &c) {
            updateEnabledState();
            updateTarget();
            Q_EMIT currentConnectionChanged();
        }
    });
    connect(client, &TcpClient::errorOccurred, this, [this, client](TcpClient::Error error) {
        showStatus(tr("TCP: %1").arg(presentation::tcp::errorText(error, client->errorDetail())));
    });
    connect(client, &TcpClient::received, this, [this, key](const QByteArray &bytes) {
        const auto it = m_conversations.find(key);
        if (it != m_conversations.end())
            onReceived(*it->second, bytes, {});
    });
    updateRow(conversation);
    m_tree->setCurrentItem(conversation.item);
    client->connectTo(host, port);
    return client;
}

void TcpTab::selectSession(const TcpClient *client)
{
    if (const Conversation *conversation = conversationOf(client))
        m_tree->setCurrentItem(conversation->item);
}

void TcpTab::closeSelected()
{
    if (TcpClient *client = currentSession())
        client->close();
}

void TcpTab::halfCloseSelected()
{
    if (TcpClient *client = currentSession())
        client->halfClose();
}

void TcpTab::abortSelected()
{
    if (TcpClient *client = currentSession())
        client->abort();
}

// --- the server ---

QString TcpTab::serverWhere() const
{
    if (!m_server || !m_server->isListening())
        return tr("Server (stopped)");
    const QHostAddress address = m_server->serverAddress();
    const bool everywhere = address == QHostAddress::Any || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6;
    const QString mode = m_mode->currentText();
    return everywhere ? tr("Server on every address, port %1 · %2").arg(m_server->serverPort()).arg(mode)
                      : tr("Server on %1 · %2").arg(netcore::common::endpointString(address, m_server->serverPort()), mode);
}

void TcpTab::onListenToggled()
{
    if (m_server && m_server->isListening()) {
        // Clients are connected (students, maybe): ask first. The classroom panel asks for itself and calls
        // stopServer() directly.
        if (m_server->clientCount() > 0) {
            QMessageBox box(QMessageBox::Question, tr("Stop the TCP server?"),
                            tr("%n client(s) connected; stopping disconnects them.", nullptr, m_server->clientCount()),
                            QMessageBox::Yes | QMessageBox::Cancel, this);
            box.setObjectName(u"confirmStopDialog"_s);
            box.button(QMessageBox::Yes)->setText(tr("Stop"));
            box.setDefaultButton(QMessageBox::Cancel);
            if (box.exec() != QMessageBox::Yes)
                return;
        }
        stopServer();
        return;
    }
    const QHostAddress address = m_listenAddress->currentData().toInt() == 0 ? QHostAddress(QHostAddress::Any)
                                                                              : QHostAddress(QHostAddress::LocalHost);
    listen(address, quint16(m_listenPort->value()));
}

bool TcpTab::listen(const QHostAddress &address, quint16 port)
{
    if (m_server)
        stopServer();
    removeServerRows();
    auto *server = new TcpServer(m_transcript, this);
    m_server = server;
    applyServerSettings();
    if (!server->start(address, port)) {
        const QString why = presentation::tcp::errorText(server->error(), server->errorDetail());
        m_serverProblem->setText(tr("The server did not start: %1").arg(why));
        showStatus(m_serverProblem->text());
        m_server = nullptr;
        delete server;
        updateEnabledState();
        return false;
    }
    m_serverProblem->clear();
    connect(server, &TcpServer::clientAdded, this, &TcpTab::onClientAdded);
    connect(server, &TcpServer::clientRemoved, this, &TcpTab::onClientRemoved);
    connect(server, &TcpServer::received, this, &TcpTab::onServerReceived);
    Conversation &row = addConversation(Conversation::Server, nullptr);
    m_serverKey = row.key;
    row.item->setExpanded(true);
    updateRow(row);
    Q_EMIT hostedServerChanged();
    updateHandout();
    showStatus(tr("TCP server listening on %1. %2")
                   .arg(netcore::common::endpointString(address, server->serverPort()),
                        presentation::lookup::studentsConnectText(address, server->serverPort(), 2)));
    if (!current())
        m_tree->setCurrentItem(row.item);
    updateEnabledState();
    updateTarget();
    return true;
}

void TcpTab::stopServer()
{
    if (!m_server)
        return;
    TcpServer *server = m_server;
    server->stop();
    disconnect(server, nullptr, this, nullptr);
    m_server = nullptr;
    server->deleteLater();
    for (auto &[key, conversation] : m_conversations) {
        if ((conversation->kind == Conversation::Server || conversation->kind == Conversation::ServerClient)
            && conversation->isOpen()) {
            conversation->ended = QDateTime::currentDateTime();
            updateRow(*conversation);
        }
    }
    m_serverClients.clear();
    updateHandout();
    Q_EMIT hostedServerChanged();
    showStatus(tr("The TCP server stopped."));
    updateEnabledState();
    updateTarget();
    Q_EMIT currentConnectionChanged();
}

netcore::common::Server *TcpTab::hostedServer() const
{
    return m_server.data();
}

bool TcpTab::startForClass()
{
    if (m_server && m_server->isListening())
        return true;
    m_mode->setCurrentIndex(int(ServerMode::Echo));
    m_listenAddress->setCurrentIndex(0);
    return listen(QHostAddress(QHostAddress::Any), quint16(m_listenPort->value()));
}

void TcpTab::setServerMode(ServerMode mode)
{
    m_mode->setCurrentIndex(int(mode));
}

std::optional<QList<netcore::tcp::ReplyRule>> TcpTab::parseRules(QString *error) const
{
    QList<netcore::tcp::ReplyRule> rules;
    const QStringList lines = m_rules->toPlainText().split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.trimmed().isEmpty())
            continue;
        const qsizetype arrow = line.indexOf(u"=>"_s);
        if (arrow < 0) {
            *error = tr("Rule line %1: write TEXT => REPLY.").arg(i + 1);
            return std::nullopt;
        }
        const std::optional<QByteArray> match = netcore::common::parseEscapes(line.left(arrow).trimmed());
        const std::optional<QByteArray> reply = netcore::common::parseEscapes(line.mid(arrow + 2).trimmed());
        if (!match || !reply || match->isEmpty()) {
            *error = tr("Rule line %1: the text is empty or an escape is wrong.").arg(i + 1);
            return std::nullopt;
        }
        rules.append({*match, *reply});
    }
    return rules;
}

void TcpTab::applyServerSettings()
{
    const auto mode = ServerMode(m_mode->currentData().toInt());
    const std::optional<QByteArray> reply = netcore::common::parseEscapes(m_reply->text());
    QString rulesProblem;
    const std::optional<QList<netcore::tcp::ReplyRule>> rules = parseRules(&rulesProblem);
    QString problem;
    if (mode == ServerMode::FixedReply && !reply)
        problem = tr("The reply has a wrong escape (escapes: \\r \\n \\t \\xNN).");
    else if (mode == ServerMode::Rules && !rules)
        problem = rulesProblem;
    m_serverProblem->setText(problem);
    m_serverProblem->setVisible(!problem.isEmpty());
    if (!m_server)
        return;
    m_server->setMode(mode);
    if (reply)
        m_server->setFixedReply(*reply);
    if (rules)
        m_server->setRules(*rules);
    if (const auto row = m_conversations.find(m_serverKey); row != m_conversations.end())
        updateRow(*row->second);
}

void TcpTab::onClientAdded(const netcore::common::ClientInfo &client)
{
    const auto server = m_conversations.find(m_serverKey);
    if (server == m_conversations.end())
        return;
    Conversation &conversation = addConversation(Conversation::ServerClient, server->second->item);
    conversation.clientId = client.id;
    conversation.peer = client.peer;
    m_serverClients.insert(client.id, conversation.key);
    server->second->item->setExpanded(true);
    updateRow(conversation);
    updateRow(*server->second);
    updateTarget();
}

void TcpTab::onClientRemoved(quint64 id)
{
    const auto it = m_conversations.find(m_serverClients.take(id));
    if (it == m_conversations.end())
        return;
    it->second->ended = QDateTime::currentDateTime();
    updateRow(*it->second);
    if (current() == it->second.get()) {
        updateEnabledState();
        updateTarget();
        Q_EMIT currentConnectionChanged();
    }
    updateTarget();
}

void TcpTab::onServerReceived(quint64 id, const QByteArray &bytes)
{
    const auto client = m_conversations.find(m_serverClients.value(id));
    if (client != m_conversations.end())
        onReceived(*client->second, bytes, {});
    const auto server = m_conversations.find(m_serverKey);
    if (server != m_conversations.end())
        onReceived(*server->second, bytes, client != m_conversations.end() ? client->second->peer : QString());
}

void TcpTab::selectServer()
{
    if (const auto it = m_conversations.find(m_serverKey); it != m_conversations.end())
        m_tree->setCurrentItem(it->second->item);
}

void TcpTab::selectServerClient(quint64 id)
{
    if (const auto it = m_conversations.find(m_serverClients.value(id)); it != m_conversations.end())
        m_tree->setCurrentItem(it->second->item);
}

void TcpTab::disconnectSelected()
{
    if (const std::optional<quint64> id = currentServerClient(); id && m_server)
        m_server->disconnectClient(*id);
}

void TcpTab::removeServerRows()
{
    QList<quint64> keys;
    for (const auto &[key, conversation] : m_conversations)
        if (conversation->kind == Conversation::Server)
            keys.append(key);
    for (const quint64 key : std::as_const(keys))
        removeConversation(key);
    m_serverKey = 0;
}

void TcpTab::removeSelected()
{
    Conversation *conversation = current();
    if (!conversation || conversation->isOpen())
        return;
    if (conversation->kind == Conversation::Server)
        removeServerRows();
    else
        removeConversation(conversation->key);
}

void TcpTab::removeConversation(quint64 key)
{
    const auto it = m_conversations.find(key);
    if (it == m_conversations.end())
        return;
    // A server row takes its clients' rows with it.
    if (it->second->kind == Conversation::Server) {
        QList<quint64> children;
        for (int i = 0; i < it->second->item->childCount(); ++i)
            children.append(it->second->item->child(i)->data(0, Qt::UserRole).toULongLong());
        for (const quint64 child : std::as_const(children))
            removeConversation(child);
    }
    std::unique_ptr<Conversation> conversation = std::move(it->second);
    m_conversations.erase(it);
    if (m_received->log() == &conversation->log)
        m_received->setLog(nullptr);
    if (conversation->client) {
        disconnect(conversation->client, nullptr, this, nullptr);
        conversation->client->abort();
        conversation->client->deleteLater();
    }
    delete conversation->item;   // the tree selects another row (currentItemChanged)
    onCurrentItemChanged();
}

// --- what was received, the selection, the counters ---

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
        m_send->setTarget(0, tr("Select a connection in the list (or open one) to send to it."), false, {});
        return;
    }
    switch (conversation->kind) {
    case Conversation::Session: {
        QPointer<TcpClient> client = conversation->client;
        const bool can = client && client->state() == TcpClient::State::Connected;
        m_send->setTarget(conversation->key, tr("To %1 (client session)").arg(conversation->peer.isEmpty() ? conversation->target : conversation->peer),
                          can, [client](const QByteArray &bytes) { return client && client->send(bytes); });
        return;
    }
    case Conversation::ServerClient: {
        QPointer<TcpServer> server = m_server;
        const quint64 id = conversation->clientId;
        const bool can = conversation->isOpen() && server;
        m_send->setTarget(conversation->key, tr("To the server's client %1").arg(conversation->peer), can,
                          [server, id](const QByteArray &bytes) { return server && server->sendTo(id, bytes); });
        return;
    }
    case Conversation::Server: {
        QPointer<TcpServer> server = m_server;
        const int clients = server ? server->clientCount() : 0;
        m_send->setTarget(conversation->key, tr("To every client of the server (%n now)", nullptr, clients), conversation->isOpen() && clients > 0,
                          [server](const QByteArray &bytes) { return server && server->sendToAll(bytes) > 0; });
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
