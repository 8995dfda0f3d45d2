// Fuzz target: the course's classic file-server replies (netcore/files/classicprotocol.h) — the status word at
// the start of what a server sent, read as the client reads it (on everything received so far, growing piece by
// piece), and the file lists of both dialects.
//
// Invariants: the data after the status word is a suffix of the input; listed names are non-empty, trimmed and
// hold no separator; a 2018 list is complete exactly when it ends with '#'.
#include "tests/fuzz/fuzz_common.h"

#include "netcore/files/classicprotocol.h"

using namespace netcore::files;

namespace {

void checkStatus(const QByteArray &received)
{
    const ClassicStatusParse parsed = parseClassicStatus(received);
    switch (parsed.status) {
    case ClassicStatus::Incomplete:
        FUZZ_CHECK(received.size() < 16);   // only a strict prefix of a status word can wait for more
        FUZZ_CHECK(parsed.rest.isEmpty());
        break;
    case ClassicStatus::Ok:
        FUZZ_CHECK(parsed.rest.size() < received.size() && received.endsWith(parsed.rest));
        FUZZ_CHECK(!parsed.text.isEmpty());
        break;
    case ClassicStatus::Empty:
    case ClassicStatus::Refused:
        FUZZ_CHECK(parsed.rest.isEmpty());
        break;
    }
}

void checkList(ClassicDialect dialect, const QByteArray &data)
{
    const QChar separator = dialect == ClassicDialect::Course2018 ? u'#' : u'\n';
    const QStringList names = parseClassicList(dialect, data);
    for (const QString &name : names) {
        FUZZ_CHECK(!name.isEmpty() && name == name.trimmed());
        FUZZ_CHECK(!name.contains(separator));
    }
    FUZZ_CHECK(names.size() <= data.size());
    FUZZ_CHECK(classicListComplete(dialect, data) == (dialect == ClassicDialect::Course2018 && data.endsWith('#')));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytesOf(data, size);
    // The client reads the status on everything received so far, one recv() at a time.
    QByteArray received;
    for (const QByteArrayView piece : fuzz::pieces(input)) {
        received.append(piece);
        checkStatus(received);
    }
    checkStatus(input);
    const ClassicStatusParse status = parseClassicStatus(input);
    for (const ClassicDialect dialect : {ClassicDialect::Course2018, ClassicDialect::Course2020}) {
        checkList(dialect, input);
        if (status.status == ClassicStatus::Ok)
            checkList(dialect, status.rest);   // the list glued after "OK" (sticky packets)
    }
    return 0;
}
