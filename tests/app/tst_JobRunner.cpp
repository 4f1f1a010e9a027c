#include "common/TestRegistry.h"

#include "app/JobRunner.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

using namespace banquise;
using app::JobEnd;
using app::JobRunner;
using app::JobSpec;
using app::WhenBusy;

namespace {

struct Ending {
    bool seen = false;
    JobEnd end = JobEnd::Failed;
    std::optional<int> result;
    QString error;
    bool onGuiThread = false;
};

std::function<void(JobEnd, std::optional<int>, const QString&)> record(Ending& ending)
{
    return [&ending](JobEnd end, std::optional<int> result, const QString& error) {
        ending = {true, end, result, error, QThread::currentThread() == qApp->thread()};
    };
}

// Work that runs until its job is cancelled, then stops the way the
// pipelines do: by throwing.
int untilCancelled(scene::Feedback& feedback)
{
    while (!feedback.isCancelled())
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    throw std::runtime_error("cancelled");
}

} // namespace

class TestJobRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aResultArrivesOnTheGuiThread()
    {
        JobRunner runner;
        Ending ending;
        std::atomic<bool> workOnGuiThread{true};
        runner.start<int>({"sum", "Adding"}, [&](scene::Feedback&) {
            workOnGuiThread = QThread::currentThread() == qApp->thread();
            return 42;
        }, record(ending));
        QTRY_VERIFY(ending.seen);
        QVERIFY(!workOnGuiThread);
        QVERIFY(ending.onGuiThread);
        QVERIFY(ending.end == JobEnd::Done);
        QCOMPARE(ending.result.value_or(-1), 42);
        QVERIFY(!runner.isBusy("sum"));
    }

    void aFailureCarriesItsMessage()
    {
        JobRunner runner;
        Ending ending;
        runner.start<int>({"read", "Reading"}, [](scene::Feedback&) -> int { throw std::runtime_error("scene.tif: not a GeoTIFF"); },
                          record(ending));
        QTRY_VERIFY(ending.seen);
        QVERIFY(ending.end == JobEnd::Failed);
        QCOMPARE(ending.error, QString("scene.tif: not a GeoTIFF"));
        QVERIFY(!ending.result);
    }

    void aCancelIsNotAFailure()
    {
        JobRunner runner;
        Ending ending;
        const quint64 id = runner.start<int>({"train", "Training"}, untilCancelled, record(ending));
        QTest::qWait(20);
        runner.cancel(id);
        QTRY_VERIFY(ending.seen);
        QVERIFY(ending.end == JobEnd::Cancelled);
        QVERIFY(ending.error.isEmpty());
    }

    void jobsOfOneKindQueueAndOtherKindsRunBesideThem()
    {
        JobRunner runner;
        std::atomic<bool> firstDone{false}, secondSawFirstDone{false}, otherRan{false};
        Ending first, second, other;
        runner.start<int>({"click", "Click 1"}, [&](scene::Feedback&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(80));
            firstDone = true;
            return 1;
        }, record(first));
        runner.start<int>({"click", "Click 2"}, [&](scene::Feedback&) {
            secondSawFirstDone = bool(firstDone);
            return 2;
        }, record(second));
        runner.start<int>({"rank", "Ranking"}, [&](scene::Feedback&) {
            otherRan = !firstDone; // ran while the first click was running
            return 3;
        }, record(other));
        const auto jobs = runner.jobs();
        QCOMPARE(jobs.size(), std::size_t(3));
        QVERIFY(jobs[0].running && jobs[1].running && !jobs[2].running); // click 2 waits
        QCOMPARE(jobs[2].title, QString("Click 2"));
        QTRY_VERIFY(first.seen && second.seen && other.seen);
        QVERIFY(secondSawFirstDone);
        QVERIFY(otherRan);
        QCOMPARE(second.result.value_or(-1), 2);
    }

    void aReplacingJobCancelsTheOneRunningAndTheOnesQueued()
    {
        JobRunner runner;
        Ending running, queued, replacing;
        std::atomic<bool> queuedRan{false};
        runner.start<int>({"rank", "Ranking 1"}, untilCancelled, record(running));
        runner.start<int>({"rank", "Ranking 2"}, [&](scene::Feedback&) {
            queuedRan = true;
            return 2;
        }, record(queued));
        QTest::qWait(20);
        runner.start<int>({"rank", "Ranking 3", WhenBusy::Replace}, [](scene::Feedback&) { return 3; }, record(replacing));
        QVERIFY(queued.seen && queued.end == JobEnd::Cancelled); // at once: it never started
        QTRY_VERIFY(running.seen && replacing.seen);
        QVERIFY(running.end == JobEnd::Cancelled);
        QVERIFY(replacing.end == JobEnd::Done);
        QCOMPARE(replacing.result.value_or(-1), 3);
        QVERIFY(!queuedRan);
    }

    void aResultForASceneNoLongerOpenIsDropped()
    {
        JobRunner runner;
        runner.setScene(1);
        QSignalSpy messages(&runner, &JobRunner::message);
        Ending ending;
        std::atomic<bool> release{false};
        // Work that does not poll its feedback: it finishes with a result.
        runner.start<int>({"predict", "Predicting"}, [&](scene::Feedback&) {
            while (!release)
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            return 5;
        }, record(ending));
        Ending unbound;
        runner.start<int>({"detect", "Looking for products", WhenBusy::Queue, false}, [&](scene::Feedback&) {
            while (!release)
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            return 6;
        }, record(unbound));
        runner.setScene(2); // another scene opened
        release = true;
        QTRY_VERIFY(ending.seen && unbound.seen);
        QVERIFY(ending.end == JobEnd::Cancelled);
        QVERIFY(!ending.result);
        QVERIFY(unbound.end == JobEnd::Done); // not bound to a scene: kept
        QCOMPARE(messages.size(), 1);
        QVERIFY(messages.front().front().toString().startsWith("Predicting stopped"));
    }

    // A tile ranking computed with a model that a retrain has replaced
    // meanwhile is dropped; a job that reads no model is kept.
    void aResultOfAReplacedModelIsDropped()
    {
        JobRunner runner;
        runner.setModel(1);
        QSignalSpy messages(&runner, &JobRunner::message);
        std::atomic<bool> release{false};
        const auto work = [&](scene::Feedback&) {
            while (!release)
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            return 7;
        };
        Ending ranking;
        runner.start<int>({"rank", "Ranking the tiles", WhenBusy::Replace, true, true}, work, record(ranking));
        Ending export_;
        runner.start<int>({"export", "Exporting the labels"}, work, record(export_));
        runner.setModel(2); // a retrain put a new model in
        release = true;
        QTRY_VERIFY(ranking.seen && export_.seen);
        QVERIFY(ranking.end == JobEnd::Cancelled && !ranking.result);
        QVERIFY(export_.end == JobEnd::Done && export_.result == 7);
        QCOMPARE(messages.size(), 1);
        QVERIFY(messages.front().front().toString().contains("the model it used has been replaced"));
        // With the model unchanged, a ranking lands.
        Ending next;
        runner.start<int>({"rank", "Ranking the tiles", WhenBusy::Replace, true, true}, [](scene::Feedback&) { return 8; }, record(next));
        QTRY_VERIFY(next.seen);
        QVERIFY(next.end == JobEnd::Done && next.result == 8);
    }

    void progressIsReadOnTheGuiThreadWhileTheJobRuns()
    {
        JobRunner runner;
        QSignalSpy changes(&runner, &JobRunner::jobsChanged);
        std::atomic<bool> release{false};
        Ending ending;
        runner.start<int>({"load", "Loading"}, [&](scene::Feedback& feedback) {
            feedback.setProgress(0.5, "warping SAR");
            while (!release)
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            return 0;
        }, record(ending));
        QTRY_VERIFY(!runner.jobs().empty() && runner.jobs().front().progress == 0.5);
        QCOMPARE(runner.jobs().front().step, QString("warping SAR"));
        const int before = changes.size();
        QTRY_VERIFY(changes.size() > before + 1); // polled while running
        release = true;
        QTRY_VERIFY(ending.seen);
        QVERIFY(runner.jobs().empty());
    }

    void closingWithJobsRunningCancelsThemWithoutHangOrCallback()
    {
        bool finished = false;
        auto runner = std::make_unique<JobRunner>();
        for (int i = 0; i < 3; ++i)
            runner->start<int>({QString("kind %1").arg(i), "Long job"}, untilCancelled,
                               [&finished](JobEnd, std::optional<int>, const QString&) { finished = true; });
        QTest::qWait(20);
        QElapsedTimer timer;
        timer.start();
        runner.reset();
        QVERIFY(timer.elapsed() < 5000);
        QTest::qWait(20); // any end posted meanwhile would run here
        QVERIFY(!finished);
    }
};

BANQUISE_REGISTER_TEST(TestJobRunner);
#include "tst_JobRunner.moc"
