// Every fact an engine can report reads as Chinese on a Chinese screen: each value of every error and event enum of
// every engine is rendered through presentation/ under the zh_CN translation, and a sentence without a Chinese
// character fails (its arguments — names, numbers, addresses — are ASCII here, so they cannot hide a gap).
#include "app/languagemanager.h"
#include "netcore/common/transcript.h"
#include "netcore/common/transcriptexport.h"
#include "presentation/common/errnotext.h"
#include "presentation/common/eventtext.h"
#include "netcore/files/events.h"
#include "netcore/http/events.h"
#include "netcore/chat/events.h"
#include "netcore/lookup/events.h"
#include "netcore/tcp/events.h"
#include "netcore/udp/events.h"
#include "presentation/chat/chattext.h"
#include "presentation/lookup/lookuptext.h"
#include "presentation/common/escapestext.h"
#include "presentation/common/limitstext.h"
#include "presentation/files/filestext.h"
#include "presentation/http/httptext.h"
#include "presentation/tcp/tcptext.h"
#include "presentation/udp/udptext.h"

#include <QtTest>

#include <cerrno>

using namespace Qt::StringLiterals;
using netcore::common::EventArea;
using netcore::common::TranscriptEvent;

namespace {

const QStringList kArgs{u"a1"_s, u"2"_s, u"3"_s, u"127.0.0.1:4"_s, u"5"_s, u"6"_s};
// Detail of an error as data, ASCII only; no errno, whose own Chinese text could hide an untranslated sentence.
const netcore::common::ErrorDetail kDetail{u"/tmp/a.txt"_s, u"127.0.0.1:9"_s, 0, u"raw words"_s};

bool hasChinese(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
}

} // namespace

class TestZhCnTexts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_languages.apply(u"zh_CN"_s));
        QCOMPARE(m_languages.effective(), u"zh_CN"_s);
    }

    void commonEvents()
    {
        // Event::Text is an old file's own words, shown as they were: the one event that is not ours to translate.
        for (int code = 1; code < int(netcore::common::Event::Count); ++code)
            expectChinese(u"common event %1"_s.arg(code), presentation::common::eventText({EventArea::Common, quint16(code), kArgs}));
    }

    void lookupTexts()
    {
        eachEvent(EventArea::Lookup, int(netcore::lookup::Event::Count));
    }

    void chatTexts()
    {
        eachEvent(EventArea::Chat, int(netcore::chat::Event::Count));
        using netcore::chat::ChatClient;
        using netcore::chat::ChatServer;
        for (int i = 0; i < int(ChatClient::Error::Count); ++i)
            expectChinese(u"chat client error %1"_s.arg(i), presentation::chat::errorText(ChatClient::Error(i), kDetail, u"bob"_s));
        for (int i = 0; i < int(ChatServer::Error::Count); ++i)
            expectChinese(u"chat server error %1"_s.arg(i), presentation::chat::errorText(ChatServer::Error(i), kDetail));
        for (int i = 0; i < int(ChatClient::SendResult::Count); ++i)
            expectChinese(u"chat send result %1"_s.arg(i), presentation::chat::sendResultText(ChatClient::SendResult(i)));
        for (int i = 0; i < int(netcore::chat::LeaveReason::Count); ++i)
            expectChinese(u"chat leave reason %1"_s.arg(i), presentation::chat::leaveReasonText(netcore::chat::LeaveReason(i)));
    }

    void filesTexts()
    {
        eachEvent(EventArea::Files, int(netcore::files::Event::Count));
        using netcore::files::Error;
        for (int i = 1; i < int(Error::Count); ++i)   // Error::None is no failure: nothing is said
            expectChinese(u"files error %1"_s.arg(i), presentation::files::errorText(Error(i), kDetail));
    }

    void httpTexts()
    {
        eachEvent(EventArea::Http, int(netcore::http::Event::Count));
        using netcore::http::ExchangeError;
        for (int i = 0; i < int(ExchangeError::Count); ++i)
            expectChinese(u"http exchange error %1"_s.arg(i), presentation::http::errorText(ExchangeError(i), kDetail));
        using CaptureError = netcore::http::CaptureServer::Error;
        for (int i = 0; i < int(CaptureError::Count); ++i)
            expectChinese(u"capture server error %1"_s.arg(i), presentation::http::errorText(CaptureError(i), kDetail));
    }

    void tcpTexts()
    {
        eachEvent(EventArea::Tcp, int(netcore::tcp::Event::Count));
        using netcore::tcp::TcpClient;
        using netcore::tcp::TcpServer;
        for (int i = 0; i < int(TcpClient::Error::Count); ++i)
            expectChinese(u"tcp client error %1"_s.arg(i), presentation::tcp::errorText(TcpClient::Error(i), kDetail));
        for (int i = 0; i < int(TcpServer::Error::Count); ++i)
            expectChinese(u"tcp server error %1"_s.arg(i), presentation::tcp::errorText(TcpServer::Error(i), kDetail));
        using netcore::common::FrameStatus;
        for (const FrameStatus status : {FrameStatus::Incomplete, FrameStatus::Malformed, FrameStatus::TooLarge})
            expectChinese(u"frame status %1"_s.arg(int(status)), presentation::tcp::frameStatusText(status, 1024));
    }

    void udpTexts()
    {
        eachEvent(EventArea::Udp, int(netcore::udp::Event::Count));
        using netcore::udp::UdpListener;
        using netcore::udp::UdpSender;
        for (int i = 0; i < int(UdpSender::Error::Count); ++i)
            expectChinese(u"udp sender error %1"_s.arg(i), presentation::udp::errorText(UdpSender::Error(i), kDetail));
        for (int i = 0; i < int(UdpListener::Error::Count); ++i)
            expectChinese(u"udp listener error %1"_s.arg(i), presentation::udp::errorText(UdpListener::Error(i), kDetail));
        for (int i = 0; i < int(netcore::udp::PayloadErrorCode::Count); ++i) {
            const netcore::udp::PayloadError error{3, netcore::udp::PayloadErrorCode(i), kArgs, 0};
            expectChinese(u"payload error %1"_s.arg(i), presentation::udp::payloadErrorText(error));
        }
        for (int i = 0; i < int(netcore::udp::StructErrorCode::Count); ++i) {
            netcore::udp::StructError error;
            error.code = netcore::udp::StructErrorCode(i);
            error.position = 1;
            error.valueIndex = 0;
            error.formatCode = 'h';
            error.text = u"x"_s;
            error.expected = 2;
            error.got = 1;
            error.high = 7;
            expectChinese(u"struct error %1"_s.arg(i), presentation::udp::structErrorText(error));
        }
        for (int i = 0; i < int(netcore::common::EscapeError::Count); ++i) {
            const netcore::common::EscapeParseError error{netcore::common::EscapeError(i), 2, u"q"_s};
            expectChinese(u"escape error %1"_s.arg(i), presentation::common::escapeErrorText(error));
        }
        for (int i = 0; i <= int(netcore::common::Deadline::Count); ++i)
            expectChinese(u"deadline %1"_s.arg(i), presentation::common::deadlineText(netcore::common::Deadline(i)));
        for (int i = 0; i <= int(netcore::common::NameProblem::Count); ++i) {
            netcore::common::NameCheck check;
            check.problem = netcore::common::NameProblem(i);
            check.codePoint = 0x202E;
            expectChinese(u"name problem %1"_s.arg(i), presentation::common::nameProblemText(check));
        }
    }

    void errnoTable()
    {
        for (int error : {EPERM, ENOENT, EINTR, EIO, EACCES, EEXIST, ENOTDIR, EISDIR, EINVAL, EMFILE, ENFILE, EFBIG,
                          ENOSPC, EROFS, EPIPE, ENAMETOOLONG, ELOOP, EDQUOT, EADDRINUSE, EADDRNOTAVAIL, ENETUNREACH,
                          ECONNRESET, ETIMEDOUT, ECONNREFUSED, EHOSTUNREACH})
            expectChinese(u"errno %1"_s.arg(error), presentation::common::errnoText(error));
        // A number outside the table is named, never glibc's English sentence.
        QCOMPARE(presentation::common::errnoText(EBADMSG), u"errno %1 (EBADMSG)"_s.arg(EBADMSG));
    }

private:
    void eachEvent(EventArea area, int count)
    {
        for (int code = 0; code < count; ++code)
            expectChinese(u"%1 event %2"_s.arg(netcore::common::eventAreaToken(area)).arg(code),
                          presentation::common::eventText({area, quint16(code), kArgs}));
    }

    void expectChinese(const QString &what, const QString &text)
    {
        QVERIFY2(!text.isEmpty(), qPrintable(what + u": empty"_s));
        QVERIFY2(hasChinese(text), qPrintable(what + u": \""_s + text + u"\" has no Chinese"_s));
    }

    app::LanguageManager m_languages;
};

QTEST_GUILESS_MAIN(TestZhCnTexts)
#include "tst_zhcntexts.moc"
