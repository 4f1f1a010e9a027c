#pragma once

#include <QString>
#include <QWidget>

#include <vector>

class QLabel;
class QProgressBar;
class QToolButton;

namespace banquise::widgets {

// One background job as the status bar shows it.
struct JobRow {
    quint64 id = 0;
    QString title;
    bool running = false;
    double progress = 0.0; // 0..1; 0 with no step: shown as busy
    QString step;
};

// The status bar's view of every background job: the oldest running one
// with its step and progress, how many more there are (listed in the
// tooltip), and a button that cancels the one shown. Hidden when idle.
class JobProgress : public QWidget {
    Q_OBJECT
public:
    explicit JobProgress(QWidget* parent = nullptr);
    void showJobs(const std::vector<JobRow>& jobs);

Q_SIGNALS:
    void cancelRequested(quint64 id);

private:
    QLabel* m_title;
    QProgressBar* m_bar;
    QToolButton* m_cancel;
    quint64 m_shown = 0;
};

} // namespace banquise::widgets
