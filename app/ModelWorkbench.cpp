#include "app/ModelWorkbench.h"

#include "app/JobRunner.h"
#include "app/SceneDocument.h"
#include "models/MapModel.h"
#include "models/ModelInputs.h"
#include "models/PredictionLayers.h"
#include "models/PredictionMaps.h"
#include "models/SeaIceModel.h"
#include "scene/Scene.h"
#include "scene/SceneReader.h"
#include "widgets/TrainingPanel.h"
#include "widgets/ViewGrid.h"

#include <QFileDialog>
#include <QFileInfo>

#include <map>
#include <stdexcept>

namespace banquise::app {

namespace {

// Training and prediction share the model: one at a time.
const QString kModelJob = "model";

// What a prediction hands back to the GUI thread.
struct Predicted {
    std::vector<std::shared_ptr<const scene::Layer>> layers;
    std::shared_ptr<const models::ModelInputs> inputs;
    std::shared_ptr<const models::Prediction> prediction;
};

// Views of the 2 x 2 grid that show the other maps: entropy below the
// classes (ModelWorkbench::kClassesView), freeboard over SWOT's view.
constexpr int kEntropyView = 2;
constexpr int kFreeboardView = 3;

// What training learnt of the ridges, for the status line ("" when nothing).
QString ridgeStatus(const models::RidgeExcess& ridges)
{
    if (!ridges.known())
        return {};
    const QString estimate = QObject::tr("%1 ± %2 m").arg(ridges.metres, 0, 'f', 2).arg(ridges.sigma, 0, 'f', 2);
    return ridges.measured() ? QObject::tr(": ridges stand %1 above the level ice (%2 records)").arg(estimate).arg(ridges.records)
                             : QObject::tr(": the records cannot tell the ridges' height (%1), ridges not raised").arg(estimate);
}

} // namespace

ModelWorkbench::ModelWorkbench(JobRunner& jobs, SceneDocument& document, widgets::TrainingPanel* panel, widgets::ViewGrid* grid,
                               ProblemReport report, QObject* parent)
    : QObject(parent), m_jobs(jobs), m_panel(panel), m_grid(grid), m_document(document), m_report(std::move(report))
{
    connect(m_panel, &widgets::TrainingPanel::trainRequested, this, &ModelWorkbench::trainInBackground);
    connect(m_panel, &widgets::TrainingPanel::cancelRequested, this, [this] { m_jobs.cancel(m_job); });
    connect(m_panel, &widgets::TrainingPanel::loadRequested, this, &ModelWorkbench::chooseModelToLoad);
    connect(m_panel, &widgets::TrainingPanel::saveRequested, this, &ModelWorkbench::chooseModelPath);
}

void ModelWorkbench::fail(const QString& title, const QString& message)
{
    m_panel->showStatus(message);
    m_report(title, message);
    Q_EMIT jobFailed(message);
}

bool ModelWorkbench::jobDone(JobEnd end, const QString& error, const QString& title, const QString& cancelled)
{
    m_job = 0;
    m_panel->setRunning(false);
    if (end == JobEnd::Cancelled) {
        // A cancel is what the user asked for, not a failure: no warning.
        m_panel->showStatus(cancelled);
        Q_EMIT jobCancelled();
        return false;
    }
    if (end == JobEnd::Failed) {
        fail(title, error);
        return false;
    }
    return true;
}

void ModelWorkbench::trainInBackground(int steps)
{
    startTraining(steps, {});
}

void ModelWorkbench::fineTuneInBackground(int steps, const cv::Mat1b& userLabels)
{
    startTraining(steps, userLabels);
}

void ModelWorkbench::startTraining(int steps, const cv::Mat1b& userLabels)
{
    const scene::Scene* shown = m_document.scene();
    if (!shown) {
        fail(tr("Train models"), tr("Open a scene first."));
        return;
    }
    if (m_job)
        return; // one model job at a time
    // The job reads the layers, shared read-only, through its own scene object.
    const auto snapshot = std::make_shared<const scene::Scene>(*shown);
    m_panel->clearCurves();
    m_panel->setRunning(true);
    m_panel->showStatus(tr("Gathering the inputs and estimating the drift…"));
    widgets::TrainingPanel* panel = m_panel;
    // Fine-tuning continues a copy of the model shown, swapped in when it is
    // done: clicks and rankings running meanwhile keep reading the old one.
    const bool fineTune = !userLabels.empty();
    // A TorchScript model is not fine-tuned: a Banquise model is trained anew.
    std::shared_ptr<models::SeaIceModel> start = fineTune && m_model ? std::make_shared<models::SeaIceModel>(m_model->copy()) : nullptr;
    const cv::Mat1b labels = userLabels.clone();
    using Trained = std::shared_ptr<models::SeaIceModel>;
    m_job = m_jobs.start<Trained>(
        {kModelJob, fineTune ? tr("Fine-tuning the model") : tr("Training the model")},
        [snapshot, steps, panel, start, labels](scene::Feedback& feedback) {
            models::ModelInputs inputs = models::gatherModelInputs(*snapshot, &feedback);
            if (!labels.empty() && (labels.rows != inputs.height() || labels.cols != inputs.width()))
                throw std::runtime_error(tr("The labels are not on the scene's grid.").toStdString());
            inputs.userLabels = labels;
            models::TrainingOptions options;
            options.steps = steps;
            if (start)
                options.learningRate = 5e-4; // fine-tuning: stay near the model
            auto model = start ? start : std::make_shared<models::SeaIceModel>(models::ModelConfig{}, options.seed);
            model->train(
                inputs, options,
                [panel](const models::TrainingProgress& p) {
                    QMetaObject::invokeMethod(panel, [panel, p] { panel->addProgress(p); }, Qt::QueuedConnection);
                },
                &feedback);
            return model;
        },
        [this, steps, fineTune](JobEnd end, std::optional<Trained> trained, const QString& error) {
            if (!jobDone(end, error, tr("Train models"), tr("Training cancelled.")))
                return;
            m_modelSource = !fineTune ? tr("trained in this window, %1 steps").arg(steps)
                                      : tr("%1, fine-tuned on the user's labels for %2 steps").arg(m_modelSource).arg(steps);
            useModel(*trained);
            m_panel->showStatus(tr("Trained%1. Predicting…").arg(ridgeStatus(m_model->ridgeExcess())));
            Q_EMIT trainingFinished();
            predictInBackground();
        });
}

void ModelWorkbench::predictInBackground()
{
    const scene::Scene* shown = m_document.scene();
    if (!shown || !m_predictor) {
        fail(tr("Predict"), shown ? tr("Train or load a model first.") : tr("Open a scene first."));
        return;
    }
    if (m_job)
        return;
    const auto snapshot = std::make_shared<const scene::Scene>(*shown);
    m_panel->setRunning(true);
    m_panel->showStatus(tr("Predicting…"));
    const std::shared_ptr<const models::MapModel> model = m_predictor;
    m_job = m_jobs.start<Predicted>(
        {kModelJob, tr("Predicting")},
        [snapshot, model](scene::Feedback& feedback) {
            auto inputs = std::make_shared<const models::ModelInputs>(models::gatherModelInputs(*snapshot, &feedback));
            auto prediction = std::make_shared<const models::Prediction>(model->predict(*inputs, {}, &feedback));
            return Predicted{models::predictionLayers(*prediction, inputs->grid, snapshot->referenceTime(), "Banquise model"), inputs,
                             prediction};
        },
        [this](JobEnd end, std::optional<Predicted> predicted, const QString& error) {
            if (!jobDone(end, error, tr("Predict"), tr("Prediction cancelled.")))
                return;
            m_inputs = predicted->inputs;
            m_prediction = predicted->prediction;
            showMaps(predicted->layers);
        });
}

void ModelWorkbench::openPredictionInBackground(const QString& predictionFolder, const QString& sceneFolder)
{
    const scene::Scene* shown = m_document.scene();
    if (!shown) {
        fail(tr("Open prediction"), tr("Open the scene it maps first."));
        return;
    }
    if (m_job)
        return;
    m_panel->setRunning(true);
    m_panel->showStatus(tr("Opening the prediction…"));
    m_job = m_jobs.start<std::vector<std::shared_ptr<const scene::Layer>>>(
        {kModelJob, tr("Opening %1").arg(predictionFolder)},
        [folder = predictionFolder.toStdString(), sceneFolder = sceneFolder.toStdString(), grid = shown->grid(),
         time = shown->referenceTime()](scene::Feedback& feedback) {
            std::vector<std::shared_ptr<const scene::Layer>> layers;
            for (scene::AddedMap map : models::predictionMaps(folder)) {
                map.info.time = time;
                layers.push_back(scene::readAddedMap(map, sceneFolder, grid, scene::kViewerPyramidCells, &feedback));
            }
            return layers;
        },
        [this](JobEnd end, std::optional<std::vector<std::shared_ptr<const scene::Layer>>> layers, const QString& error) {
            if (!jobDone(end, error, tr("Open prediction"), tr("Opening the prediction cancelled.")))
                return;
            m_inputs.reset(); // the maps shown are no longer this window's prediction
            m_prediction.reset();
            showMaps(*layers);
        });
}

void ModelWorkbench::showMaps(const std::vector<std::shared_ptr<const scene::Layer>>& layers)
{
    // Classes, entropy and freeboard each in a view of the grid; the other maps listed, hidden.
    const std::map<std::string, int> shownIn = {
        {"Model classes", kClassesView}, {"Model class entropy", kEntropyView}, {"Model freeboard", kFreeboardView}};
    for (const auto& layer : layers) {
        const auto view = shownIn.find(layer->name());
        m_document.putLayer(layer, view == shownIn.end() ? SceneDocument::kNoView : view->second);
    }
    m_panel->showStatus(tr("%1 maps added to the views.").arg(layers.size()));
    Q_EMIT predictionShown();
}

void ModelWorkbench::useModel(const std::shared_ptr<models::MapModel>& model)
{
    m_model = std::dynamic_pointer_cast<models::SeaIceModel>(model);
    m_predictor = model;
    m_jobs.setModel(++m_modelVersion); // rankings and questions of the previous model stop
}

void ModelWorkbench::loadModel(const QString& path)
{
    try {
        useModel(models::loadMapModel(path.toStdString()));
        m_modelSource = tr("loaded from %1").arg(QFileInfo(path).absoluteFilePath());
    } catch (const std::exception& e) {
        fail(tr("Load model"), QString::fromStdString(e.what()));
        return;
    }
    m_panel->showStatus(m_model ? tr("Model %1 loaded.").arg(path)
                                : tr("TorchScript model %1 loaded: it predicts; fine-tuning, clicks and tile rankings need a Banquise model.")
                                      .arg(path));
    predictInBackground();
}

bool ModelWorkbench::saveModel(const QString& path)
{
    if (!m_model) {
        fail(tr("Save model"), m_predictor ? tr("A TorchScript model is saved as it came: its file and sidecar.") : tr("Train or load a model first."));
        return false;
    }
    if (m_job) {
        fail(tr("Save model"), tr("Wait for the model job to finish."));
        return false;
    }
    try {
        m_model->save(path.toStdString());
    } catch (const std::exception& e) {
        fail(tr("Save model"), QString::fromStdString(e.what()));
        return false;
    }
    m_panel->showStatus(tr("Model saved to %1 (+ .json sidecar).").arg(path));
    return true;
}

void ModelWorkbench::chooseModelToLoad()
{
    const QString path = QFileDialog::getOpenFileName(m_panel, tr("Load a model"), {},
                                                      tr("Models (*.pt *.ts);;Banquise models (*.pt);;TorchScript models (*.ts)"));
    if (!path.isEmpty())
        loadModel(path);
}

void ModelWorkbench::chooseModelPath()
{
    const QString path = QFileDialog::getSaveFileName(m_panel, tr("Save the model"), "banquise-model.pt", tr("Models (*.pt)"));
    if (!path.isEmpty())
        saveModel(path);
}

} // namespace banquise::app
