#pragma once

#include <QObject>
#include <QRect>

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <functional>

namespace banquise::widgets {
class ActiveLearningPanel;
class ViewGrid;
}

namespace banquise::app {

class LabelingWorkbench;
class ModelWorkbench;
class JobRunner;
class PixelQuestions;

// Active learning in the main window: ranks the tiles of the shown
// prediction by the chosen acquisition (with a diversity term over the
// encoder's tile descriptions) into a queue the user steps through, and
// runs Retrain: the model is fine-tuned on the labels (every fifth stored
// annotation held out), predicts again, and the round — labels used,
// held-out mean IoU, model version — is stored in the project, plotted, and
// the queue re-ranked; optionally by itself every N new annotations. GUI
// thread; ranking runs on a worker.
class ActiveLearningWorkbench : public QObject {
    Q_OBJECT
public:
    using Steps = std::function<int()>;
    using ProblemReport = std::function<void(const QString& title, const QString& message)>;

    // Its jobs run on `jobs`, which must outlive it.
    ActiveLearningWorkbench(JobRunner& jobs, ModelWorkbench* models, LabelingWorkbench* labeling, widgets::ViewGrid* grid, Steps trainingSteps,
                            ProblemReport report, QObject* parent = nullptr);

    // The dock's content; the caller takes ownership.
    widgets::ActiveLearningPanel* panel() const { return m_panel; }
    // The pixels the model asks about, in the same dock.
    PixelQuestions* pixelQuestions() const { return m_pixelQuestions; }

    void rankInBackground(const QString& strategy);
    // Fine-tunes on the labels, predicts, records the round (Retrain).
    void retrain();

Q_SIGNALS:
    void queueRanked();
    void roundRecorded();

private:
    void recordRound();
    void showTile(const QRect& tile);

    JobRunner& m_jobs;
    ModelWorkbench* m_models;
    LabelingWorkbench* m_labeling;
    widgets::ViewGrid* m_grid;
    Steps m_trainingSteps;
    ProblemReport m_report;
    widgets::ActiveLearningPanel* m_panel;
    PixelQuestions* m_pixelQuestions;
    QString m_lastStrategy;
    // The round under way: labels kept out of training, and the model version.
    bool m_fineTuning = false;
    cv::Mat1b m_heldOut;
    long long m_trainingPixels = 0;
    std::int64_t m_modelVersion = 0;
    std::int64_t m_session = 0; // AL session in the project, started by the first round
    int m_newAnnotations = 0;   // since the last Retrain, for automatic retraining
};

} // namespace banquise::app
