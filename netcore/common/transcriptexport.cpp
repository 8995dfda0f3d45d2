#include "netcore/common/transcriptexport.h"

#include "netcore/common/bytesformat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <array>

using namespace Qt::StringLiterals;

namespace netcore::common {

namespace {

const QString kFormatName = u"socketeer-transcript"_s;

QJsonObject entryToJson(const TranscriptEntry &entry, qint64 originUs)
{
    QJsonObject object{
        {u"sequence"_s, double(entry.sequence)},
        {u"monotonic_us"_s, double(entry.monotonicUs)},
        {u"relative_us"_s, double(entry.monotonicUs - originUs)},
        {u"wall_ms"_s, double(entry.wallMs)},
        {u"wall"_s, QDateTime::fromMSecsSinceEpoch(entry.wallMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {u"direction"_s, directionToken(entry.direction)},
        {u"local"_s, entry.local},
        {u"peer"_s, entry.peer},
    };
    if (entry.direction == Direction::Event) {
        object.insert(u"event"_s, QJsonObject{
            {u"area"_s, eventAreaToken(entry.event.area)},
            {u"code"_s, int(entry.event.code)},
            {u"args"_s, QJsonArray::fromStringList(entry.event.args)},
        });
    } else {
        object.insert(u"size"_s, double(entry.bytes.size()));
        object.insert(u"base64"_s, QString::fromLatin1(entry.bytes.toBase64()));
        object.insert(u"text"_s, visibleText(entry.bytes));
    }
    return object;
}

std::optional<QByteArray> decodeBase64(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(*decoded);
}

std::optional<TranscriptEvent> eventFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    const auto area = eventAreaFromToken(object.value(u"area"_s).toString());
    const QJsonValue code = object.value(u"code"_s);
    if (!area || !code.isDouble() || code.toInt(-1) < 0 || code.toInt(-1) > 0xffff)
        return std::nullopt;
    TranscriptEvent event{*area, quint16(code.toInt()), {}};
    for (const QJsonValue arg : object.value(u"args"_s).toArray())
        event.args.append(arg.toString());
    return event;
}

std::optional<TranscriptEntry> entryFromJson(const QJsonObject &object, int version)
{
    const auto direction = directionFromToken(object.value(u"direction"_s).toString());
    if (!direction)
        return std::nullopt;
    TranscriptEntry entry;
    entry.sequence = quint64(object.value(u"sequence"_s).toInteger());
    entry.monotonicUs = object.value(u"monotonic_us"_s).toInteger();
    entry.wallMs = object.value(u"wall_ms"_s).toInteger();
    entry.direction = *direction;
    entry.local = object.value(u"local"_s).toString();
    entry.peer = object.value(u"peer"_s).toString();
    if (entry.direction == Direction::Event && version >= 2) {
        auto event = eventFromJson(object.value(u"event"_s));
        if (!event)
            return std::nullopt;
        entry.event = std::move(*event);
        return entry;
    }
    auto bytes = decodeBase64(object.value(u"base64"_s));
    if (!bytes)
        return std::nullopt;
    if (entry.direction == Direction::Event)   // version 1: the event's text, as UTF-8
        entry.event = TranscriptEvent{EventArea::Common, quint16(Event::Text), {QString::fromUtf8(*bytes)}};
    else
        entry.bytes = std::move(*bytes);
    return entry;
}

} // namespace

QString directionToken(Direction direction)
{
    switch (direction) {
    case Direction::Sent:
        return u"sent"_s;
    case Direction::Received:
        return u"received"_s;
    case Direction::Event:
        break;
    }
    return u"event"_s;
}

std::optional<Direction> directionFromToken(QStringView token)
{
    if (token == u"sent")
        return Direction::Sent;
    if (token == u"received")
        return Direction::Received;
    if (token == u"event")
        return Direction::Event;
    return std::nullopt;
}

namespace {
constexpr std::array kAreaTokens{u"common", u"lookup", u"chat", u"files", u"udp", u"http", u"tcp"};
}

QString eventAreaToken(EventArea area)
{
    const auto index = std::size_t(area);
    return index < kAreaTokens.size() ? QStringView(kAreaTokens[index]).toString() : QString::number(index);
}

std::optional<EventArea> eventAreaFromToken(QStringView token)
{
    for (std::size_t i = 0; i < kAreaTokens.size(); ++i) {
        if (token == QStringView(kAreaTokens[i]))
            return EventArea(i);
    }
    return std::nullopt;
}

QString relativeTimeString(qint64 monotonicUs, qint64 originUs)
{
    const qint64 delta = monotonicUs - originUs;
    const qint64 magnitude = delta < 0 ? -delta : delta;
    return (delta < 0 ? u'-' : u'+') + QString::number(magnitude / 1'000'000) + u'.'
        + QString::number(magnitude % 1'000'000).rightJustified(6, u'0');
}

QByteArray transcriptToJson(const QList<TranscriptEntry> &entries, qint64 originUs)
{
    QJsonArray array;
    for (const TranscriptEntry &entry : entries)
        array.append(entryToJson(entry, originUs));
    const QJsonObject root{
        {u"format"_s, kFormatName},
        {u"version"_s, kTranscriptJsonVersion},
        {u"origin_monotonic_us"_s, double(originUs)},
        {u"entries"_s, array},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

TranscriptFileResult transcriptFromJson(const QByteArray &json)
{
    TranscriptFileResult result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        result.error = TranscriptFileError::NotJson;
        result.detail = parseError.offset;
        return result;
    }
    const QJsonObject root = document.object();
    if (root.value(u"format"_s).toString() != kFormatName) {
        result.error = TranscriptFileError::NotTranscript;
        return result;
    }
    const int version = root.value(u"version"_s).toInt();
    if (version < 1 || version > kTranscriptJsonVersion) {
        result.error = TranscriptFileError::UnsupportedVersion;
        result.detail = version;
        return result;
    }
    ParsedTranscript parsed;
    parsed.version = version;
    parsed.originUs = root.value(u"origin_monotonic_us"_s).toInteger();
    const QJsonArray array = root.value(u"entries"_s).toArray();
    parsed.entries.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto entry = entryFromJson(array.at(i).toObject(), version);
        if (!entry) {
            result.error = TranscriptFileError::BadEntry;
            result.detail = i;
            return result;
        }
        parsed.entries.append(std::move(*entry));
    }
    result.transcript = std::move(parsed);
    return result;
}

} // namespace netcore::common
