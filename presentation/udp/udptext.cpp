#include "presentation/udp/udptext.h"

#include "netcore/lookup/hostlookup.h"
#include "netcore/udp/events.h"
#include "presentation/common/errnotext.h"
#include "presentation/common/escapestext.h"
#include "presentation/common/eventtext.h"
#include "presentation/lookup/lookuplabels.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using netcore::common::ErrorDetail;
using netcore::udp::PayloadErrorCode;
using netcore::udp::StructErrorCode;
using netcore::udp::UdpListener;
using netcore::udp::UdpSender;

namespace presentation::udp {
namespace {

struct UdpText {
    Q_DECLARE_TR_FUNCTIONS(presentation::udp::UdpText)
};

// What the system said: our own errno text when there is one, else the library's words, else nothing.
QString systemWords(int sysError, const QString &raw)
{
    if (sysError != 0)
        return common::errnoText(sysError);
    return raw;
}

QString withReason(const QString &sentence, int sysError, const QString &raw)
{
    const QString reason = systemWords(sysError, raw);
    return reason.isEmpty() ? sentence : UdpText::tr("%1: %2").arg(sentence, reason);
}

QString codeText(char code)
{
    return QString(QChar::fromLatin1(code));
}

} // namespace

QString eventText(const netcore::common::TranscriptEvent &event)
{
    const QStringList &args = event.args;
    switch (netcore::udp::Event(event.code)) {
    case netcore::udp::Event::SendFailed:
        return withReason(UdpText::tr("sending failed, stopped"), args.value(0).toInt(), args.value(1));
    case netcore::udp::Event::Count:
        break;
    }
    return common::unknownEventText(event);
}

QString errorText(UdpSender::Error error, const ErrorDetail &detail)
{
    switch (error) {
    case UdpSender::Error::NoDestination:
        return UdpText::tr("a destination address and a port (1-65535) are needed");
    case UdpSender::Error::DatagramTooLarge:
        return UdpText::tr("the datagram would be larger than UDP over IPv4 carries (at most %1 bytes)")
            .arg(netcore::udp::kMaxDatagramSize);
    case UdpSender::Error::NegativeSchedule:
        return UdpText::tr("count, interval and rate cannot be negative");
    case UdpSender::Error::BindFailed:
        return withReason(UdpText::tr("cannot bind %1").arg(detail.peer), detail.sysError, detail.raw);
    case UdpSender::Error::BroadcastRefused:
        return withReason(UdpText::tr("cannot set SO_BROADCAST"), detail.sysError, {});
    case UdpSender::Error::NoSuchInterface:
        return UdpText::tr("there is no network interface named %1").arg(detail.raw);
    case UdpSender::Error::TtlRefused:
        return withReason(UdpText::tr("cannot set the TTL"), detail.sysError, {});
    case UdpSender::Error::SendFailed:
        return withReason(UdpText::tr("sending to %1 failed").arg(detail.peer), detail.sysError, detail.raw);
    case UdpSender::Error::Count:
        break;
    }
    return UdpText::tr("sending failed");
}

QString errorText(UdpListener::Error error, const ErrorDetail &detail)
{
    switch (error) {
    case UdpListener::Error::BindFailed:
        return withReason(UdpText::tr("cannot bind %1").arg(detail.peer), detail.sysError, detail.raw);
    case UdpListener::Error::NotMulticastGroup:
        return UdpText::tr("%1 is not a multicast group address (224.0.0.0/4 or ff00::/8)").arg(detail.peer);
    case UdpListener::Error::JoinFailed:
        return withReason(UdpText::tr("cannot join %1").arg(detail.peer), detail.sysError, detail.raw);
    case UdpListener::Error::LeaveFailed:
        return withReason(UdpText::tr("cannot leave %1").arg(detail.peer), detail.sysError, detail.raw);
    case UdpListener::Error::NotListening:
        return UdpText::tr("the listener is not running");
    case UdpListener::Error::Count:
        break;
    }
    return UdpText::tr("the listener failed");
}

QString payloadErrorText(const netcore::udp::PayloadError &error)
{
    const QStringList &a = error.args;
    switch (error.code) {
    case PayloadErrorCode::HexByteIncomplete:
        return UdpText::tr("a byte needs two hex digits");
    case PayloadErrorCode::NotHexDigit:
        return UdpText::tr("'%1' is not a hex digit").arg(a.value(0));
    case PayloadErrorCode::NotAFile:
        return UdpText::tr("%1 is not a regular file").arg(a.value(0));
    case PayloadErrorCode::CannotOpen:
        return withReason(UdpText::tr("cannot open %1").arg(a.value(0)), error.sysError, a.value(1));
    case PayloadErrorCode::FileTooLarge:
        if (a.value(1).toLongLong() < 0)
            return UdpText::tr("%1 has more than %2 bytes; a datagram holds at most %2").arg(a.value(0), a.value(2));
        return UdpText::tr("%1 has %2 bytes; a datagram holds at most %3").arg(a.value(0), a.value(1), a.value(2));
    case PayloadErrorCode::Count:
        break;
    }
    return UdpText::tr("invalid payload");
}

QString structErrorText(const netcore::udp::StructError &e)
{
    switch (e.code) {
    case StructErrorCode::SizeTooLong:
        return UdpText::tr("total struct size too long (at most %1 bytes)").arg(e.expected);
    case StructErrorCode::RepeatWithoutCode:
        return UdpText::tr("repeat count given without format specifier");
    case StructErrorCode::BadChar:
        return UdpText::tr("bad char in struct format: '%1'").arg(e.text);
    case StructErrorCode::NativeOnly:
        return UdpText::tr("'%1' is only available with native byte order (@)").arg(e.text);
    case StructErrorCode::NotInteger:
        return UdpText::tr("required argument is not an integer");
    case StructErrorCode::IntegerOutOfRange:
        return UdpText::tr("'%1' format requires %2 <= number <= %3")
            .arg(codeText(e.formatCode), QString::number(e.low), QString::number(e.high));
    case StructErrorCode::NotFloat:
        return UdpText::tr("required argument is not a float");
    case StructErrorCode::FloatTooLarge:
        return UdpText::tr("float too large to pack with %1 format").arg(codeText(e.formatCode));
    case StructErrorCode::CharNeedsOneByte:
        return UdpText::tr("char format requires a bytes object of length 1");
    case StructErrorCode::NeedsBytes:
        return UdpText::tr("argument for '%1' must be a bytes object").arg(codeText(e.formatCode));
    case StructErrorCode::PackCount:
        return UdpText::tr("pack expected %1 items for packing (got %2)").arg(e.expected).arg(e.got);
    case StructErrorCode::UnpackSize:
        return UdpText::tr("unpack requires a buffer of %1 bytes (got %2)").arg(e.expected).arg(e.got);
    case StructErrorCode::ValueCount:
        return UdpText::tr("the format takes %n value(s)", nullptr, int(e.expected)) + UdpText::tr(", ")
               + UdpText::tr("got %n", nullptr, int(e.got));
    case StructErrorCode::ValueEscape:
        return UdpText::tr("value %1: %2").arg(e.valueIndex + 1).arg(common::escapeErrorText(e.escape));
    case StructErrorCode::ValueNotNumber:
        return UdpText::tr("value %1 ('%2') is not a number").arg(e.valueIndex + 1).arg(e.text);
    case StructErrorCode::ValueNotBool:
        return UdpText::tr("value %1 ('%2') is not True or False").arg(e.valueIndex + 1).arg(e.text);
    case StructErrorCode::ValueNotInteger:
        return UdpText::tr("value %1 ('%2') is not an integer").arg(e.valueIndex + 1).arg(e.text);
    case StructErrorCode::UnterminatedQuote:
        return UdpText::tr("unterminated quote starting at character %1").arg(e.position + 1);
    case StructErrorCode::ExpectedComma:
        return UdpText::tr("expected a comma at character %1").arg(e.position + 1);
    case StructErrorCode::Count:
        break;
    }
    return UdpText::tr("invalid struct");
}

QString resolutionErrorText(const netcore::udp::HostResolution &resolution)
{
    const QString reason = lookup::resolveErrorText(resolution.error, resolution.systemMessage,
                                                    int(netcore::lookup::HostLookup::kDefaultTimeout.count()));
    return UdpText::tr("cannot resolve host '%1': %2").arg(resolution.host, reason);
}

QString destinationKindText(netcore::udp::DestinationKind kind)
{
    switch (kind) {
    case netcore::udp::DestinationKind::Unicast: return UdpText::tr("unicast");
    case netcore::udp::DestinationKind::LimitedBroadcast: return UdpText::tr("limited broadcast");
    case netcore::udp::DestinationKind::SubnetBroadcast: return UdpText::tr("subnet broadcast");
    case netcore::udp::DestinationKind::Multicast: return UdpText::tr("multicast");
    }
    return {};
}

} // namespace presentation::udp
