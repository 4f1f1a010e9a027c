// Click latency in the window, end to end: from a positive DIAL click on the
// SAR view to its refined 512 x 512 tile drawn in every view, on a 24 km
// synthetic scene with a briefly trained model. The first click of a tile
// also runs the network's full pass over it (its features are then cached);
// the figure is the median of the following ones. Run under Xvfb.
//   bench_click OUT_DIR
#include "BenchReport.h"

#include "app/ClickRefinement.h"
#include "app/LabelingWorkbench.h"
#include "app/MainWindow.h"
#include "app/ModelWorkbench.h"
#include "labeling/LabelClass.h"
#include "models/ComputeDevice.h"
#include "scene/Scene.h"
#include "scene/synthetic/SyntheticScene.h"
#include "widgets/LabelToolsPanel.h"
#include "widgets/SurfaceFormat.h"
#include "widgets/ViewGrid.h"
#include "widgets/VtkView.h"

#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace banquise;

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_click OUT_DIR\n");
        return 2;
    }
    widgets::useVtkSurfaceFormat();
    QApplication application(argc, argv);
    const std::string folder = argv[1];
    scene::synthetic::SynthOptions options;
    options.sizeKm = 24.0; // 600 x 600 px: room for a 512 x 512 tile
    scene::synthetic::writeSyntheticScene(options, folder + "/scene");

    app::MainWindow window(models::configureComputeDevice());
    window.resize(1280, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QSignalSpy shown(&window, &app::MainWindow::sceneShown);
    window.openSceneInBackground(QString::fromStdString(folder + "/scene"));
    if (!shown.wait(120000))
        return 1;
    app::LabelingWorkbench* labels = window.labeling();
    if (!labels->openProject(QString::fromStdString(folder + "/clicks.banquise")))
        return 1;
    QSignalSpy predicted(window.models(), &app::ModelWorkbench::predictionShown);
    window.models()->trainInBackground(20);
    if (!predicted.wait(600000))
        return 1;
    labels->panel()->toolAction(widgets::LabelToolKind::PositiveClick)->trigger();
    labels->panel()->classAction(labeling::LabelCode::OpenLead)->trigger();

    app::ClickRefinement* refinement = window.clickRefinement();
    QSignalSpy refined(refinement, &app::ClickRefinement::refined);
    widgets::ViewGrid* grid = window.viewGrid();
    widgets::VtkView* view = grid->view(0);
    const auto& sceneGrid = window.currentScene()->grid();
    std::vector<double> latencies;
    std::vector<double> refinedAt;
    double first = 0.0;
    for (int k = 0; k < 11; ++k) {
        const QPoint at = view->mapToDisplay(sceneGrid.pixelCentre(280 + 4 * k, 300 + 3 * k)).toPoint();
        const bench::Stopwatch click;
        QTest::mouseClick(view, Qt::LeftButton, {}, at);
        if (!refined.wait(120000))
            return 1;
        const double refinedMs = 1000.0 * click.seconds();
        for (int v = 0; v < grid->visibleViewCount(); ++v)
            grid->view(v)->grabFramebuffer(); // the views drawn with the refined tile
        const double ms = 1000.0 * click.seconds();
        if (k == 0)
            first = ms;
        else {
            latencies.push_back(ms);
            refinedAt.push_back(refinedMs);
        }
    }
    std::sort(latencies.begin(), latencies.end());
    std::sort(refinedAt.begin(), refinedAt.end());
    bench::report("click_to_refined_ms", refinedAt[refinedAt.size() / 2]); // before the views are drawn
    bench::report("click_first_ms", first);
    bench::report("click_latency_ms", latencies[latencies.size() / 2]);
    return 0;
}
