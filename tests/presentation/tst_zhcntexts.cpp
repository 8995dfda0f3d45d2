// Every fact an engine can report reads as Chinese on a Chinese screen: each value of every error and event enum of
// every engine is rendered through presentation/ under the zh_CN translation, and a sentence without a Chinese
// character fails (its arguments — names, numbers, addresses — are ASCII here, so they cannot hide a gap).
#include "app/languagemanager.h"
#include "netcore/common/transcript.h"
#include "presentation/common/errnotext.h"
#include "presentation/common/eventtext.h"

#include <QtTest>

#include <cerrno>

using namespace Qt::StringLiterals;
using netcore::common::EventArea;
using netcore::common::TranscriptEvent;

namespace {

const QStringList kArgs{u"a1"_s, u"2"_s, u"3"_s, u"127.0.0.1:4"_s, u"5"_s, u"6"_s};

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
    void expectChinese(const QString &what, const QString &text)
    {
        QVERIFY2(!text.isEmpty(), qPrintable(what + u": empty"_s));
        QVERIFY2(hasChinese(text), qPrintable(what + u": \""_s + text + u"\" has no Chinese"_s));
    }

    app::LanguageManager m_languages;
};

QTEST_GUILESS_MAIN(TestZhCnTexts)
#include "tst_zhcntexts.moc"
