// The HTTP tab driven offscreen against real servers on loopback: its own capture server (started from
// the tab) and python3 -m http.server. Compose builds what the greyed headers say, the response view
// shows status meaning, body steps and timing, the raw page's checker points at bytes and fixes
// Content-Length, the capture list shows the exact bytes, history persists, curl command matches.
#include "widgets/http/httpcapturepage.h"
#include "widgets/http/httprawpage.h"
#include "widgets/http/httpresponseview.h"
#include "widgets/http/httptab.h"
#include "presentation/common/eventtext.h"
#include "presentation/http/httptext.h"
#include "presentation/http/wiretext.h"

#include "netcore/common/transcript.h"
#include "netcore/http/events.h"
#include "tests/widgets/screenshot.h"

#include <QDir>
#include <QFile>
#include <QCheckBox>
#include <QImage>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPixmap>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace netcore::http;
using widgets::http::HttpTab;

namespace {

constexpr int kWaitMs = 15'000;

bool sendAndWait(HttpTab &tab, bool raw = false)
{
    QSignalSpy done(&tab, &HttpTab::exchangeFinished);
    if (raw)
        tab.sendRaw();
    else
        tab.send();
    return !done.isEmpty() || done.wait(kWaitMs);
}

} // namespace

class TestHttpTab final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void composeAgainstCaptureServer();
    void automaticHeadersCanBeDropped();
    void gzipChunkedStepsShown();
    void htmlIndentedAndImagePreviewed();
    void rawCheckerAndFix();
    void pythonServerAndRedirect();
    void historyPersists();
    void retranslates();
    void captureStartFailureSaysWhy();
    void everyHttpFactHasText();
};

void TestHttpTab::composeAgainstCaptureServer()
{
    HttpTab tab;
    widgets::http::HttpCapturePage *capture = tab.capturePage();
    QVERIFY(capture->startListening(u"127.0.0.1"_s, 0));
    const quint16 port = capture->server()->serverPort();
    tab.setMethod(u"POST"_s);
    tab.setUrl(u"http://127.0.0.1:%1/form"_s.arg(port));
    tab.setBody(u"name=bob"_s);
    QVERIFY(tab.automaticHeaderNames().contains(u"Content-Length"_s));
    QVERIFY(tab.automaticHeaderNames().contains(u"Host"_s));
    QVERIFY(sendAndWait(tab));
    const Hop &hop = tab.client()->lastHop();
    QVERIFY2(hop.ok(), qPrintable(hop.errorDetail.raw));
    QVERIFY(hop.requestBytes.startsWith(QByteArray("POST /form HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n")));
    QVERIFY(hop.requestBytes.contains("\r\nContent-Length: 8\r\n"));
    QVERIFY(hop.requestBytes.endsWith("\r\n\r\nname=bob"));
    // the response view: status line and its meaning, the echo body
    QVERIFY(tab.responseView()->statusText().startsWith(u"HTTP/1.1 200 OK"_s));
    QVERIFY(tab.responseView()->statusText().contains(u"200 — OK"_s));
    QCOMPARE(tab.responseView()->bodyText(), QString::fromLatin1(hop.requestBytes).replace(u"\r\n"_s, u"\n"_s));
    QVERIFY(tab.responseView()->rawText().contains(u"POST /form HTTP/1.1\\r\\n\n"_s));
    QVERIFY(tab.responseView()->timingText().contains(u"TCP connect"_s));
    QVERIFY(tab.responseView()->tlsText().contains(u"Plain HTTP"_s));
    // the capture page saw the same bytes
    QTRY_COMPARE(capture->captured().size(), 1);
    QCOMPARE(capture->captured().first().request.raw(), hop.requestBytes);
    QVERIFY(capture->detailText().contains(u"name=bob"_s));
    // the wire view's transcript holds both directions
    QVERIFY(tab.transcript()->size() > 2);
    // copy as curl
    const QString curl = tab.curlCommand();
    QVERIFY2(curl.contains(u"-X 'POST'"_s) && curl.contains(u"--data-binary 'name=bob'"_s), qPrintable(curl));
    saveScreenshotIfAsked(tab, u"http"_s);   // the tab after one exchange
    // a second request reuses the connection and says so
    QVERIFY(sendAndWait(tab));
    QVERIFY(tab.client()->lastHop().reusedConnection);
}

void TestHttpTab::automaticHeadersCanBeDropped()
{
    HttpTab tab;
    QVERIFY(tab.capturePage()->startListening(u"127.0.0.1"_s, 0));
    tab.setUrl(u"http://127.0.0.1:%1/"_s.arg(tab.capturePage()->server()->serverPort()));
    RequestSpec spec = tab.composedSpec();
    QVERIFY(spec.omitted.isEmpty());
    QVERIFY(spec.headers.isEmpty());   // nothing edited: the automatic headers stay automatic
    QVERIFY(tab.automaticHeaderNames().contains(u"User-Agent"_s));
    QVERIFY(tab.automaticHeaderNames().contains(u"Accept"_s));
}

void TestHttpTab::gzipChunkedStepsShown()
{
    HttpTab tab;
    ResponseSpec answer;
    answer.mode = AnswerMode::Canned;
    answer.body = R"({"course":"PythonNet","parts":["request line","headers","blank line","body"]})"_ba;
    answer.chunked = true;
    answer.gzip = true;
    answer.headers.append({"Content-Type"_ba, "application/json"_ba});
    answer.headers.append({"X-Course"_ba, "PythonNet"_ba});
    tab.capturePage()->setAnswer(answer);
    QCOMPARE(tab.capturePage()->answer().headers, answer.headers);   // through the text field and back
    QVERIFY(tab.capturePage()->startListening(u"127.0.0.1"_s, 0));
    tab.setUrl(u"http://127.0.0.1:%1/json"_s.arg(tab.capturePage()->server()->serverPort()));
    QVERIFY(sendAndWait(tab));
    const QString steps = tab.responseView()->stepsText();
    QVERIFY2(steps.contains(u"chunk"_s) && steps.contains(u"gzip"_s), qPrintable(steps));
    QVERIFY2(steps.contains(QString::number(answer.body.size())), qPrintable(steps));
    QVERIFY(tab.responseView()->bodyText().contains(u"\n    \"course\": \"PythonNet\""_s));   // pretty JSON
    QCOMPARE(tab.client()->lastHop().response.headerValue("X-Course"), "PythonNet"_ba);
    QCOMPARE(tab.client()->lastHop().response.headerValue("Content-Type"), "application/json"_ba);
}

void TestHttpTab::htmlIndentedAndImagePreviewed()
{
    HttpTab tab;
    ResponseSpec answer;
    answer.mode = AnswerMode::Canned;
    answer.body = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Hi &amp; bye</title>\n"
                  "<style>p > b { color: red }</style></head>\n<body class=\"a>b\"><p>one<br>two <b>x</b></p>"
                  "<!-- note <p> --><pre>  keep\n   this</pre><ul><li>1</li><li></li></ul></div></body></html>"_ba;
    answer.gzip = true;
    answer.headers.append({"Content-Type"_ba, "text/html; charset=utf-8"_ba});
    tab.capturePage()->setAnswer(answer);
    QVERIFY(tab.capturePage()->startListening(u"127.0.0.1"_s, 0));
    tab.setUrl(u"http://127.0.0.1:%1/page"_s.arg(tab.capturePage()->server()->serverPort()));
    QVERIFY(sendAndWait(tab));
    const QString expected = uR"(<!DOCTYPE html>
<html>
  <head>
    <meta charset="utf-8">
    <title>Hi &amp; bye</title>
    <style>
p > b { color: red }
    </style>
  </head>
  <body class="a>b">
    <p>
      one
      <br>
      two
      <b>x</b>
    </p>
    <!-- note <p> -->
    <pre>
  keep
   this
    </pre>
    <ul>
      <li>1</li>
      <li></li>
    </ul>
    </div>
  </body>
</html>
)"_s;
    QCOMPARE(tab.responseView()->bodyText(), expected);
    // a hostile page of unclosed elements: the indentation stops growing, so the text stays proportional
    const int depth = 100'000;
    const QString deep = presentation::http::prettyHtml(u"<div>"_s.repeated(depth));
    QCOMPARE(deep.count(u'\n'), depth);
    QVERIFY(deep.size() <= qsizetype(depth) * (5 + 1 + 64));
    const QString stray = presentation::http::prettyHtml(u"<div>"_s.repeated(depth) + u"</span>"_s.repeated(depth));
    QCOMPARE(stray.count(u'\n'), 2 * depth);   // and in linear time: no scan of the whole stack per stray tag
    QVERIFY(!tab.responseView()->imagePreviewSize().isValid());
    QVERIFY(tab.responseView()->rawText().contains(u"Content-Encoding: gzip"_s));   // the wire stays as it was

    // a PNG as a canned body: binary bytes go into the body field as escapes, and come out exactly
    QTemporaryDir dir;
    QImage image(3, 2, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QVERIFY(image.save(dir.filePath(u"pic.png"_s), "PNG"));
    QFile picture(dir.filePath(u"pic.png"_s));
    QVERIFY(picture.open(QIODevice::ReadOnly));
    answer.body = picture.readAll();
    answer.gzip = false;
    answer.headers = {{"Content-Type"_ba, "image/png"_ba}};
    tab.capturePage()->setAnswer(answer);
    auto *escapes = tab.capturePage()->findChild<QCheckBox *>(u"bodyEscapes"_s);
    QVERIFY(escapes && escapes->isChecked());
    QVERIFY(tab.capturePage()->findChild<QPlainTextEdit *>(u"cannedBody"_s)->toPlainText().startsWith(u"\\x89PNG"_s));
    QCOMPARE(tab.capturePage()->answer().body, answer.body);
    QVERIFY(sendAndWait(tab));
    QCOMPARE(tab.client()->lastHop().decoded.bytes, answer.body);
    QCOMPARE(tab.responseView()->imagePreviewSize(), QSize(3, 2));
    // a mistake in the escapes is pointed at, and the text goes out as typed
    tab.capturePage()->findChild<QPlainTextEdit *>(u"cannedBody"_s)->setPlainText(u"ab\\q"_s);
    QVERIFY(tab.capturePage()->findChild<QLabel *>(u"bodyError"_s)->text().startsWith(u"character 3:"_s));
    QCOMPARE(tab.capturePage()->answer().body, "ab\\q"_ba);
    escapes->setChecked(false);
    QVERIFY(tab.capturePage()->findChild<QLabel *>(u"bodyError"_s)->text().isEmpty());

    // the same PNG served from a folder (the course's httpserver v2) is previewed and described; a body that
    // claims to be an image but is not is shown as bytes
    QFile broken(dir.filePath(u"broken.png"_s));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("\x89PNG but cut short\0"_ba);
    broken.close();
    answer = ResponseSpec();
    answer.mode = AnswerMode::StaticFiles;
    answer.root = dir.path();
    tab.capturePage()->setAnswer(answer);
    tab.setUrl(u"http://127.0.0.1:%1/pic.png"_s.arg(tab.capturePage()->server()->serverPort()));
    QVERIFY(sendAndWait(tab));
    QCOMPARE(tab.responseView()->imagePreviewSize(), QSize(3, 2));
    QVERIFY2(tab.responseView()->bodyText().contains(u"3 × 2"_s), qPrintable(tab.responseView()->bodyText()));
    tab.setUrl(u"http://127.0.0.1:%1/broken.png"_s.arg(tab.capturePage()->server()->serverPort()));
    QVERIFY(sendAndWait(tab));
    QVERIFY(!tab.responseView()->imagePreviewSize().isValid());
    QVERIFY2(tab.responseView()->bodyText().startsWith(u"00000000  89 50 4e 47"_s), qPrintable(tab.responseView()->bodyText()));
}

void TestHttpTab::rawCheckerAndFix()
{
    HttpTab tab;
    widgets::http::HttpRawPage *raw = tab.rawPage();
    raw->setBytes("POST /login HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nuser=bob"_ba);
    QStringList messages = raw->checkerMessages();
    QVERIFY2(!messages.isEmpty() && messages.first().startsWith(u"byte 47:"_s), qPrintable(messages.join(u'\n')));
    QCOMPARE(raw->textPositionForByte(47), 45);   // two CRs before it are not in the editor's text
    raw->fixContentLength();
    QCOMPARE(raw->bytes(), "POST /login HTTP/1.1\r\nHost: h\r\nContent-Length: 8\r\n\r\nuser=bob"_ba);
    QVERIFY(raw->checkerMessages().first().contains(u"No protocol mistakes"_s));
    raw->setBytes("GET / HTTP/1.1\nHost: h\n\n"_ba);   // LF-only mode is kept
    QVERIFY(raw->checkerMessages().first().startsWith(u"byte 14:"_s));

    // send the raw bytes to the capture server: it receives exactly these
    QVERIFY(tab.capturePage()->startListening(u"127.0.0.1"_s, 0));
    tab.setUrl(u"http://127.0.0.1:%1/"_s.arg(tab.capturePage()->server()->serverPort()));
    QVERIFY(sendAndWait(tab, true));
    QTRY_COMPARE(tab.capturePage()->captured().size(), 1);
    QCOMPARE(tab.capturePage()->captured().first().request.raw(), "GET / HTTP/1.1\nHost: h\n\n"_ba);
    QVERIFY(tab.responseView()->statusText().contains(u"400"_s));
}

void TestHttpTab::pythonServerAndRedirect()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(u"sub"_s));
    QFile file(dir.filePath(u"sub/index.html"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<h1>sub</h1>\n");
    file.close();
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(u"python3"_s, {u"-u"_s, u"-m"_s, u"http.server"_s, u"0"_s, u"--bind"_s, u"127.0.0.1"_s,
                                u"--directory"_s, dir.path()});
    QVERIFY(python.waitForStarted(kWaitMs));
    QByteArray seen;
    while (!seen.contains(" port ") || !seen.contains('\n')) {
        QVERIFY(python.waitForReadyRead(kWaitMs));
        seen += python.readAll();
    }
    const QByteArray rest = seen.mid(seen.indexOf(" port ") + 6);
    const quint16 port = quint16(rest.left(rest.indexOf(' ')).toUInt());
    QVERIFY(port != 0);

    HttpTab tab;
    tab.setUrl(u"http://127.0.0.1:%1/sub"_s.arg(port));
    tab.setFollowRedirects(true);
    QVERIFY(sendAndWait(tab));
    QCOMPARE(tab.client()->hops().size(), 2);
    QCOMPARE(tab.responseView()->currentHop(), 1);
    QVERIFY(tab.responseView()->bodyText().contains(u"<h1>sub</h1>"_s));
    tab.responseView()->showHop(0);
    QVERIFY(tab.responseView()->statusText().contains(u"301"_s));
    QVERIFY(tab.responseView()->statusText().contains(u"Location"_s));
    python.terminate();
    QVERIFY(python.waitForFinished(kWaitMs));
}

void TestHttpTab::historyPersists()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"settings.ini"_s);
    {
        HttpTab tab;
        QVERIFY(tab.capturePage()->startListening(u"127.0.0.1"_s, 0));
        tab.setUrl(u"http://127.0.0.1:%1/a"_s.arg(tab.capturePage()->server()->serverPort()));
        QVERIFY(sendAndWait(tab));
        tab.setMethod(u"DELETE"_s);
        QVERIFY(sendAndWait(tab));
        QCOMPARE(tab.history().size(), 2);
        QVERIFY(tab.history().first().startsWith(u"DELETE "_s));
        QSettings settings(path, QSettings::IniFormat);
        settings.beginGroup(tab.settingsKey());
        tab.saveSettings(settings);
    }
    HttpTab restored;
    QSettings settings(path, QSettings::IniFormat);
    settings.beginGroup(restored.settingsKey());
    restored.restoreSettings(settings);
    QCOMPARE(restored.history().size(), 2);
    QVERIFY(restored.history().first().startsWith(u"DELETE "_s));
}

void TestHttpTab::retranslates()
{
    HttpTab tab;
    QCOMPARE(tab.title(), u"HTTP"_s);
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&tab, &change);
    QCOMPARE(tab.settingsKey(), u"http"_s);
    QVERIFY(!tab.automaticHeaderNames().isEmpty());
}

void TestHttpTab::captureStartFailureSaysWhy()
{
    CaptureServer busy;
    QVERIFY(busy.start(QHostAddress::LocalHost, 0));
    HttpTab tab;
    QSignalSpy messages(&tab, &HttpTab::statusMessage);
    QVERIFY(!tab.capturePage()->startListening(u"127.0.0.1"_s, busy.serverPort()));
    QCOMPARE(messages.size(), 1);
    const QString text = messages.first().first().toString();
    QCOMPARE(text, presentation::http::errorText(CaptureServer::Error::AddressInUse, tab.capturePage()->server()->errorDetail()));
    QVERIFY2(text.contains(QString::number(busy.serverPort())), qPrintable(text));
    QVERIFY(!tab.capturePage()->server()->isListening());
    QVERIFY(tab.activeWork().isEmpty());
    // listening is work that closing the window would stop
    QVERIFY(tab.capturePage()->startListening(u"127.0.0.1"_s, 0));
    QCOMPARE(tab.activeWork().size(), 1);
    QVERIFY(tab.activeWork().constFirst().contains(QString::number(tab.capturePage()->server()->serverPort())));
}

void TestHttpTab::everyHttpFactHasText()
{
    using netcore::common::EventArea;
    using netcore::common::TranscriptEvent;
    for (quint16 code = 0; code < quint16(Event::Count); ++code) {
        const TranscriptEvent event{EventArea::Http, code, {u"1"_s, u"2"_s}};
        const QString text = presentation::common::eventText(event);
        QVERIFY2(!text.isEmpty() && text != presentation::common::unknownEventText(event), qPrintable(text));
    }
    const TranscriptEvent unknown{EventArea::Http, quint16(Event::Count), {}};
    QCOMPARE(presentation::common::eventText(unknown), presentation::common::unknownEventText(unknown));
    for (int error = 0; error < int(ExchangeError::Count); ++error)
        QVERIFY(!presentation::http::errorText(ExchangeError(error), {}).isEmpty());
    for (int error = 0; error < int(CaptureServer::Error::Count); ++error)
        QVERIFY(!presentation::http::errorText(CaptureServer::Error(error), {}).isEmpty());
    // a failed exchange's event says the error's sentence
    const TranscriptEvent failed{EventArea::Http, quint16(Event::ExchangeFailed),
                                 {QString::number(int(ExchangeError::ConnectFailed)), u"Connection refused"_s}};
    QVERIFY(presentation::common::eventText(failed).contains(u"Connection refused"_s));
}

QTEST_MAIN(TestHttpTab)
#include "tst_httptab.moc"
