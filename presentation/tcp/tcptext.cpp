#include "presentation/tcp/tcptext.h"

#include "netcore/common/serverload.h"
#include "netcore/tcp/events.h"
#include "presentation/common/errnotext.h"
#include "presentation/common/eventtext.h"
#include "presentation/common/limitstext.h"

#include <QCoreApplication>

using netcore::common::ErrorDetail;
using netcore::tcp::TcpClient;
using netcore::tcp::TcpServer;

namespace presentation::tcp {
namespace {

struct TcpText {
    Q_DECLARE_TR_FUNCTIONS(presentation::tcp::TcpText)
};

QString withReason(const QString &sentence, int sysError, const QString &raw)
{
    const QString reason = sysError != 0 ? common::errnoText(sysError) : raw;
    return reason.isEmpty() ? sentence : TcpText::tr("%1: %2").arg(sentence, reason);
}

} // namespace

QString eventText(const netcore::common::TranscriptEvent &event)
{
    const QStringList &args = event.args;
    switch (netcore::tcp::Event(event.code)) {
    case netcore::tcp::Event::HalfClosed:
        return TcpText::tr("half-closed: sent FIN (shutdown write), still reading");
    case netcore::tcp::Event::Aborted:
        return TcpText::tr("aborted: sent RST (SO_LINGER 0)");
    case netcore::tcp::Event::NoDelay:
        return args.value(0) == QLatin1StringView("1") ? TcpText::tr("TCP_NODELAY on: every write goes out at once")
                                                       : TcpText::tr("TCP_NODELAY off: small writes may be merged (Nagle)");
    case netcore::tcp::Event::ClientRefusedHost:
        return TcpText::tr("refused a client: %1 already has %2 connections").arg(args.value(0), args.value(1));
    case netcore::tcp::Event::ClientExpired:
        return TcpText::tr("closed client #%1: %2")
            .arg(args.value(0), common::deadlineText(netcore::common::Deadline(qBound(0, args.value(1).toInt(),
                                                                              int(netcore::common::Deadline::Count)))));
    case netcore::tcp::Event::ReadingPaused:
        return TcpText::tr("client #%1 does not read its replies (%2 bytes waiting): stopped reading from it")
            .arg(args.value(0), args.value(1));
    case netcore::tcp::Event::ClientsDisconnected:
        return TcpText::tr("closed %n client(s)", nullptr, args.value(0).toInt());
    case netcore::tcp::Event::Count:
        break;
    }
    return common::unknownEventText(event);
}

QString errorText(TcpClient::Error error, const ErrorDetail &detail)
{
    switch (error) {
    case TcpClient::Error::HostNotFound:
        return TcpText::tr("cannot resolve %1; check the name").arg(detail.peer);
    case TcpClient::Error::ConnectionRefused:
        return TcpText::tr("%1 refused the connection: nothing listens on that port").arg(detail.peer);
    case TcpClient::Error::ConnectTimeout:
        return TcpText::tr("connecting to %1 timed out: a firewall may drop the packets").arg(detail.peer);
    case TcpClient::Error::NetworkError:
        return withReason(TcpText::tr("the connection to %1 failed").arg(detail.peer), 0, detail.raw);
    case TcpClient::Error::NotConnected:
        return TcpText::tr("not connected (or the sending side is already closed)");
    case TcpClient::Error::OptionFailed:
        return withReason(TcpText::tr("the system refused %1").arg(detail.raw), detail.sysError, {});
    case TcpClient::Error::Count:
        break;
    }
    return TcpText::tr("the connection failed");
}

QString errorText(TcpServer::Error error, const ErrorDetail &detail)
{
    switch (error) {
    case TcpServer::Error::ListenFailed:
        return withReason(TcpText::tr("cannot listen on %1").arg(detail.peer), detail.sysError, detail.raw);
    case TcpServer::Error::Count:
        break;
    }
    return TcpText::tr("the server failed");
}

QString frameStatusText(netcore::common::FrameStatus status, qint64 maxFrame)
{
    using netcore::common::FrameStatus;
    switch (status) {
    case FrameStatus::Ok:
        return {};
    case FrameStatus::Incomplete:
        return TcpText::tr("the rest is an incomplete frame");
    case FrameStatus::Malformed:
        return TcpText::tr("the rest cannot be framed: a length smaller than its own header");
    case FrameStatus::TooLarge:
        return TcpText::tr("the rest cannot be framed: a frame larger than %1 bytes").arg(maxFrame);
    }
    return {};
}

QString stateText(TcpClient::State state)
{
    switch (state) {
    case TcpClient::State::Unconnected:
        return TcpText::tr("not connected");
    case TcpClient::State::Connecting:
        return TcpText::tr("connecting");
    case TcpClient::State::Connected:
        return TcpText::tr("connected");
    case TcpClient::State::HalfClosed:
        return TcpText::tr("half-closed: we sent FIN, still reading");
    case TcpClient::State::Closing:
        return TcpText::tr("closing");
    case TcpClient::State::Closed:
        return TcpText::tr("closed");
    }
    return {};
}

QString encodingDisplayName(netcore::tcp::TextEncoding encoding)
{
    using netcore::tcp::TextEncoding;
    switch (encoding) {
    case TextEncoding::Utf8:
        return TcpText::tr("UTF-8");
    case TextEncoding::Gbk:
        return TcpText::tr("GBK");
    case TextEncoding::Gb18030:
        return TcpText::tr("GB18030");
    case TextEncoding::Latin1:
        return TcpText::tr("Latin-1 (ISO-8859-1)");
    case TextEncoding::Count:
        break;
    }
    return {};
}

QString unencodableText(char32_t codePoint, qsizetype position, netcore::tcp::TextEncoding encoding)
{
    const QString character = QString::fromUcs4(&codePoint, 1);
    const QString code = QLatin1StringView("U+") + QString::number(quint32(codePoint), 16).toUpper().rightJustified(4, u'0');
    return TcpText::tr("character %1, “%2” (%3), cannot be written in %4: choose another encoding or remove it")
        .arg(position + 1)
        .arg(character, code, encodingDisplayName(encoding));
}

} // namespace presentation::tcp
