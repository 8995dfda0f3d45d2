#pragma once

#include "widgets/common/retranslating.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTableView;
class QToolButton;

namespace netcore::common {
class Transcript;
}

namespace widgets::common {

class TranscriptModel;

// Shows a netcore::common::Transcript: a table of entries (time relative to the first entry, direction in
// colour, endpoints, size, a visible-text preview) and, for the selected entry, its full visible text side
// by side with its hex dump. Follows the newest entry unless the user scrolls away; copies the selected
// entries as text; saves everything as text or JSON; clears. Every tab puts one under its controls.
//
// Built for floods: the model appends one batch per transcript notification (~50 ms), rows have a uniform
// height and there are no per-row widgets, so a million entries in bursts keep the window responsive.
class WireView final : public Retranslating<QWidget>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WireView)

public:
    enum class SaveFormat { Text, Json };
    static constexpr qsizetype kDetailMaxBytes = 64 * 1024;

    explicit WireView(QWidget *parent = nullptr);
    ~WireView() override;

    void setTranscript(netcore::common::Transcript *transcript);
    netcore::common::Transcript *transcript() const;
    TranscriptModel *model() const { return m_model; }
    QTableView *tableView() const { return m_table; }

    bool followTail() const;

    // The selected entries (or the current one) in the text format of "Save as text".
    QString selectedText() const;
    // Writes every entry the transcript holds; on failure returns false with a reason in *errorString.
    bool saveToFile(const QString &path, SaveFormat format, QString *errorString = nullptr) const;

    void copySelection();
    void saveWithDialog();
    void clear();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslateUi() override;
    void updateColors();
    void updateMetrics();
    void updateStatus();
    void updateDetail();
    void updateEnabledState();
    void onRowsInserted();
    void onScrollAction();

    TranscriptModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QCheckBox *m_follow = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_detailHeader = nullptr;
    QPlainTextEdit *m_textPane = nullptr;
    QPlainTextEdit *m_hexPane = nullptr;
    QSplitter *m_splitter = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_clearAction = nullptr;
    QToolButton *m_copyButton = nullptr;
    QToolButton *m_saveButton = nullptr;
    QToolButton *m_clearButton = nullptr;
};

} // namespace widgets::common
