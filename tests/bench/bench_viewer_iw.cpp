// Viewer benchmark at native IW resolution (issue 24): a 25 000 x 17 000
// scene of 10 m cells with HH and HV backscatter, a predicted class map and
// an altimeter track, written once under $BANQUISE_BENCH_DIR (default
// /tmp/banquise-bench-iw, about 4 GB with its pyramids). Reports:
//   pyramid_build_s_iw    banquise-cli pyramids on the scene (the cache);
//   gui_first_frame_s_iw  banquise opening the scene to its first window
//                         frame (a screenshot), once the cache exists;
//   gui_peak_mb_iw        that process's peak resident memory;
//   viewer_fps_iw         three linked views (HH, HV, classes) zooming from
//                         the whole scene down to full resolution, then
//                         panning across it: finished frames per second.
// Run under Xvfb.
#include "BenchReport.h"

#include "rendering/MapNavigation.h"
#include "scene/GeoTiffFile.h"
#include "scene/Scene.h"
#include "scene/SceneReader.h"
#include "scene/SceneWriter.h"
#include "scene/TrackLayer.h"
#include "widgets/SurfaceFormat.h"
#include "widgets/ViewGrid.h"
#include "widgets/VtkView.h"

#include <QApplication>

#include <cpl_json.h>
#include <gdal_priv.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <vector>

using namespace banquise;
namespace fs = std::filesystem;

namespace {
constexpr int kWidth = 25000;
constexpr int kHeight = 17000;
constexpr double kPixel = 10.0;
const scene::AnalysisGrid kGrid(3413, -300000.0, -700000.0, kPixel, kWidth, kHeight);
constexpr double kTime = 1710402130.0; // 2024-03-14T07:42:10Z

std::uint32_t mix(std::uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    return x ^ (x >> 16);
}

// Floes of about 2 km between leads of 40-200 m: what a winter IW scene shows.
bool inLead(int col, int row)
{
    const double x = col * kPixel;
    const double y = row * kPixel;
    const double a = std::sin(x / 1300.0 + 2.0 * std::sin(y / 4100.0));
    const double b = std::sin(y / 1700.0 + 1.5 * std::sin(x / 3700.0));
    return std::abs(a) < 0.03 || std::abs(b) < 0.015;
}

// Writes one layer row strip by row strip (the scene never sits in memory).
template <class Value>
void writeLayer(const fs::path& file, GDALDataType type, Value value)
{
    GDALDataset* ds = scene::createGeoTiff(file.string(), kGrid, 1, type, kTime);
    std::vector<float> strip(static_cast<std::size_t>(kWidth) * 256);
    for (int row = 0; row < kHeight; row += 256) {
        const int rows = std::min(256, kHeight - row);
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < kWidth; ++c)
                strip[static_cast<std::size_t>(r) * kWidth + c] = value(c, row + r);
        if (ds->GetRasterBand(1)->RasterIO(GF_Write, 0, row, kWidth, rows, strip.data(), kWidth, rows, GDT_Float32, 0, 0) != CE_None)
            std::exit(1);
    }
    GDALClose(ds);
}

CPLJSONObject rasterEntry(const char* name, const char* file, const char* quantity, const char* units, const char* resampling)
{
    CPLJSONObject entry;
    entry.Add("name", name);
    entry.Add("kind", "raster");
    entry.Add("file", file);
    entry.Add("sensor", "Sentinel-1");
    entry.Add("quantity", quantity);
    entry.Add("units", units);
    entry.Add("time", "2024-03-14T07:42:10Z");
    entry.Add("resampling", resampling);
    return entry;
}

// The scene, written once: a track through the in-memory writer, then the
// rasters strip by strip and their manifest entries.
void writeIwScene(const fs::path& folder)
{
    const fs::path staging = folder.string() + ".partial";
    fs::remove_all(staging);
    scene::Scene scene("IW benchmark", kGrid);
    scene.setReferenceTime(kTime);
    std::vector<scene::TrackRecord> records;
    for (int col = 0; col < kWidth; col += 30) {
        scene::TrackRecord r;
        r.position = kGrid.pixelCentre(col, static_cast<int>(kHeight * (0.2 + 0.6 * col / kWidth)));
        r.lonLat = kGrid.toLonLat(r.position);
        r.time = kTime;
        r.value = static_cast<float>(0.3 + 0.2 * std::sin(col * 0.001));
        r.surface = scene::SurfaceType::Floe;
        records.push_back(r);
    }
    scene.addLayer(std::make_shared<scene::TrackLayer>(scene::LayerInfo{"CryoSat-2 freeboard", "CryoSat-2", "m", scene::Quantity::Freeboard, kTime, ""},
                                                       std::move(records), scene::Footprint{300.0, 1600.0}));
    scene::writeScene(scene, staging.string());

    auto speckle = [](int col, int row, std::uint32_t seed) {
        // Gamma-like multiplicative speckle of about 4.4 looks from a hash.
        const std::uint32_t h = mix(static_cast<std::uint32_t>(row) * 40503U + static_cast<std::uint32_t>(col) + seed);
        return static_cast<float>(0.55 + 0.9 * (h & 0xffff) / 65535.0);
    };
    writeLayer(staging / "s1_hh.tif", GDT_Float32, [&](int c, int r) { return (inLead(c, r) ? 0.004f : 0.05f) * speckle(c, r, 1); });
    writeLayer(staging / "s1_hv.tif", GDT_Float32, [&](int c, int r) { return (inLead(c, r) ? 0.0006f : 0.008f) * speckle(c, r, 7); });
    writeLayer(staging / "class.tif", GDT_Byte, [&](int c, int r) { return inLead(c, r) ? 2.0f : 1.0f; });

    CPLJSONDocument manifest;
    if (!manifest.Load((staging / "scene.json").string()))
        std::exit(1);
    CPLJSONArray layers = manifest.GetRoot().GetArray("layers");
    layers.Add(rasterEntry("S1 HH sigma0", "s1_hh.tif", "sigma0", "linear", "bilinear"));
    layers.Add(rasterEntry("S1 HV sigma0", "s1_hv.tif", "sigma0", "linear", "bilinear"));
    layers.Add(rasterEntry("predicted class", "class.tif", "sea_ice_class", "", "near"));
    manifest.Save((staging / "scene.json").string());
    fs::rename(staging, folder);
}

struct ChildRun {
    int status = -1;
    double seconds = 0.0;
    double peakMegabytes = 0.0;
};

// Runs a program to its end; its wall time and peak resident memory.
ChildRun runChild(const std::vector<std::string>& arguments)
{
    const bench::Stopwatch clock;
    const pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> argv;
        for (const auto& a : arguments)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    ChildRun run;
    rusage usage{};
    int status = 0;
    wait4(pid, &status, 0, &usage);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.seconds = clock.seconds();
    run.peakMegabytes = usage.ru_maxrss / 1024.0;
    return run;
}

void finishFrames(widgets::ViewGrid& grid, int views)
{
    for (int v = 0; v < views; ++v)
        grid.view(v)->grabFramebuffer();
}
} // namespace

int main(int argc, char** argv)
{
    const char* root = std::getenv("BANQUISE_BENCH_DIR");
    const fs::path folder = fs::path(root ? root : "/tmp/banquise-bench-iw") / "iw_scene";
    if (!fs::exists(folder / "scene.json")) {
        // Written by a child: Linux carries a process's peak memory across
        // fork and exec, so the GUI's figure must not start from the
        // writer's GDAL cache.
        const bench::Stopwatch writing;
        const pid_t writer = fork();
        if (writer == 0) {
            writeIwScene(folder);
            _exit(0);
        }
        int status = 0;
        waitpid(writer, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            return 1;
        std::printf("IW scene written in %.0f s to %s\n", writing.seconds(), folder.c_str());
    }
    fs::remove_all(folder / "cache" / "pyramids");
    const ChildRun pyramids = runChild({BANQUISE_CLI, "pyramids", folder.string()});
    if (pyramids.status != 0)
        return 1;
    bench::report("pyramid_build_s_iw", pyramids.seconds);

    const fs::path shot = fs::temp_directory_path() / "banquise-bench-iw.png";
    const ChildRun gui = runChild({BANQUISE_GUI, "--window-screenshot", shot.string(), folder.string()});
    if (gui.status != 0)
        return 1;
    bench::report("gui_first_frame_s_iw", gui.seconds);
    bench::report("gui_peak_mb_iw", gui.peakMegabytes);

    widgets::useVtkSurfaceFormat();
    QApplication application(argc, argv);
    widgets::ViewGrid grid;
    grid.setGridLayout(widgets::GridLayout::TwoByTwo);
    grid.view(3)->hide(); // three linked views: HH, HV, classes
    grid.resize(1200, 800);
    grid.show();
    QApplication::processEvents();
    const scene::LoadedScene loaded = scene::readScene(folder.string(), nullptr, {}, scene::kViewerPyramidCells);
    grid.showScene(loaded.scene);
    finishFrames(grid, 3);

    // Zoom from the whole scene to about one cell a screen pixel about a
    // point, then pan 20 screen pixels a frame across the scene.
    vtkCamera* camera = grid.camera();
    const widgets::VtkView& first = *grid.view(0);
    const scene::MapPoint anchor = kGrid.pixelCentre(kWidth / 3, kHeight / 2);
    int frames = 0;
    const bench::Stopwatch interaction;
    while (rendering::mapUnitsPerPixel(camera, first.height()) > kPixel) {
        rendering::zoomAbout(camera, anchor, 1.05);
        finishFrames(grid, 3);
        ++frames;
    }
    for (int i = 0; i < 150; ++i, ++frames) {
        rendering::panByPixels(camera, -20.0, i % 30 < 15 ? 4.0 : -4.0, first.height());
        finishFrames(grid, 3);
    }
    bench::report("viewer_fps_iw", frames / interaction.seconds());
    bench::report("viewer_iw_peak_mb", bench::peakResidentMegabytes());
    return 0;
}
