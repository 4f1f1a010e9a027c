// banquise: the desktop application.
//   banquise [scene]                      opens a scene folder (default: the bundled sample)
//   banquise --screenshot out.png [scene] renders the main window's views to PNG and exits
//   banquise --window-screenshot out.png [scene]  the whole window, cursor at the scene centre
//   --drift (with either): estimate the ice drift before the screenshot
//   --train STEPS (with either): train the models, predict, show their maps before the screenshot
//   --model FILE (with either): predict with a saved model before the screenshot
//   --prediction FOLDER: show the maps of a prediction folder (banquise-cli predict or batch) over the scene
//   --compare (with --train or --model): compare the model's elevation with SWOT before the screenshot
//   --project FILE: open (or create) a labelling project; the scene's labels show in every view
//   banquise --data FOLDER                         recognise the products in a folder and open them
#include "app/ComparisonWorkbench.h"
#include "app/LabelingWorkbench.h"
#include "app/MainWindow.h"
#include "app/ModelWorkbench.h"
#include "app/ProjectFolder.h"
#include "app/SampleScenePath.h"
#include "scene/ProductCatalog.h"
#include "models/ComputeDevice.h"
#include "scene/Scene.h"
#include "scene/SceneReader.h"
#include "widgets/SurfaceFormat.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>

using namespace banquise;

namespace {
// What to run in the window before a screenshot.
struct ScreenshotJobs {
    bool drift = false;
    int trainSteps = 0;
    QString model;
    QString project;
    bool compare = false;
    QString prediction;
};

// Starts a job of a workbench and waits until it signals `done` or
// `failed` (the message goes to stderr); a refusal may come before the wait.
template <typename Workbench, typename Done, typename Failed>
bool runAndWait(Workbench* workbench, Done done, Failed failed, const std::function<void()>& start)
{
    QEventLoop wait;
    bool ok = true;
    bool finished = false;
    QObject::connect(workbench, done, &wait, [&] {
        finished = true;
        wait.quit();
    });
    QObject::connect(workbench, failed, &wait, [&](const QString& message) {
        std::fprintf(stderr, "banquise: %s\n", qPrintable(message));
        ok = false;
        finished = true;
        wait.quit();
    });
    start();
    if (!finished)
        wait.exec();
    return ok;
}

bool runModelJob(app::ModelWorkbench* models, const std::function<void()>& start)
{
    return runAndWait(models, &app::ModelWorkbench::predictionShown, &app::ModelWorkbench::jobFailed, start);
}

int takeScreenshot(app::MainWindow& window, const QString& scenePath, const QString& output, bool wholeWindow, const ScreenshotJobs& jobs)
{
    scene::LoadedScene loaded;
    try {
        loaded = scene::readScene(scenePath.toStdString(), nullptr, {}, scene::kViewerPyramidCells);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "banquise: %s\n", e.what());
        return 1;
    }
    for (const auto& skipped : loaded.skippedLayers)
        std::fprintf(stderr, "banquise: layer skipped: %s\n", skipped.c_str());
    window.resize(1280, 800);
    window.show();
    QApplication::processEvents();
    if (!jobs.project.isEmpty() && !window.labeling()->openProject(jobs.project))
        return 1;
    window.showScene(std::move(loaded), scenePath);
    QApplication::processEvents();
    if (jobs.drift && !runAndWait(&window, &app::MainWindow::driftShown, &app::MainWindow::driftFailed, [&] { window.estimateDriftInBackground(); }))
        return 1;
    app::ModelWorkbench* models = window.models();
    if (jobs.trainSteps > 0 && !runModelJob(models, [&] { models->trainInBackground(jobs.trainSteps); }))
        return 1;
    if (!jobs.model.isEmpty() && !runModelJob(models, [&] { models->loadModel(jobs.model); }))
        return 1;
    if (!jobs.prediction.isEmpty() && !runModelJob(models, [&] { window.openPredictionInBackground(jobs.prediction); }))
        return 1;
    if (jobs.compare) {
        app::ComparisonWorkbench* comparison = window.comparison();
        window.showComparisonDock();
        if (!runAndWait(comparison, &app::ComparisonWorkbench::comparisonShown, &app::ComparisonWorkbench::comparisonFailed,
                        [&] { comparison->compareInBackground(false); }))
            return 1;
    }
    const bool saved = [&] {
        if (!wholeWindow)
            return window.saveSnapshot(output);
        const scene::MapExtent e = window.currentScene()->grid().extent();
        window.pointAt(0.5 * (e.xMin + e.xMax), 0.5 * (e.yMin + e.yMax));
        QApplication::processEvents();
        return window.grab().save(output, "PNG");
    }();
    if (!saved) {
        std::fprintf(stderr, "banquise: cannot write %s\n", qPrintable(output));
        return 1;
    }
    std::printf("screenshot written to %s\n", qPrintable(output));
    return 0;
}
} // namespace

int main(int argc, char** argv)
{
    widgets::useVtkSurfaceFormat();

    QApplication application(argc, argv);
    QApplication::setApplicationName("banquise");
    QApplication::setOrganizationName("Banquise");
    QCommandLineParser parser;
    parser.setApplicationDescription("Banquise: sea-ice SAR, optical, altimetry and SWOT side by side.");
    parser.addHelpOption();
    QCommandLineOption screenshot("screenshot", "Render the view grid to a PNG file and exit.", "png");
    parser.addOption(screenshot);
    QCommandLineOption windowScreenshot("window-screenshot", "Render the whole main window to a PNG file and exit.", "png");
    parser.addOption(windowScreenshot);
    QCommandLineOption drift("drift", "With a screenshot: estimate the ice drift first (Analysis > Estimate ice drift).");
    parser.addOption(drift);
    QCommandLineOption train("train", "With a screenshot: train the models for this many steps and show their maps first.", "steps");
    parser.addOption(train);
    QCommandLineOption model("model", "With a screenshot: predict with this saved model and show its maps first.", "file");
    parser.addOption(model);
    QCommandLineOption compare("compare", "With a screenshot and --train or --model: compare the elevation with SWOT first.");
    parser.addOption(compare);
    QCommandLineOption prediction("prediction", "Show the maps of a prediction folder (banquise-cli predict or batch) over the scene.",
                                  "folder");
    parser.addOption(prediction);
    QCommandLineOption data("data", "Open the products found in a folder (SAFE, GeoTIFF, netCDF…) as a new scene.", "folder");
    parser.addOption(data);
    QCommandLineOption project("project", "Open (or create) this labelling project: the scene's labels show in every view.", "file");
    parser.addOption(project);
    parser.addPositionalArgument("scene", "Scene folder (default: the bundled sample scene).");
    parser.process(application);

    QString scenePath = parser.positionalArguments().value(0);
    const bool screenshotMode = parser.isSet(screenshot) || parser.isSet(windowScreenshot);
    if (parser.isSet(data) && screenshotMode) {
        // Headless: every recognised product, no dialog.
        const QString folder = parser.value(data);
        try {
            const scene::Detection found = scene::detectProducts({folder.toStdString()});
            scenePath = app::writeProject(found.products, QFileInfo(folder).fileName());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "banquise: %s\n", e.what());
            return 1;
        }
    }
    if (scenePath.isEmpty() && !parser.isSet(data)) {
        try {
            scenePath = app::bundledSampleScene();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "banquise: cannot make the sample scene: %s\n", e.what());
            return 1;
        }
    }
    app::MainWindow window(models::configureComputeDevice());
    if (screenshotMode) {
        const bool wholeWindow = parser.isSet(windowScreenshot);
        const ScreenshotJobs jobs{parser.isSet(drift), parser.value(train).toInt(), parser.value(model), parser.value(project),
                                 parser.isSet(compare), parser.value(prediction)};
        return takeScreenshot(window, scenePath, parser.value(wholeWindow ? windowScreenshot : screenshot), wholeWindow, jobs);
    }

    window.resize(1400, 860);
    window.show();
    if (parser.isSet(project))
        window.labeling()->openProject(parser.value(project));
    if (parser.isSet(data))
        QTimer::singleShot(0, &window, [&window, folder = parser.value(data)] { window.openDataInBackground({folder}); });
    else
        QTimer::singleShot(0, &window, [&window, scenePath] { window.openSceneInBackground(scenePath); });
    if (parser.isSet(prediction)) {
        // Once the scene it maps is shown.
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = QObject::connect(&window, &app::MainWindow::sceneShown, &window, [&window, connection, folder = parser.value(prediction)] {
            QObject::disconnect(*connection);
            window.openPredictionInBackground(folder);
        });
    }
    return QApplication::exec();
}
