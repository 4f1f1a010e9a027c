#include "widgets/JobProgress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace banquise::widgets {

JobProgress::JobProgress(QWidget* parent)
    : QWidget(parent), m_title(new QLabel), m_bar(new QProgressBar), m_cancel(new QToolButton)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->setMaximumWidth(120);
    m_bar->setRange(0, 100);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setObjectName("cancelJob");
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_shown)
            Q_EMIT cancelRequested(m_shown);
    });
    hide();
}

void JobProgress::showJobs(const std::vector<JobRow>& jobs)
{
    if (jobs.empty()) {
        m_shown = 0;
        hide();
        return;
    }
    const JobRow& first = jobs.front();
    m_shown = first.id;
    QString text = first.step.isEmpty() ? first.title : tr("%1: %2").arg(first.title, first.step);
    if (jobs.size() > 1)
        text += tr(" (+%1 more)").arg(jobs.size() - 1);
    m_title->setText(text);
    QStringList all;
    for (const JobRow& job : jobs)
        all << (job.running ? tr("%1 (%2 %)").arg(job.title).arg(static_cast<int>(100.0 * job.progress)) : tr("%1 (waiting)").arg(job.title));
    setToolTip(all.join('\n'));
    if (first.progress <= 0.0 && first.step.isEmpty()) {
        m_bar->setRange(0, 0); // busy, no figure to show
    } else {
        m_bar->setRange(0, 100);
        m_bar->setValue(static_cast<int>(100.0 * first.progress));
    }
    show();
}

} // namespace banquise::widgets
