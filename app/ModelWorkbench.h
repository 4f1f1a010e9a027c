#pragma once

#include <QObject>
#include <QString>

#include <opencv2/core/mat.hpp>

#include <functional>
#include <memory>
#include <vector>

namespace banquise::models {
class MapModel;
class SeaIceModel;
struct ModelInputs;
struct Prediction;
}
namespace banquise::scene {
class Layer;
class Scene;
} // namespace banquise::scene
namespace banquise::widgets {
class TrainingPanel;
class ViewGrid;
} // namespace banquise::widgets

namespace banquise::app {

class JobRunner;
class SceneDocument;
enum class JobEnd;

// The learned models of the main window: trains on the shown scene and
// predicts on worker threads (loss curves live in the training panel,
// Cancel stops at the next step), then puts the maps in the views: classes,
// class entropy and freeboard each in a view of the grid, the other maps
// (despeckled HH, freeboard std, thickness and its std) in every view's
// stack, hidden. Load and Save read and write models as files.
class ModelWorkbench : public QObject {
    Q_OBJECT
public:
    // The view of the 2 x 2 grid that shows the classes, beside the SAR.
    static constexpr int kClassesView = 1;

    using ProblemReport = std::function<void(const QString& title, const QString& message)>;

    // Its jobs run on `jobs` and its maps go into `document`; both must outlive it.
    ModelWorkbench(JobRunner& jobs, SceneDocument& document, widgets::TrainingPanel* panel, widgets::ViewGrid* grid,
                   ProblemReport report, QObject* parent = nullptr);

    void trainInBackground(int steps);
    // Trains on the user's labels as well (SeaIceClass per pixel, kNoClass
    // unlabelled): the model there is fine-tuned (a new one is trained when
    // there is none), then predicts; the new maps replace the old ones.
    void fineTuneInBackground(int steps, const cv::Mat1b& userLabels);
    // A Banquise model (.pt) or a TorchScript one (.ts with its sidecar);
    // then predicts with it.
    void loadModel(const QString& path);
    bool saveModel(const QString& path);
    void predictInBackground();
    // Shows the maps of a prediction folder written by `banquise-cli
    // predict` or `batch` over the open scene, as a prediction made here
    // would be (large grids from display pyramids cached in `sceneFolder`).
    // The maps are then not this window's model's: fine-tuning and clicks
    // wait for a prediction made here.
    void openPredictionInBackground(const QString& predictionFolder, const QString& sceneFolder);
    bool hasModel() const { return m_predictor != nullptr; }
    bool isBusy() const { return m_job != 0; }
    // The Banquise model shown, for what only it does (fine-tuning, clicks,
    // tile descriptions): null when none, or when the model shown is
    // TorchScript. With the inputs of its last prediction (null until one
    // was shown).
    std::shared_ptr<models::SeaIceModel> model() const { return m_model; }
    std::shared_ptr<const models::ModelInputs> inputs() const { return m_inputs; }
    std::shared_ptr<const models::Prediction> prediction() const { return m_prediction; }
    // Where the model shown comes from ("loaded from FILE", "trained in this window, N steps"), for provenance.
    const QString& modelSource() const { return m_modelSource; }

Q_SIGNALS:
    void trainingFinished();
    void predictionShown();
    void jobFailed(const QString& message);
    // The user cancelled the model job: no error, the previous model stays.
    void jobCancelled();

private:
    void chooseModelToLoad();
    void chooseModelPath();
    void fail(const QString& title, const QString& message);
    // The model shown from now on; jobs bound to the previous one stop.
    void useModel(const std::shared_ptr<models::MapModel>& model);
    // The end of a model job: frees the panel; false, with the panel or a
    // message saying why, unless the job is done.
    bool jobDone(JobEnd end, const QString& error, const QString& title, const QString& cancelled);
    void startTraining(int steps, const cv::Mat1b& userLabels);
    // Puts a prediction's maps in the scene and the views, replacing the previous ones.
    void showMaps(const std::vector<std::shared_ptr<const scene::Layer>>& layers);

    JobRunner& m_jobs;
    widgets::TrainingPanel* m_panel;
    widgets::ViewGrid* m_grid;
    SceneDocument& m_document;
    ProblemReport m_report;
    std::shared_ptr<models::SeaIceModel> m_model;
    std::shared_ptr<const models::MapModel> m_predictor; // the model shown, of either format
    quint64 m_modelVersion = 0; // counts the models put in
    QString m_modelSource;
    std::shared_ptr<const models::ModelInputs> m_inputs;
    std::shared_ptr<const models::Prediction> m_prediction;
    quint64 m_job = 0; // the model job running, 0 when none
};

} // namespace banquise::app
