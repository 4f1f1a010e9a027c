// Viewer benchmark: a 4096 x 4096 float raster and a 10 000-record track in
// three linked views. Reports the time and peak memory to the first frame of
// all three views, and the frame rate of pan/zoom steps. Run under Xvfb.
#include "BenchReport.h"

#include "rendering/MapNavigation.h"
#include "scene/RasterLayer.h"
#include "scene/Scene.h"
#include "scene/TrackLayer.h"
#include "widgets/SurfaceFormat.h"
#include "widgets/ViewGrid.h"
#include "widgets/VtkView.h"

#include <QApplication>

#include <vtkCamera.h>

#include <cmath>
#include <random>

using namespace banquise;

namespace {
constexpr int kRasterSize = 4096;
constexpr int kTrackRecords = 10000;
constexpr int kViews = 3;

scene::Scene makeScene()
{
    const scene::AnalysisGrid grid(3413, -200000.0, -600000.0, 40.0, kRasterSize, kRasterSize);
    std::mt19937 rng(3);
    std::gamma_distribution<float> speckle(4.4f, 1.0f / 4.4f);
    std::vector<float> sigma0(static_cast<std::size_t>(kRasterSize) * kRasterSize);
    for (int r = 0; r < kRasterSize; ++r)
        for (int c = 0; c < kRasterSize; ++c)
            sigma0[static_cast<std::size_t>(r) * kRasterSize + c] =
                static_cast<float>(0.03 + 0.02 * std::sin(c * 0.01) * std::cos(r * 0.013)) * speckle(rng);
    scene::Scene scene("viewer benchmark", grid);
    scene.addLayer(std::make_shared<scene::RasterLayer>(
        scene::LayerInfo{"sigma0", "Sentinel-1", "linear", scene::Quantity::Sigma0, 0.0, ""}, grid,
        std::vector<std::vector<float>>{std::move(sigma0)}));
    std::vector<scene::TrackRecord> records(kTrackRecords);
    const scene::MapExtent e = grid.extent();
    for (int i = 0; i < kTrackRecords; ++i) {
        const double s = static_cast<double>(i) / kTrackRecords;
        records[i].position = {e.xMin + s * e.width(), e.yMin + (0.2 + 0.6 * s) * e.height()};
        records[i].value = static_cast<float>(0.3 + 0.2 * std::sin(i * 0.05));
    }
    scene.addLayer(std::make_shared<scene::TrackLayer>(
        scene::LayerInfo{"track", "CryoSat-2", "m", scene::Quantity::Freeboard, 0.0, ""}, std::move(records),
        scene::Footprint{300.0, 1600.0}));
    return scene;
}

// Renders every view and reads its pixels back: a frame that is finished,
// not merely queued (the read-back of ~1 MB per view is counted too).
void finishFrames(widgets::ViewGrid& grid)
{
    for (int v = 0; v < kViews; ++v)
        grid.view(v)->grabFramebuffer();
}
} // namespace

int main(int argc, char** argv)
{
    widgets::useVtkSurfaceFormat();
    QApplication application(argc, argv);

    widgets::ViewGrid grid;
    grid.setGridLayout(widgets::GridLayout::TwoByTwo);
    grid.view(3)->hide(); // three linked views
    grid.resize(1200, 800);
    grid.show();
    QApplication::processEvents();

    const scene::Scene scene = makeScene();
    const bench::Stopwatch firstFrame;
    grid.showScene(scene);
    finishFrames(grid);
    bench::report("first_frame_s", firstFrame.seconds());
    bench::report("first_frame_peak_mb", bench::peakResidentMegabytes());

    // Pan and zoom steps, each followed by a finished frame in all views.
    const int frames = 120;
    vtkCamera* camera = grid.camera();
    const bench::Stopwatch interaction;
    for (int i = 0; i < frames; ++i) {
        if (i % 2 == 0)
            rendering::panByPixels(camera, 7.0, -3.0, grid.view(0)->height());
        else
            rendering::zoomAbout(camera, grid.view(0)->displayToMap(QPointF(300, 200)), i % 4 == 1 ? 1.05 : 1.0 / 1.05);
        finishFrames(grid);
    }
    bench::report("viewer_fps", frames / interaction.seconds());
    return 0;
}
