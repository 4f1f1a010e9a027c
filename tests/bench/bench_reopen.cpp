// Reopen benchmark: the demo synthetic scene opened once (calibration,
// warping and gridding, which fill the scene's cache), then reopened from its
// cache up to the first finished frame of a 2 x 2 grid. Run under Xvfb.
//   bench_reopen OUT_DIR
#include "BenchReport.h"

#include "scene/SceneReader.h"
#include "scene/synthetic/SyntheticScene.h"
#include "widgets/SurfaceFormat.h"
#include "widgets/ViewGrid.h"
#include "widgets/VtkView.h"

#include <QApplication>

#include <cstdio>

using namespace banquise;

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_reopen OUT_DIR\n");
        return 2;
    }
    widgets::useVtkSurfaceFormat();
    QApplication application(argc, argv);
    const std::string folder = argv[1];
    scene::synthetic::writeSyntheticScene({}, folder);

    const bench::Stopwatch firstOpen;
    scene::readScene(folder);
    bench::report("project_first_open_s", firstOpen.seconds());

    widgets::ViewGrid grid;
    grid.setGridLayout(widgets::GridLayout::TwoByTwo);
    grid.resize(1200, 800);
    grid.show();
    QApplication::processEvents();
    const bench::Stopwatch reopen;
    const scene::LoadedScene loaded = scene::readScene(folder);
    grid.showScene(loaded.scene);
    for (int v = 0; v < grid.visibleViewCount(); ++v)
        grid.view(v)->grabFramebuffer();
    bench::report("project_reopen_first_frame_s", reopen.seconds());
    return 0;
}
