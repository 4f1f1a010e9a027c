#pragma once

#include "models/ComputeDevice.h"
#include "scene/ProductCatalog.h"
#include "scene/SceneDrift.h"

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;

namespace banquise::scene {
class Scene;
struct LoadedScene;
} // namespace banquise::scene

namespace banquise::widgets {
class JobProgress;
class LayerPanel;
class TrainingPanel;
class ViewGrid;
}

namespace banquise::app {

class ActiveLearningWorkbench;
class ClickRefinement;
class ComparisonWorkbench;
class JobRunner;
class LabelingWorkbench;
class SceneDocument;
class TimelineWorkbench;
class ModelWorkbench;

// Composition of the application window: the linked view grid, the layer
// panel, the status bar readout, and the File/View actions. Holds the
// current scene; a failed load keeps it and says why.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(models::ComputeDevice device, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads on a worker thread with progress and Cancel in the status bar;
    // the views change when it is done.
    void openSceneInBackground(const QString& path);
    // Recognises the products in files and folders (worker thread), lets the
    // user pick them (when confirm), writes a scene of them in the user's
    // project folder and opens it.
    void openDataInBackground(const QStringList& paths, bool confirm = true);
    // `source` is the scene folder (or its scene.json): its key in a project.
    void showScene(scene::LoadedScene loaded, const QString& source = {});
    // The view grid as an image, what --screenshot and File > Save snapshot write.
    QImage snapshot();
    bool saveSnapshot(const QString& path);

    // Crosshair and status-bar readout at a map point, as if the cursor were there.
    void pointAt(double x, double y);

    widgets::ViewGrid* viewGrid() const { return m_grid; }
    widgets::LayerPanel* layerPanel() const { return m_panel; }
    widgets::TrainingPanel* trainingPanel() const { return m_training; }
    ModelWorkbench* models() const { return m_models; }
    LabelingWorkbench* labeling() const { return m_labeling; }
    ClickRefinement* clickRefinement() const { return m_refinement; }
    ActiveLearningWorkbench* activeLearning() const { return m_learning; }
    ComparisonWorkbench* comparison() const { return m_comparison; }
    TimelineWorkbench* timeline() const { return m_timeline; }
    void showComparisonDock();
    const scene::Scene* currentScene() const;

    // Estimates the ice drift between the scene's two SAR dates on a worker
    // thread, then adds the drift arrows and, for every track and image seen
    // at another time, a drift-compensated copy that takes its place in the
    // views (the original stays, hidden: toggling the two in the layer
    // panel switches compensation off and on).
    void estimateDriftInBackground();
    // The maps of a prediction folder (banquise-cli predict or batch) over
    // the open scene, in the views a prediction made here takes.
    void openPredictionInBackground(const QString& folder);

Q_SIGNALS:
    void sceneShown();
    void sceneFailed(const QString& message);
    void driftShown();
    // The drift could not be estimated (no second SAR date, no scene): the
    // message, also shown to the user.
    void driftFailed(const QString& message);

private:
    void createActions();
    void chooseScene();
    void chooseData();
    // Product files picked one by one (a SAFE's manifest.safe or MTD_MSIL*.xml stands for the product).
    void chooseDataFiles();
    void ingest(const std::vector<scene::DetectedProduct>& products, const QString& name, int epsg, double pixelSize);
    void chooseSnapshotPath();
    void choosePrediction();
    void showCursor(double x, double y);
    // What a drift estimate adds to the scene: the drift-compensated twins
    // of the layers seen at another time, and the drift arrows.
    struct DriftLayers {
        scene::DriftTwins twins;
        std::shared_ptr<const scene::Layer> arrows;
    };
    void showDrift(const DriftLayers& drift);
    void showProblem(const QString& title, const QString& message);

    models::ComputeDevice m_device;
    // Every background job of the window; destroyed first, so that no job
    // outlives the panels and views its end reports to.
    JobRunner* m_jobs;
    SceneDocument* m_document; // the open scene: features change it, views and panels follow it
    widgets::ViewGrid* m_grid;
    widgets::LayerPanel* m_panel;
    widgets::TrainingPanel* m_training;
    ModelWorkbench* m_models;
    LabelingWorkbench* m_labeling;
    ClickRefinement* m_refinement;
    ActiveLearningWorkbench* m_learning;
    ComparisonWorkbench* m_comparison = nullptr;
    TimelineWorkbench* m_timeline = nullptr;
    QDockWidget* m_comparisonDock = nullptr;
    QLabel* m_readout;
    widgets::JobProgress* m_progress;
    QString m_sceneFolder; // the open scene's folder; empty when it has none
};

} // namespace banquise::app
