#pragma once

#include "widgets/common/retranslating.h"
#include "widgets/tcp/sendplan.h"

#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace widgets::common { class PreparedSendsButton; }

namespace widgets::tcp {

// The TCP tab's send box: text in an encoding (UTF-8, GBK, GB18030, Latin-1), with or without escapes, or hex; a line
// ending; repeat N times at an interval; send as pieces (each message split into N writes with a gap — 拆包 on demand
// — or N messages in one write — 粘包 on demand); send a file (up to kMaxPlanBytes by the plan, with repeats and
// pieces; larger ones streamed once by a FileStreamer, memory bounded); Ctrl+Enter; prepared sends. Nothing is sent when the
// payload cannot be made (an unencodable character, a bad escape or hex digit): the reason shows instead.
class SendBox final : public common::Retranslating<QWidget>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendBox)

public:
    static constexpr qint64 kMaxPlanBytes = qint64(64) * 1024 * 1024;   // one send (repeats and file included)

    explicit SendBox(QWidget *parent = nullptr);

    // Where the bytes go: the tab's selected connection (`key` names it; a run in progress goes on while the key
    // stays the same). `writer` false: that write failed (the run stops). `unsent`: the target's bytes not yet taken
    // by the kernel (a streamed file waits while it is high).
    void setTarget(quint64 key, const QString &description, bool canSend, SendRunner::Writer writer,
                   FileStreamer::Unsent unsent);
    // Sends what the fields say (false: nothing was sent; message() says why).
    bool send();
    bool sendFile(const QString &path);
    void stop();

    std::optional<QByteArray> payload(QString *error) const;
    PlanOptions planOptions() const;
    ComposeOptions composeOptions() const;
    QString message() const;
    bool isSending() const { return m_runner->isRunning() || m_streamer->isRunning(); }
    const FileStreamer *streamer() const { return m_streamer; }

    void setText(const QString &text);
    void setFormat(PayloadFormat format);
    void setEncoding(netcore::tcp::TextEncoding encoding);
    void setPieces(PieceMode mode, int pieces, int gapMs);
    void setRepeat(int count, int intervalMs);

    void saveSettings(QSettings &settings) const;
    void restoreSettings(QSettings &settings);

Q_SIGNALS:
    void statusMessage(const QString &text);
    void sent(qint64 bytes);   // one write done (bytes written)

private:
    void retranslateUi() override;
    void updateEnabledState();
    void showMessage(const QString &text, bool error);
    bool run(const QByteArray &message);
    void browseFile();

    bool streamFile(const QString &path, qint64 size);

    SendRunner *m_runner;
    FileStreamer *m_streamer;
    SendRunner::Writer m_writer;
    FileStreamer::Unsent m_unsent;
    bool m_canSend = false;
    quint64 m_targetKey = 0;
    QLabel *m_target = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QComboBox *m_format = nullptr;
    QComboBox *m_encoding = nullptr;
    QCheckBox *m_escapes = nullptr;
    QComboBox *m_ending = nullptr;
    QLabel *m_repeatLabel = nullptr;
    QSpinBox *m_repeat = nullptr;
    QLabel *m_intervalLabel = nullptr;
    QSpinBox *m_interval = nullptr;
    QComboBox *m_pieceMode = nullptr;
    QSpinBox *m_pieces = nullptr;
    QLabel *m_gapLabel = nullptr;
    QSpinBox *m_gap = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_sendFile = nullptr;
    QPushButton *m_stop = nullptr;
    common::PreparedSendsButton *m_prepared = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace widgets::tcp
