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

#include <QCheckBox>
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
    // A path is a Unix-domain socket (no port, no TLS there); anything else a host name or an address.
    const bool unixPath = host.startsWith(u'/');
    auto *client = new TcpClient(m_transcript, this);
    client->setTls(!unixPath && m_tls->isChecked());
    client->setIgnoreTlsErrors(m_tlsInsecure->isChecked());
    Conversation &conversation = addConversation(Conversation::Session, nullptr);
    conversation.client = client;
    conversation.target = unixPath ? host
        : QHostAddress(host).isNull() ? host + u':' + QString::number(port)
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
    if (unixPath)
        client->connectToUnix(host);
    else
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
    if (m_server->isUnix())
        return tr("Server on %1 · %2").arg(m_server->unixPath(), m_mode->currentText());
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
    switch (m_listenAddress->currentData().toInt()) {
    case 0:
        listen(QHostAddress(QHostAddress::Any), quint16(m_listenPort->value()));
        break;
    case 1:
        listen(QHostAddress(QHostAddress::LocalHost), quint16(m_listenPort->value()));
        break;
    default:
        listenUnix(m_unixPath->text().trimmed());
        break;
    }
}

bool TcpTab::listen(const QHostAddress &address, quint16 port)
{
    return startServer([address, port](TcpServer *server) { return server->start(address, port); });
}

bool TcpTab::listenUnix(const QString &path)
{
    if (path.isEmpty()) {
        m_serverProblem->setText(tr("Enter the path of the socket file to create."));
        showStatus(m_serverProblem->text());
        return false;
    }
    return startServer([path](TcpServer *server) { return server->listenUnix(path); });
}

bool TcpTab::startServer(const std::function<bool(TcpServer *)> &start)
{
    if (m_server)
        stopServer();
    removeServerRows();
    auto *server = new TcpServer(m_transcript, this);
    m_server = server;
    applyServerSettings();
    if (!start(server)) {
        const QString why = presentation::tcp::errorText(server->error(), server->errorDetail());
        m_serverProblem->setText(tr("The server did not start: %1").arg(why));
        showStatus(m_serverProblem->text());
        m_server = nullptr;
        delete server;
        updateEnabledState();
        return false;
    }
    m_serverProblem->clear();
    if (!server->isUnix())
        m_listenPort->setValue(server->serverPort());   // the port it got (0 asks for any free one)
    connect(server, &TcpServer::clientAdded, this, &TcpTab::onClientAdded);
    connect(server, &TcpServer::clientRemoved, this, &TcpTab::onClientRemoved);
    connect(server, &TcpServer::received, this, &TcpTab::onServerReceived);
    Conversation &row = addConversation(Conversation::Server, nullptr);
    m_serverKey = row.key;
    row.item->setExpanded(true);
    updateRow(row);
    Q_EMIT hostedServerChanged();
    updateHandout();
    if (server->isUnix())
        showStatus(tr("TCP server listening on the Unix-domain socket %1.").arg(server->unixPath()));
    else
        showStatus(tr("TCP server listening on %1. %2")
                       .arg(netcore::common::endpointString(server->serverAddress(), server->serverPort()),
                            presentation::lookup::studentsConnectText(server->serverAddress(), server->serverPort(), 2)));
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
        const QString text = line.left(arrow).trimmed();
        const std::optional<QByteArray> reply = netcore::common::parseEscapes(line.mid(arrow + 2).trimmed());
        // /PATTERN/ => REPLY: a regular expression (its own escapes) searched in the read.
        if (text.size() > 2 && text.startsWith(u'/') && text.endsWith(u'/')) {
            const QByteArray pattern = text.sliced(1, text.size() - 2).toUtf8();
            if (const auto problem = netcore::tcp::checkRulePattern(pattern)) {
                *error = tr("Rule line %1: %2").arg(i + 1).arg(presentation::tcp::rulePatternText(*problem));
                return std::nullopt;
            }
            if (!reply) {
                *error = tr("Rule line %1: the text is empty or an escape is wrong.").arg(i + 1);
                return std::nullopt;
            }
            rules.append({pattern, *reply, true});
            continue;
        }
        const std::optional<QByteArray> match = netcore::common::parseEscapes(text);
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
    netcore::common::ServerLimits limits = m_server->limits();
    limits.maxClients = m_maxClients->value();
    limits.maxPerHost = m_maxPerHost->value();
    limits.idleTimeout = std::chrono::seconds(m_idleSeconds->value());
    m_server->setLimits(limits);
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

} // namespace widgets::tcp
