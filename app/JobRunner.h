#pragma once

#include "scene/Feedback.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace banquise::app {

// How a job ends, on the GUI thread: a cancel is never reported as a failure.
enum class JobEnd { Done, Cancelled, Failed };

// What a new job does when a job of its kind is queued or running.
enum class WhenBusy {
    Queue,   // wait behind it (clicks: each one counts)
    Replace, // cancel it and run instead (a new ranking makes the old one moot)
};

struct JobSpec {
    QString kind;  // jobs of one kind run one after the other; kinds run side by side
    QString title; // shown in the status bar
    WhenBusy whenBusy = WhenBusy::Queue;
    // Its result belongs to the scene open when it started: dropped (the job
    // ends Cancelled) when that scene is no longer open.
    bool sceneBound = true;
    // Its result belongs to the model in use when it started (a tile
    // ranking, pixel questions): dropped (the job ends Cancelled) when
    // another model has been put in meanwhile.
    bool modelBound = false;
};

struct JobStatus {
    quint64 id = 0;
    QString title;
    bool running = false; // else queued
    double progress = 0.0;
    QString step;
};

// The one way app/ runs background work (QGIS's QgsTaskManager): a job's
// work runs on a worker with a Feedback for progress and cooperative
// cancel, and its finish runs on the GUI thread with one of three ends.
// Each result is tagged with the scene (and, for jobs that read it, the
// model) it was computed for; closing that scene or replacing that model
// cancels its jobs. Destroying the runner cancels every job and waits
// for the workers; no finish runs after that.
class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;

    // `work` runs on a worker; an exception it throws ends the job Failed
    // with its message (Cancelled when the job was cancelled meanwhile).
    // `finish` gets the result when the job is Done, else std::nullopt.
    template <class Result>
    quint64 start(const JobSpec& spec, std::function<Result(scene::Feedback&)> work,
                  std::function<void(JobEnd, std::optional<Result>, const QString& error)> finish)
    {
        auto result = std::make_shared<std::optional<Result>>();
        return enqueue(
            spec, [work = std::move(work), result](scene::Feedback& feedback) { *result = work(feedback); },
            [finish = std::move(finish), result](JobEnd end, const QString& error) {
                finish(end, end == JobEnd::Done ? std::move(*result) : std::nullopt, error);
            });
    }

    // The scene now open (a serial the window gives each scene it shows):
    // jobs bound to another scene are cancelled.
    void setScene(quint64 serial);
    quint64 scene() const { return m_scene; }
    // The model now in use (a version the window counts up at each new
    // model): jobs bound to an older one are cancelled.
    void setModel(quint64 version);

    void cancel(quint64 id);
    void cancelAll();
    bool isBusy(const QString& kind) const; // a job of that kind is running or queued
    std::vector<JobStatus> jobs() const;    // running first, then queued, each in start order

Q_SIGNALS:
    // A job was queued, started or ended, or a running job's progress moved.
    void jobsChanged();
    // Something the user should read in the status bar (a dropped result).
    void message(const QString& text);

private:
    struct Job;
    quint64 enqueue(const JobSpec& spec, std::function<void(scene::Feedback&)> work, std::function<void(JobEnd, const QString&)> finish);
    void startReady();
    void ended(const std::shared_ptr<Job>& job, bool threw, const QString& error);

    QThreadPool m_pool;
    std::vector<std::shared_ptr<Job>> m_jobs; // in start order
    quint64 m_nextId = 1;
    quint64 m_scene = 0;
    quint64 m_model = 0;
    QTimer* m_progress;
};

} // namespace banquise::app
