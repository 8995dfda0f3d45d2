#pragma once

#include "widgets/common/retranslating.h"

#include "netcore/tcp/framing.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTreeWidget;

namespace widgets::tcp {

// The framing view: the received bytes re-cut by a framing the user chooses (netcore/tcp/framing.h: none, line,
// delimiter, fixed length, length prefix 1/2/4/8 bytes big/little endian, counting the header or not), listed one
// frame a row, and how the rest ended (Incomplete / Malformed / TooLarge, in presentation::tcp::frameStatusText's
// words). The lesson: a byte stream has no message boundaries; framing is the fix.
class FramingView final : public common::Retranslating<QWidget>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FramingView)

public:
    static constexpr int kMaxFramesShown = 2000;   // the newest; the counter above says how many there are

    explicit FramingView(QWidget *parent = nullptr);

    // The spec the controls describe (an invalid one when a field is wrong; status() says which).
    netcore::tcp::FramingSpec spec() const;
    void setSpec(const netcore::tcp::FramingSpec &spec);
    // Re-cuts `bytes` (every kept read of the connection; `droppedBefore`: older reads were dropped, so the first
    // frame may begin mid-message).
    void showBytes(const QByteArray &bytes, bool droppedBefore);
    QTreeWidget *frameList() const { return m_frames; }
    QString status() const;
    QList<QByteArray> frames() const { return m_lastFrames; }

Q_SIGNALS:
    void specChanged();

private:
    void retranslateUi() override;
    void updateEnabledState();

    QComboBox *m_kind = nullptr;
    QLabel *m_delimiterLabel = nullptr;
    QLineEdit *m_delimiter = nullptr;
    QLabel *m_lengthLabel = nullptr;
    QSpinBox *m_length = nullptr;
    QComboBox *m_prefix = nullptr;
    QComboBox *m_order = nullptr;
    QCheckBox *m_includesHeader = nullptr;
    QTreeWidget *m_frames = nullptr;
    QLabel *m_status = nullptr;
    QList<QByteArray> m_lastFrames;
    QString m_statusText;
    QByteArray m_bytes;
    bool m_dropped = false;
};

} // namespace widgets::tcp
