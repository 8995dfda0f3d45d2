#pragma once

#include "netcore/tcp/encoding.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <optional>

class QSocketNotifier;

// The text side of `socketeer tcp connect`: typed text (with escapes) in a chosen encoding, received text shown with
// its control characters visible, and standard input read line by line for the interactive mode (like nc).
namespace app::cli {

// `text` with escapes (\n \xNN ..., netcore/common/escapes.h) as bytes: the characters in `encoding`, the escapes as
// the bytes they name. nullopt with *error (a translated sentence naming the character and its position) when an
// escape is wrong or a character cannot be written in the encoding.
std::optional<QByteArray> encodeTyped(const QString &text, netcore::tcp::TextEncoding encoding, QString *error);

// The sentence for a character the encoding cannot hold: "character 3 '€' (U+20AC) cannot be written in GBK".
QString unencodableText(const QString &text, const netcore::tcp::EncodeResult &result, netcore::tcp::TextEncoding encoding);

// Text with CR, LF, TAB and other control characters written as \r \n \t \xNN (one line of output).
QString escapedControls(const QString &text);

// Standard input, read without blocking the event loop. start() looks once without waiting: when stdin is already at
// its end (</dev/null, an empty file), atEndAtStart() is true and nothing more happens; otherwise every complete line
// comes as line() (without its \n, and without a \r before it) and the end as finished(rest) with a last partial line.
class StdinLines final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StdinLines)

public:
    explicit StdinLines(QObject *parent = nullptr);
    ~StdinLines() override;
    void start();
    bool atEndAtStart() const { return m_endAtStart; }

Q_SIGNALS:
    void line(const QByteArray &line);
    void finished(const QByteArray &rest);

private:
    void onReadable();
    bool readOnce();   // false at the end (or on an error)

    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    bool m_endAtStart = false;
    bool m_done = false;
};

} // namespace app::cli
