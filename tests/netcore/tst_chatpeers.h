#pragma once

// Test peers for the chat server, written from the protocol documents rather than from netcore's classes:
// a raw line client (what nc or telnet does) and a classic UDP client (what the course's students write).

#include <QHostAddress>
#include <QNetworkDatagram>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

#include <algorithm>

namespace chattest {

inline constexpr int kWaitMs = 10'000;

// A TCP client that collects every line the server sends.
class LineClient
{
public:
    LineClient()
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] {
            buffer += socket.readAll();
            for (qsizetype nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
                QByteArray line = buffer.left(nl);
                if (line.endsWith('\r'))
                    line.chop(1);
                lines.append(line);
                buffer.remove(0, nl + 1);
            }
        });
    }

    // from: the local address to connect from (127.0.0.2 and 127.0.0.3 are other hosts on loopback).
    bool connectTo(quint16 port, const QHostAddress &from = {})
    {
        if (!from.isNull())
            socket.bind(from, 0);
        socket.connectToHost(QHostAddress::LocalHost, port);
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; }, kWaitMs);
    }

    void send(const QByteArray &bytes) { socket.write(bytes); }

    // Waits until a line equal to `expected` arrived (anywhere since the last clear()).
    bool waitFor(const QByteArray &expected, int timeoutMs = kWaitMs)
    {
        return QTest::qWaitFor([&] { return lines.contains(expected); }, timeoutMs);
    }
    bool waitForCount(qsizetype count, int timeoutMs = kWaitMs)
    {
        return QTest::qWaitFor([&] { return lines.size() >= count; }, timeoutMs);
    }
    bool waitForClose(int timeoutMs = kWaitMs)
    {
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    }
    // Joins with NICK and waits for the OK.
    bool join(quint16 port, const QByteArray &name)
    {
        return connectTo(port) && nick(name);
    }
    bool nick(const QByteArray &name)
    {
        send("NICK " + name + "\n");
        return waitFor("OK " + name);
    }
    qsizetype count(const QByteArray &line) const { return std::count(lines.cbegin(), lines.cend(), line); }

    QTcpSocket socket;
    QByteArray buffer;
    QList<QByteArray> lines;
};

// A classic UDP client as the course's brief describes it: one socket, "L name", "C name text", "Q name".
class ClassicClient
{
public:
    explicit ClassicClient(const QHostAddress &from = QHostAddress(QHostAddress::LocalHost))
    {
        socket.bind(from, 0);
        QObject::connect(&socket, &QUdpSocket::readyRead, &socket, [this] {
            while (socket.hasPendingDatagrams())
                datagrams.append(socket.receiveDatagram().data());
        });
    }

    void send(const QByteArray &datagram, quint16 port)
    {
        socket.writeDatagram(datagram, QHostAddress::LocalHost, port);
    }
    bool waitFor(const QByteArray &expected, int timeoutMs = kWaitMs)
    {
        return QTest::qWaitFor([&] { return datagrams.contains(expected); }, timeoutMs);
    }

    QUdpSocket socket;
    QList<QByteArray> datagrams;
};

} // namespace chattest
