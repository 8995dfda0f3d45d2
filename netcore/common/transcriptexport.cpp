#include "common/transcriptexport.h"

#include "common/bytesformat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace netcore::common {

namespace {

const QString kFormatName = u"socketeer-transcript"_s;
const QString kIndent = u"    "_s;

void setError(QString *errorString, const QString &text)
{
    if (errorString)
        *errorString = text;
}

QJsonObject entryToJson(const TranscriptEntry &entry, qint64 originUs)
{
    return QJsonObject{
        {u"sequence"_s, double(entry.sequence)},
        {u"monotonic_us"_s, double(entry.monotonicUs)},
        {u"relative_us"_s, double(entry.monotonicUs - originUs)},
        {u"wall_ms"_s, double(entry.wallMs)},
        {u"wall"_s, QDateTime::fromMSecsSinceEpoch(entry.wallMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {u"direction"_s, directionToken(entry.direction)},
        {u"local"_s, entry.local},
        {u"peer"_s, entry.peer},
        {u"size"_s, double(entry.bytes.size())},
        {u"base64"_s, QString::fromLatin1(entry.bytes.toBase64())},
        {u"text"_s, visibleText(entry.bytes)},
    };
}

std::optional<TranscriptEntry> entryFromJson(const QJsonObject &object, QString *errorString)
{
    const auto direction = directionFromToken(object.value(u"direction"_s).toString());
    if (!direction) {
        setError(errorString, u"unknown direction"_s);
        return std::nullopt;
    }
    const QJsonValue base64 = object.value(u"base64"_s);
    if (!base64.isString()) {
        setError(errorString, u"missing base64"_s);
        return std::nullopt;
    }
    auto decoded = QByteArray::fromBase64Encoding(base64.toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        setError(errorString, u"invalid base64"_s);
        return std::nullopt;
    }
    TranscriptEntry entry;
    entry.sequence = quint64(object.value(u"sequence"_s).toInteger());
    entry.monotonicUs = object.value(u"monotonic_us"_s).toInteger();
    entry.wallMs = object.value(u"wall_ms"_s).toInteger();
    entry.direction = *direction;
    entry.local = object.value(u"local"_s).toString();
    entry.peer = object.value(u"peer"_s).toString();
    entry.bytes = std::move(*decoded);
    return entry;
}

QString headerLine(const TranscriptEntry &entry, qint64 originUs)
{
    static constexpr char16_t marks[] = {u'>', u'<', u'*'};
    static const QString arrows[] = {u" -> "_s, u" <- "_s, u" -- "_s};
    const auto index = std::size_t(entry.direction);
    QString line = relativeTimeString(entry.monotonicUs, originUs) + u"  "_s + QChar(marks[index]) + u"  "_s;
    if (!entry.local.isEmpty() || !entry.peer.isEmpty())
        line += entry.local + arrows[index] + entry.peer + u"  "_s;
    if (entry.direction == Direction::Event)
        return line + visibleText(entry.bytes);
    return line + u'[' + QString::number(entry.bytes.size()) + u" B]"_s;
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

std::optional<ParsedTranscript> transcriptFromJson(const QByteArray &json, QString *errorString)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        setError(errorString, parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                           : u"not a JSON object"_s);
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (root.value(u"format"_s).toString() != kFormatName) {
        setError(errorString, u"not a Socketeer transcript"_s);
        return std::nullopt;
    }
    if (root.value(u"version"_s).toInt() != kTranscriptJsonVersion) {
        setError(errorString, u"unsupported transcript version"_s);
        return std::nullopt;
    }
    ParsedTranscript parsed;
    parsed.originUs = root.value(u"origin_monotonic_us"_s).toInteger();
    const QJsonArray array = root.value(u"entries"_s).toArray();
    parsed.entries.reserve(array.size());
    for (const QJsonValue &value : array) {
        auto entry = entryFromJson(value.toObject(), errorString);
        if (!entry)
            return std::nullopt;
        parsed.entries.append(std::move(*entry));
    }
    return parsed;
}

QString transcriptToText(const QList<TranscriptEntry> &entries, qint64 originUs)
{
    QString text;
    for (const TranscriptEntry &entry : entries) {
        text += headerLine(entry, originUs) + u'\n';
        if (entry.direction == Direction::Event || entry.bytes.isEmpty())
            continue;
        const QString body = visibleText(entry.bytes, LineMode::MultiLine);
        const QStringList lines = body.split(u'\n');
        const qsizetype count = lines.last().isEmpty() ? lines.size() - 1 : lines.size();
        for (qsizetype i = 0; i < count; ++i)
            text += kIndent + lines.at(i) + u'\n';
    }
    return text;
}

} // namespace netcore::common
