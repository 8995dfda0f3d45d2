// Fuzz target: the course's classic UDP chat (netcore/chat/classic.h) — a datagram as a client's request
// (parseRequest) and as a server's notice or login reply (parseNotice, classifyLoginReply).
//
// Invariants: a parsed request rebuilt with the request builders parses to the same request; a login or chat
// request always names someone.
#include "tests/fuzz/fuzz_common.h"

#include "netcore/chat/classic.h"

using namespace netcore::chat::classic;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray datagram = fuzz::bytesOf(data, size);
    ParseError error = ParseError::None;
    const std::optional<Request> request = parseRequest(datagram, &error);
    if (!request) {
        FUZZ_CHECK(error != ParseError::None);
    } else {
        FUZZ_CHECK(error == ParseError::None);
        FUZZ_CHECK(request->kind == RequestKind::Quit || !request->name.isEmpty());
        QByteArray rebuilt;
        switch (request->kind) {
        case RequestKind::Login: rebuilt = loginRequest(request->name); break;
        case RequestKind::Chat: rebuilt = chatRequest(request->name, request->text); break;
        case RequestKind::Quit: rebuilt = quitRequest(request->name, request->word == 'E' ? QuitWord::E : QuitWord::Q); break;
        }
        const std::optional<Request> again = parseRequest(rebuilt);
        FUZZ_CHECK(again.has_value());
        FUZZ_CHECK(again->kind == request->kind && again->word == request->word);
        FUZZ_CHECK(again->name == request->name);
        if (request->kind == RequestKind::Chat) {
            // the text keeps everything but trailing line breaks (no server wanted them)
            QString text = request->text;
            while (text.endsWith(u'\n') || text.endsWith(u'\r'))
                text.chop(1);
            FUZZ_CHECK(again->text == text);
        }
    }
    const QString text = QString::fromUtf8(datagram);
    const Notice notice = parseNotice(text);
    if (notice.kind == Notice::Kind::Join || notice.kind == Notice::Kind::Leave || notice.kind == Notice::Kind::Chat
        || notice.kind == Notice::Kind::Private) {
        FUZZ_CHECK(!notice.name.isEmpty());
    }
    FUZZ_CHECK(notice.name.size() <= text.size() && notice.text.size() <= text.size());
    const LoginAnswer answer = classifyLoginReply(text);
    FUZZ_CHECK(answer == LoginAnswer::Accepted || answer == LoginAnswer::NameTaken || answer == LoginAnswer::Refused);
    return 0;
}
