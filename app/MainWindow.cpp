#include "app/MainWindow.h"

#include "app/ActiveLearningWorkbench.h"
#include "app/ClickRefinement.h"
#include "app/ComparisonWorkbench.h"
#include "app/JobRunner.h"
#include "app/LabelingWorkbench.h"
#include "app/ModelWorkbench.h"
#include "app/PixelQuestions.h"
#include "app/ProductDialogFilter.h"
#include "app/ProjectFolder.h"
#include "app/SampleScenePath.h"
#include "app/SceneDocument.h"
#include "app/SceneKey.h"
#include "app/TimelineWorkbench.h"
#include "labeling/LabelClass.h"
#include "rendering/ViewScene.h"
#include "scene/SceneDrift.h"
#include "scene/SceneReader.h"
#include "scene/VectorLayer.h"
#include "widgets/ActiveLearningPanel.h"
#include "widgets/PixelQuestionsPanel.h"
#include "widgets/ComparisonPanel.h"
#include "widgets/CursorReadout.h"
#include "widgets/JobProgress.h"
#include "widgets/LabelToolsPanel.h"
#include "widgets/LayerPanel.h"
#include "widgets/ProductListDialog.h"
#include "widgets/TimelinePanel.h"
#include "widgets/TrainingPanel.h"
#include "widgets/ViewGrid.h"
#include "widgets/VtkView.h"

#include <QActionGroup>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

namespace banquise::app {

void MainWindow::showProblem(const QString& title, const QString& message)
{
    // Window-modal but not blocking: the application keeps running and
    // nothing already shown is lost.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName("problemMessage");
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

MainWindow::MainWindow(models::ComputeDevice device, QWidget* parent)
    : QMainWindow(parent), m_device(std::move(device)), m_jobs(new JobRunner(this)), m_document(new SceneDocument(this)), m_grid(new widgets::ViewGrid(this)),
      m_panel(new widgets::LayerPanel(m_grid, this)), m_training(new widgets::TrainingPanel(this)), m_models(nullptr), m_labeling(nullptr), m_refinement(nullptr), m_learning(nullptr),
      m_readout(new QLabel(this)), m_progress(new widgets::JobProgress(this))
{
    setWindowTitle(tr("Banquise"));
    setCentralWidget(m_grid);
    // Four views: SAR, optical, concentration and SWOT side by side.
    m_grid->setGridLayout(widgets::GridLayout::TwoByTwo);
    auto* dock = new QDockWidget(tr("Layers"), this);
    dock->setObjectName("layersDock");
    dock->setWidget(m_panel);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    auto* modelsDock = new QDockWidget(tr("Models"), this);
    modelsDock->setObjectName("modelsDock");
    modelsDock->setWidget(m_training);
    addDockWidget(Qt::RightDockWidgetArea, modelsDock);
    m_models = new ModelWorkbench(
        *m_jobs, *m_document, m_training, m_grid,
        [this](const QString& title, const QString& message) { showProblem(title, message); }, this);
    m_labeling = new LabelingWorkbench(
        *m_jobs, m_grid, m_panel, [this](const QString& title, const QString& message) { showProblem(title, message); }, this);
    auto* labelsDock = new QDockWidget(tr("Labels"), this);
    labelsDock->setObjectName("labelsDock");
    labelsDock->setWidget(m_labeling->panel());
    addDockWidget(Qt::RightDockWidgetArea, labelsDock);
    tabifyDockWidget(modelsDock, labelsDock);
    modelsDock->raise();
    connect(m_labeling, &LabelingWorkbench::projectOpened, labelsDock, &QDockWidget::raise);
    m_refinement = new ClickRefinement(*m_jobs, m_models, m_grid, this);
    connect(m_labeling, &LabelingWorkbench::sessionChanged, m_refinement, &ClickRefinement::setSession);
    connect(m_refinement, &ClickRefinement::layersChanged, m_panel, &widgets::LayerPanel::reload);
    connect(m_refinement, &ClickRefinement::refinementAvailable, m_labeling->panel(), &widgets::LabelToolsPanel::setRefinementAvailable);
    connect(m_labeling->panel(), &widgets::LabelToolsPanel::acceptRefinementRequested, m_refinement, &ClickRefinement::acceptRefinement);
    connect(m_refinement, &ClickRefinement::unavailable, this, [this](const QString& why) { statusBar()->showMessage(why, 5000); });
    connect(m_refinement, &ClickRefinement::refined, this, [this](const QString& summary) { statusBar()->showMessage(summary, 8000); });
    m_learning = new ActiveLearningWorkbench(
        *m_jobs, m_models, m_labeling, m_grid, [this] { return m_training->steps(); },
        [this](const QString& title, const QString& message) { showProblem(title, message); }, this);
    auto* learningDock = new QDockWidget(tr("Active learning"), this);
    learningDock->setObjectName("activeLearningDock");
    learningDock->setWidget(m_learning->panel());
    addDockWidget(Qt::RightDockWidgetArea, learningDock);
    tabifyDockWidget(labelsDock, learningDock);
    // Asking and answering pixels work from the keyboard whichever dock shows.
    widgets::PixelQuestionsPanel* questions = m_learning->panel()->pixelQuestions();
    addAction(questions->askAction());
    for (const auto& c : labeling::labelClasses())
        addAction(questions->answerAction(c.code));
    connect(m_learning->pixelQuestions(), &PixelQuestions::asked, learningDock, &QDockWidget::raise);
    m_comparison = new ComparisonWorkbench(
        *m_jobs, *m_document, m_models, m_grid,
        [this](const QString& title, const QString& message) { showProblem(title, message); }, this);
    m_comparisonDock = new QDockWidget(tr("Comparison"), this);
    m_comparisonDock->setObjectName("comparisonDock");
    m_comparisonDock->setWidget(m_comparison->panel());
    addDockWidget(Qt::RightDockWidgetArea, m_comparisonDock);
    tabifyDockWidget(learningDock, m_comparisonDock);
    modelsDock->raise();
    m_timeline = new TimelineWorkbench(
        *m_document, new widgets::TimelinePanel(this), [this](const QString& text) { statusBar()->showMessage(text, 8000); }, this);
    auto* timelineDock = new QDockWidget(tr("Timeline"), this);
    timelineDock->setObjectName("timelineDock");
    timelineDock->setWidget(m_timeline->panel());
    addDockWidget(Qt::BottomDockWidgetArea, timelineDock);

    m_readout->setObjectName("cursorReadout");
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_readout, 1);
    statusBar()->addPermanentWidget(m_progress);
    connect(m_jobs, &JobRunner::jobsChanged, this, [this] {
        std::vector<widgets::JobRow> rows;
        for (const JobStatus& job : m_jobs->jobs())
            rows.push_back({job.id, job.title, job.running, job.progress, job.step});
        m_progress->showJobs(rows);
    });
    connect(m_jobs, &JobRunner::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_progress, &widgets::JobProgress::cancelRequested, m_jobs, &JobRunner::cancel);

    // The views, the layer panel and the jobs follow the open scene.
    connect(m_document, &SceneDocument::opened, this, [this](const scene::Scene& scene) {
        m_jobs->setScene(m_document->serial()); // the previous scene's jobs stop
        m_grid->showScene(scene);
    });
    connect(m_document, &SceneDocument::layerAdded, this, [this](const std::shared_ptr<const scene::Layer>& layer, int shownIn) {
        m_grid->addLayer(layer, shownIn == SceneDocument::kEveryView);
        if (shownIn >= 0)
            m_grid->setLayerVisible(*layer, true, shownIn);
    });
    connect(m_document, &SceneDocument::layerShown, this,
            [this](const scene::Layer& layer, int view) { m_grid->setLayerVisible(layer, true, view); });
    connect(m_document, &SceneDocument::layerHidden, this,
            [this](const scene::Layer& layer, int view) { m_grid->setLayerVisible(layer, false, view); });
    connect(m_document, &SceneDocument::layerRemoved, m_grid, &widgets::ViewGrid::removeLayer);
    connect(m_document, &SceneDocument::alternativeAdded, m_grid, &widgets::ViewGrid::addAlternative);
    connect(m_document, &SceneDocument::layersChanged, this, [this] {
        m_panel->reload();
        m_grid->refresh();
    });
    statusBar()->addPermanentWidget(new QLabel(QString::fromStdString(m_device.description), this));
    createActions();

    connect(m_grid, &widgets::ViewGrid::cursorMoved, this, &MainWindow::showCursor);
    connect(m_grid, &widgets::ViewGrid::cursorLeft, m_readout, &QLabel::clear);
}

MainWindow::~MainWindow()
{
    delete m_jobs; // cancels every job and waits for it; no job's end runs after this
    delete m_models;
    delete m_learning;
    delete m_refinement;
    delete m_comparison; // gives the left button back while the views exist
    delete m_labeling; // its label layer leaves the views while they exist
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open scene…"), QKeySequence::Open, this, &MainWindow::chooseScene);
    file->addAction(tr("Open &data…"), QKeySequence(tr("Ctrl+D")), this, &MainWindow::chooseData);
    file->addAction(tr("Open data &files…"), QKeySequence(tr("Ctrl+Shift+D")), this, &MainWindow::chooseDataFiles);
    file->addAction(tr("Open &sample scene"), this, [this] {
        try {
            openSceneInBackground(bundledSampleScene());
        } catch (const std::exception& e) {
            showProblem(tr("Sample scene"), QString::fromStdString(e.what()));
        }
    });
    file->addSeparator();
    file->addAction(tr("&New project…"), QKeySequence(tr("Ctrl+Shift+N")), m_labeling, &LabelingWorkbench::chooseProjectToCreate);
    file->addAction(tr("Open &project…"), QKeySequence(tr("Ctrl+Shift+O")), m_labeling, &LabelingWorkbench::chooseProjectToOpen);
    file->addAction(tr("&Close project"), m_labeling, &LabelingWorkbench::closeProject);
    file->addAction(tr("&Import labels…"), m_labeling, &LabelingWorkbench::chooseImportFile);
    file->addAction(tr("&Export labels…"), m_labeling, &LabelingWorkbench::chooseExportPath);
    file->addSeparator();
    file->addAction(tr("Save &snapshot…"), QKeySequence(tr("Ctrl+Shift+S")), this, &MainWindow::chooseSnapshotPath);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* analysis = menuBar()->addMenu(tr("&Analysis"));
    analysis->addAction(tr("Estimate ice &drift"), this, &MainWindow::estimateDriftInBackground);
    analysis->addAction(tr("&Train models"), this, [this] { m_models->trainInBackground(m_training->steps()); });
    analysis->addAction(tr("&Predict with the model"), this, [this] { m_models->predictInBackground(); });
    analysis->addAction(tr("&Open a prediction…"), this, &MainWindow::choosePrediction);
    analysis->addAction(tr("Compare with &SWOT"), QKeySequence(tr("Ctrl+Shift+W")), this, [this] {
        showComparisonDock();
        m_comparison->compareInBackground(false);
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QToolBar* toolbar = addToolBar(tr("Views"));
    toolbar->setObjectName("viewToolbar");
    auto* layouts = new QActionGroup(this);
    const std::pair<QString, widgets::GridLayout> choices[] = {
        {tr("1 × 1"), widgets::GridLayout::Single},
        {tr("1 × 2"), widgets::GridLayout::OneByTwo},
        {tr("2 × 2"), widgets::GridLayout::TwoByTwo}};
    for (const auto& [label, layout] : choices) {
        QAction* action = layouts->addAction(label);
        action->setCheckable(true);
        action->setChecked(layout == m_grid->gridLayout());
        connect(action, &QAction::triggered, this, [this, layout = layout] { m_grid->setGridLayout(layout); });
        view->addAction(action);
        toolbar->addAction(action);
    }
    view->addSeparator();
    QAction* fit = view->addAction(tr("&Fit to scene"), this, [this] { m_grid->fitToScene(); });
    fit->setShortcut(QKeySequence(tr("Ctrl+0")));
    toolbar->addAction(fit);
}

void MainWindow::chooseScene()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open a Banquise scene folder"));
    if (!path.isEmpty())
        openSceneInBackground(path);
}

void MainWindow::chooseData()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open a folder of products (SAFE, GeoTIFF, netCDF…)"));
    if (!path.isEmpty())
        openDataInBackground({path});
}

void MainWindow::chooseDataFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open product files"), QString(), productDialogFilter());
    if (!files.isEmpty())
        openDataInBackground(files);
}

void MainWindow::openDataInBackground(const QStringList& paths, bool confirm)
{
    std::vector<std::string> files;
    for (const QString& p : paths)
        files.push_back(p.toStdString());
    m_jobs->start<scene::Detection>(
        {"detect", tr("Looking for products"), WhenBusy::Replace, false},
        [files](scene::Feedback&) { return scene::detectProducts(files); },
        [this, paths, confirm](JobEnd end, std::optional<scene::Detection> detection, const QString& error) {
            if (end == JobEnd::Failed)
                showProblem(tr("Open data"), error);
            if (end != JobEnd::Done)
                return;
            if (detection->products.empty()) {
                QStringList lines;
                for (const auto& s : detection->skipped)
                    lines << QString::fromStdString(s);
                showProblem(tr("Open data"), tr("No product Banquise reads was found.\n%1").arg(lines.join('\n')));
                return;
            }
            if (!confirm) {
                ingest(detection->products, QFileInfo(paths.front()).fileName(), 3413, 40.0);
                return;
            }
            widgets::ProductListDialog dialog(*detection, this);
            if (dialog.exec() == QDialog::Accepted)
                ingest(dialog.chosenProducts(), QFileInfo(paths.front()).fileName(), dialog.epsg(), dialog.pixelSize());
        });
}

void MainWindow::ingest(const std::vector<scene::DetectedProduct>& products, const QString& name, int epsg, double pixelSize)
{
    QString project;
    try {
        project = writeProject(products, name, epsg, pixelSize);
    } catch (const std::exception& e) {
        showProblem(tr("Open data"), QString::fromStdString(e.what()));
        Q_EMIT sceneFailed(QString::fromStdString(e.what()));
        return;
    }
    openSceneInBackground(project);
}

void MainWindow::openSceneInBackground(const QString& path)
{
    using Loaded = std::shared_ptr<scene::LoadedScene>;
    m_jobs->start<Loaded>(
        {"load", tr("Loading %1").arg(QFileInfo(path).fileName()), WhenBusy::Replace, false},
        [path](scene::Feedback& feedback) {
            return std::make_shared<scene::LoadedScene>(scene::readScene(path.toStdString(), &feedback, {}, scene::kViewerPyramidCells));
        },
        [this, path](JobEnd end, std::optional<Loaded> loaded, const QString& error) {
            if (end != JobEnd::Done) {
                // A cancelled load keeps the scene open, as a failed one does.
                const QString why = end == JobEnd::Cancelled ? tr("Loading %1 cancelled.").arg(path) : error;
                if (end == JobEnd::Failed)
                    showProblem(tr("Cannot open scene"), why);
                else
                    statusBar()->showMessage(why, 5000);
                Q_EMIT sceneFailed(why);
                return;
            }
            QStringList skipped;
            for (const auto& s : (*loaded)->skippedLayers)
                skipped << QString::fromStdString(s);
            showScene(std::move(**loaded), path);
            if (!skipped.isEmpty())
                showProblem(tr("Some layers were not loaded"), skipped.join("\n"));
        });
}

void MainWindow::showScene(scene::LoadedScene loaded, const QString& source)
{
    m_document->open(std::make_unique<scene::Scene>(std::move(loaded.scene)));
    const scene::Scene& shown = *m_document->scene();
    setWindowTitle(tr("Banquise — %1").arg(QString::fromStdString(shown.name())));
    const QString folder = source.isEmpty() ? QString() : QString::fromStdString(sceneFolderOf(source.toStdString()));
    m_labeling->showScene(shown, folder);
    m_comparison->setSceneFolder(folder);
    m_sceneFolder = folder;
    Q_EMIT sceneShown();
}

void MainWindow::choosePrediction()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a prediction folder (class.tif, freeboard.tif…)"));
    if (!folder.isEmpty())
        openPredictionInBackground(folder);
}

void MainWindow::openPredictionInBackground(const QString& folder)
{
    m_models->openPredictionInBackground(folder, m_sceneFolder);
}

void MainWindow::estimateDriftInBackground()
{
    if (!m_document->scene()) {
        showProblem(tr("Ice drift"), tr("Open a scene first."));
        Q_EMIT driftFailed(tr("Open a scene first."));
        return;
    }
    // The drift and the compensated twins are computed on the worker from
    // the layers, shared read-only; the scene object itself is only touched
    // on the GUI thread.
    const std::shared_ptr<const scene::Scene> snapshot = std::make_shared<scene::Scene>(*m_document->scene());
    m_jobs->start<DriftLayers>(
        {"drift", tr("Estimating ice drift"), WhenBusy::Replace},
        [snapshot](scene::Feedback& feedback) {
            const scene::SceneDrift drift(*snapshot, &feedback);
            feedback.setProgress(0.8, "drift-compensating the layers");
            return DriftLayers{scene::driftTwins(*snapshot, drift),
                               scene::makeDriftLayer(drift.field(), drift.grid(), drift.referenceTime(), drift.secondTime())};
        },
        [this](JobEnd end, std::optional<DriftLayers> drift, const QString& error) {
            if (end != JobEnd::Done) {
                if (end == JobEnd::Failed)
                    showProblem(tr("Ice drift"), error);
                Q_EMIT driftFailed(end == JobEnd::Failed ? error : tr("Drift estimation cancelled."));
                return;
            }
            showDrift(*drift);
        });
}

void MainWindow::showDrift(const DriftLayers& drift)
{
    // Every layer seen at another time gets a drift-compensated twin
    // that takes its place in the views; the original stays, hidden.
    for (const auto& [original, twin] : drift.twins.twins)
        m_document->addAlternative(*original, twin);
    if (!drift.twins.refused.empty()) { // shown as acquired, the rest compensated
        QStringList refused;
        for (const std::string& why : drift.twins.refused)
            refused << QString::fromStdString(why);
        showProblem(tr("Ice drift"), tr("Not drift-compensated (shown as acquired):\n%1").arg(refused.join("\n")));
    }
    m_document->putLayer(drift.arrows, SceneDocument::kEveryView);
    Q_EMIT driftShown();
}

const scene::Scene* MainWindow::currentScene() const
{
    return m_document->scene();
}

void MainWindow::showComparisonDock()
{
    m_comparisonDock->show();
    m_comparisonDock->raise();
}

QImage MainWindow::snapshot()
{
    return m_grid->grab().toImage();
}

bool MainWindow::saveSnapshot(const QString& path)
{
    return snapshot().save(path, "PNG");
}

void MainWindow::chooseSnapshotPath()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save snapshot"), "banquise.png", tr("PNG images (*.png)"));
    if (!path.isEmpty() && !saveSnapshot(path))
        showProblem(tr("Save snapshot"), tr("Cannot write %1").arg(path));
}

void MainWindow::pointAt(double x, double y)
{
    m_grid->showCrosshair(scene::MapPoint{x, y});
    showCursor(x, y);
}

void MainWindow::showCursor(double x, double y)
{
    m_comparison->showCursor(x, y);
    const scene::Scene* shown = m_document->scene();
    if (!shown)
        return;
    std::vector<const rendering::ViewScene*> views;
    for (int i = 0; i < m_grid->visibleViewCount(); ++i)
        views.push_back(&m_grid->view(i)->viewScene());
    m_readout->setText(widgets::cursorReadout(shown->grid(), {x, y}, views));
}

} // namespace banquise::app
