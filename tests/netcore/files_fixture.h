#pragma once

// Shared by the FileServer + FileClient loopback tests (tst_filesserver, tst_filesresume): a temporary root and
// client folder, a server on port 0, clients, one transfer run to its end, and a raw peer for speaking the
// protocol by hand.
#include "netcore/files/fileclient.h"
#include "netcore/files/fileserver.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <memory>

namespace files_test {

using namespace Qt::StringLiterals;
using netcore::files::Error;
using netcore::files::FileClient;
using netcore::files::FileServer;
using netcore::files::ServerOptions;

constexpr int kWaitMs = 20000;

inline QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    auto *words = reinterpret_cast<quint32 *>(bytes.data());
    QRandomGenerator::global()->fillRange(words, size / 4);
    for (qsizetype i = size / 4 * 4; i < size; ++i)
        bytes[i] = char(i);
    return bytes;
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

// A raw peer for speaking the protocol by hand (malformed input, wrong hashes).
struct RawPeer {
    QTcpSocket socket;
    QByteArray buffer;

    // `from`: bind the client to this address first (127.0.0.2 and 127.0.0.3 are two hosts on loopback).
    bool open(quint16 port, const QHostAddress &from = {})
    {
        if (!from.isNull() && !socket.bind(from, 0))
            return false;
        socket.connectToHost(QHostAddress::LocalHost, port);
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; }, kWaitMs);
    }
    QByteArray line()
    {
        const bool settled = QTest::qWaitFor([this] {
            buffer += socket.readAll();
            return buffer.contains('\n') || socket.state() == QAbstractSocket::UnconnectedState;
        }, kWaitMs);
        Q_UNUSED(settled)
        buffer += socket.readAll();
        const qsizetype end = buffer.indexOf('\n');
        if (end < 0)
            return "<closed>"_ba;
        const QByteArray result = buffer.left(end);
        buffer.remove(0, end + 1);
        return result;
    }
    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }
    bool closedByServer()
    {
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::UnconnectedState; }, kWaitMs);
    }
};

// The folders and server of one test function; a test class holds one and calls setUp()/tearDown() from
// init()/cleanup().
struct Fixture {
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<FileServer> server;
    QString root;
    QString local;   // the client's folder

    void setUp()
    {
        dir = std::make_unique<QTemporaryDir>();
        QVERIFY(dir->isValid());
        root = dir->filePath(u"root"_s);
        local = dir->filePath(u"local"_s);
        QVERIFY(QDir().mkpath(root));
        QVERIFY(QDir().mkpath(local));
        QVERIFY(writeFile(root + u"/a.txt"_s, "alpha\n"_ba));
        QVERIFY(writeFile(root + u"/empty.txt"_s, {}));
        QVERIFY(writeFile(root + u"/.hidden"_s, "hidden"_ba));
        QVERIFY(writeFile(dir->filePath(u"secret.txt"_s), "top secret"_ba));
        QVERIFY(QFile::link(u"../secret.txt"_s, root + u"/link_out"_s));
    }

    void tearDown()
    {
        server.reset();
        dir.reset();
    }

    // maxPerHost: every test client comes from 127.0.0.1, so a test opening more than 16 at once raises it.
    void startServer(ServerOptions options = {}, int maxClients = 0, int maxPerHost = 0)
    {
        options.root = root;
        server = std::make_unique<FileServer>();
        server->setOptions(options);
        netcore::common::ServerLimits limits = server->limits();
        if (maxClients > 0)
            limits.maxClients = maxClients;
        if (maxPerHost > 0)
            limits.maxPerHost = maxPerHost;
        server->setLimits(limits);
        QVERIFY2(server->start(QHostAddress::LocalHost, 0), qPrintable(server->errorDetail().raw));
        QVERIFY(server->serverPort() != 0);
    }

    std::unique_ptr<FileClient> connectClient() const
    {
        auto client = std::make_unique<FileClient>();
        QSignalSpy connected(client.get(), &FileClient::connected);
        client->connectToServer(u"127.0.0.1"_s, server->serverPort());
        if (!connected.wait(kWaitMs))
            return nullptr;
        return client;
    }
};

// Starts one transfer with `start` and waits for its end; returns the error (None on success) and the resume offset.
inline Error transfer(FileClient &client, const std::function<void()> &start, qint64 *resumedFrom = nullptr)
{
    QSignalSpy done(&client, &FileClient::transferFinished);
    QSignalSpy failed(&client, &FileClient::errorOccurred);
    start();
    const bool settled = QTest::qWaitFor([&] {
        return !done.isEmpty() || !failed.isEmpty() || client.state() == FileClient::State::Disconnected;
    }, kWaitMs);
    if (!settled)
        return Error::Timeout;
    if (!done.isEmpty() && resumedFrom)
        *resumedFrom = done.constFirst().at(1).toLongLong();
    return done.isEmpty() ? client.error() : Error::None;
}

inline Error get(FileClient &client, const QString &remote, const QString &local,
                             qint64 *resumedFrom = nullptr)
{
    return transfer(client, [&] { client.download(remote, local); }, resumedFrom);
}

inline Error put(FileClient &client, const QString &local, const QString &remote,
                             qint64 *resumedFrom = nullptr)
{
    return transfer(client, [&] { client.upload(local, remote); }, resumedFrom);
}

} // namespace files_test
