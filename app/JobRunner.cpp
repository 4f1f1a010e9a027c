#include "app/JobRunner.h"

#include <QThread>
#include <QTimer>

#include <algorithm>

namespace banquise::app {

struct JobRunner::Job {
    quint64 id = 0;
    JobSpec spec;
    quint64 scene = 0;
    quint64 model = 0;
    std::shared_ptr<scene::Feedback> feedback = std::make_shared<scene::Feedback>();
    std::function<void(scene::Feedback&)> work;
    std::function<void(JobEnd, const QString&)> finish;
    bool running = false;
};

JobRunner::JobRunner(QObject* parent) : QObject(parent), m_progress(new QTimer(this))
{
    // A click or a ranking must not wait for a training and a prediction to
    // free the two workers of a 2-core machine: kinds get their own thread.
    m_pool.setMaxThreadCount(std::max(6, QThread::idealThreadCount()));
    // Progress is polled on the GUI thread: workers never touch widgets.
    m_progress->setInterval(150);
    connect(m_progress, &QTimer::timeout, this, &JobRunner::jobsChanged);
}

JobRunner::~JobRunner()
{
    for (const auto& job : m_jobs)
        job->feedback->cancel();
    m_pool.waitForDone(); // their posted ends die with this object, unrun
}

quint64 JobRunner::enqueue(const JobSpec& spec, std::function<void(scene::Feedback&)> work, std::function<void(JobEnd, const QString&)> finish)
{
    if (spec.whenBusy == WhenBusy::Replace)
        for (const auto& other : std::vector<std::shared_ptr<Job>>(m_jobs))
            if (other->spec.kind == spec.kind)
                cancel(other->id);
    auto job = std::make_shared<Job>();
    job->id = m_nextId++;
    job->spec = spec;
    job->scene = m_scene;
    job->model = m_model;
    job->work = std::move(work);
    job->finish = std::move(finish);
    m_jobs.push_back(job);
    startReady();
    Q_EMIT jobsChanged();
    return job->id;
}

void JobRunner::startReady()
{
    for (const auto& job : m_jobs) {
        if (job->running)
            continue;
        const bool kindBusy = std::any_of(m_jobs.begin(), m_jobs.end(), [&](const auto& other) {
            return other->running && other->spec.kind == job->spec.kind;
        });
        if (kindBusy)
            continue;
        job->running = true;
        m_pool.start([this, job] {
            bool threw = false;
            QString error;
            try {
                job->work(*job->feedback);
            } catch (const std::exception& e) {
                threw = true;
                error = QString::fromStdString(e.what());
            } catch (...) {
                threw = true;
                error = tr("unknown error");
            }
            QMetaObject::invokeMethod(this, [this, job, threw, error] { ended(job, threw, error); }, Qt::QueuedConnection);
        });
    }
    if (!m_jobs.empty())
        m_progress->start();
}

void JobRunner::ended(const std::shared_ptr<Job>& job, bool threw, const QString& error)
{
    m_jobs.erase(std::remove(m_jobs.begin(), m_jobs.end(), job), m_jobs.end());
    JobEnd end = threw ? JobEnd::Failed : JobEnd::Done;
    if (job->feedback->isCancelled())
        end = JobEnd::Cancelled;
    if (job->spec.sceneBound && job->scene != m_scene) {
        // Cancelled when the scene closed; a result that came anyway is dropped.
        end = JobEnd::Cancelled;
        Q_EMIT message(tr("%1 stopped: the scene it was started on is no longer open.").arg(job->spec.title));
    } else if (job->spec.modelBound && job->model != m_model) {
        end = JobEnd::Cancelled;
        Q_EMIT message(tr("%1 stopped: the model it used has been replaced.").arg(job->spec.title));
    }
    job->finish(end, end == JobEnd::Failed ? error : QString());
    startReady();
    if (m_jobs.empty())
        m_progress->stop();
    Q_EMIT jobsChanged();
}

void JobRunner::setScene(quint64 serial)
{
    m_scene = serial;
    for (const auto& job : std::vector<std::shared_ptr<Job>>(m_jobs))
        if (job->spec.sceneBound && job->scene != serial)
            cancel(job->id);
}

void JobRunner::setModel(quint64 version)
{
    m_model = version;
    for (const auto& job : std::vector<std::shared_ptr<Job>>(m_jobs))
        if (job->spec.modelBound && job->model != version)
            cancel(job->id);
}

void JobRunner::cancel(quint64 id)
{
    const auto it = std::find_if(m_jobs.begin(), m_jobs.end(), [id](const auto& job) { return job->id == id; });
    if (it == m_jobs.end())
        return;
    const std::shared_ptr<Job> job = *it;
    job->feedback->cancel();
    if (job->running)
        return; // it ends when its work next polls the feedback
    m_jobs.erase(it);
    job->finish(JobEnd::Cancelled, {});
    Q_EMIT jobsChanged();
}

void JobRunner::cancelAll()
{
    for (const auto& job : std::vector<std::shared_ptr<Job>>(m_jobs))
        cancel(job->id);
}

bool JobRunner::isBusy(const QString& kind) const
{
    return std::any_of(m_jobs.begin(), m_jobs.end(), [&](const auto& job) { return job->spec.kind == kind; });
}

std::vector<JobStatus> JobRunner::jobs() const
{
    std::vector<JobStatus> list;
    for (const bool running : {true, false})
        for (const auto& job : m_jobs)
            if (job->running == running)
                list.push_back({job->id, job->spec.title, running, job->feedback->progress(), QString::fromStdString(job->feedback->step())});
    return list;
}

} // namespace banquise::app
