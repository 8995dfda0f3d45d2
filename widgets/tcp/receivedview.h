#pragma once

#include "widgets/common/retranslating.h"

#include "netcore/tcp/encoding.h"

#include <QWidget>

#include <deque>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTimer;

namespace widgets::tcp {

class FramingView;
class ReceiveLog;

// One pane of read-by-read text: each read is a separator line (its number, size, time, sender) and its content;
// reads dropped from the log are removed from the top, new ones appended (no full redraw per read).
class ChunkPane final
{
public:
    explicit ChunkPane(QPlainTextEdit *edit) : m_edit(edit) {}
    void append(quint64 number, const QString &header, const QString &body);
    // Removes the shown reads numbered below `number` (the log dropped them).
    void dropBefore(quint64 number);
    void clear();
    qsizetype chunks() const { return qsizetype(m_shown.size()); }
    quint64 lastNumber() const { return m_shown.empty() ? 0 : m_shown.back().number; }
    QPlainTextEdit *edit() const { return m_edit; }

private:
    struct Shown {
        quint64 number;   // the read's number in its connection
        int blocks;       // text blocks it takes
    };
    QPlainTextEdit *m_edit;
    std::deque<Shown> m_shown;
};

// The received data of the selected connection: text (decoded read by read in the chosen encoding) and hex, each
// recv() boundary a visible separator; the framing view over the same bytes; counters (bytes in/out, reads,
// messages under the framing, duration); how many reads the bounded view dropped; receive-to-file.
class ReceivedView final : public common::Retranslating<QWidget>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceivedView)

public:
    static constexpr qsizetype kRenderChars = 4096;   // text shown of one read (the rest is counted, never hidden silently)
    static constexpr qsizetype kRenderHexBytes = 1024;
    // The most reads drawn in one refresh (20 a second): faster than that nobody reads them as they pass, and laying
    // out more text would freeze the window under a flood. The newest are drawn; the skipped ones are counted on
    // screen and kept in the log (frames, save to file, the wire view have every byte).
    static constexpr qsizetype kMaxDrawnPerRefresh = 24;
    static constexpr qsizetype kMaxDrawnCharsPerRefresh = 16 * 1024;
    static constexpr qsizetype kMaxDrawnOnRebuild = 200;   // drawn when a connection is selected

    explicit ReceivedView(QWidget *parent = nullptr);
    ~ReceivedView() override;

    // Shows `log` (null: nothing selected). The view keeps no bytes of its own: the log is the record.
    void setLog(ReceiveLog *log);
    ReceiveLog *log() const { return m_log; }
    // The log got `added` reads and dropped `dropped` old ones; drawn on the next tick (batched).
    void noteAppended(ReceiveLog *log, qsizetype added, qsizetype dropped);
    void setCounters(const QString &text);
    void renderNow();   // what the tick does (tests)

    netcore::tcp::TextEncoding encoding() const;
    qsizetype keepChunks() const;
    FramingView *framingView() const { return m_framing; }
    QPlainTextEdit *textPane() const { return m_text.edit(); }
    QPlainTextEdit *hexPane() const { return m_hex.edit(); }
    QTabWidget *pages() const { return m_pages; }
    QString droppedText() const;

Q_SIGNALS:
    void encodingChanged(netcore::tcp::TextEncoding encoding);
    void keepChunksChanged(qsizetype chunks);
    void framingChanged();
    void receiveToFileRequested(bool on);   // the button (the tab asks for the path)
    void clearRequested();

public:
    void setWritingFile(bool on, const QString &path);

private:
    void retranslateUi() override;
    void rebuild();
    void appendChunk(qsizetype index);
    void updateDropped();
    void refreshFrames();

    ReceiveLog *m_log = nullptr;
    ChunkPane m_text;
    ChunkPane m_hex;
    FramingView *m_framing = nullptr;
    QTabWidget *m_pages = nullptr;
    QComboBox *m_encoding = nullptr;
    QLabel *m_encodingLabel = nullptr;
    QLabel *m_keepLabel = nullptr;
    QSpinBox *m_keep = nullptr;
    QPushButton *m_toFile = nullptr;
    QPushButton *m_clear = nullptr;
    QLabel *m_dropped = nullptr;
    QLabel *m_counters = nullptr;
    QTimer *m_tick = nullptr;
    qint64 m_notDrawn = 0;   // reads the view skipped while data came too fast to draw
    bool m_framesDirty = true;
    bool m_rebuild = true;
};

} // namespace widgets::tcp
