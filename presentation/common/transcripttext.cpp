#include "presentation/common/transcripttext.h"

#include "netcore/common/bytesformat.h"
#include "netcore/common/transcriptexport.h"
#include "presentation/common/eventtext.h"

#include <QStringList>

using namespace Qt::StringLiterals;
using netcore::common::Direction;
using netcore::common::TranscriptEntry;

namespace presentation::common {
namespace {

const QString kIndent = u"    "_s;

QString headerLine(const TranscriptEntry &entry, qint64 originUs)
{
    static constexpr char16_t marks[] = {u'>', u'<', u'*'};
    static const QString arrows[] = {u" -> "_s, u" <- "_s, u" -- "_s};
    const auto index = std::size_t(entry.direction);
    QString line = netcore::common::relativeTimeString(entry.monotonicUs, originUs) + u"  "_s + QChar(marks[index])
        + u"  "_s;
    if (!entry.local.isEmpty() || !entry.peer.isEmpty())
        line += entry.local + arrows[index] + entry.peer + u"  "_s;
    if (entry.direction == Direction::Event)
        return line + entryText(entry);
    return line + u'[' + QString::number(entry.bytes.size()) + u" B]"_s;
}

} // namespace

QString entryText(const TranscriptEntry &entry)
{
    if (entry.direction == Direction::Event)
        return eventText(entry.event);
    return netcore::common::visibleText(entry.bytes);
}

QString transcriptToText(const QList<TranscriptEntry> &entries, qint64 originUs)
{
    QString text;
    for (const TranscriptEntry &entry : entries) {
        text += headerLine(entry, originUs) + u'\n';
        if (entry.direction == Direction::Event || entry.bytes.isEmpty())
            continue;
        const QString body = netcore::common::visibleText(entry.bytes, netcore::common::LineMode::MultiLine);
        const QStringList lines = body.split(u'\n');
        const qsizetype count = lines.last().isEmpty() ? lines.size() - 1 : lines.size();
        for (qsizetype i = 0; i < count; ++i)
            text += kIndent + lines.at(i) + u'\n';
    }
    return text;
}

} // namespace presentation::common
