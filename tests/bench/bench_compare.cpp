// SWOT validation benchmark.
// 1. A full comparison (read, metrics, plots, report) of a prediction with
//    a SWOT raster over a 120 km x 120 km overlap, at 250 m and at 40 m:
//    seconds and peak memory.
// 2. On the demo synthetic scene (SWOT simulated from the truth with 3 cm
//    noise): the trained model's elevation map against SWOT and against the
//    truth, and leave-one-track-out, each beside ordinary kriging of the
//    same tracks, in one run.
//   bench_compare OUT_DIR [STEPS]
// (bench_compare --overlap DIR PIXEL_M runs one comparison of part 1 in its
// own process, so that its peak memory is the comparison's alone.)
#include "BenchReport.h"

#include "app/ComparisonReport.h"
#include "app/ComparisonRun.h"
#include "app/ComparisonSources.h"
#include "app/OffscreenApplication.h"
#include "models/ComputeDevice.h"
#include "models/ModelInputs.h"
#include "models/PredictionRasters.h"
#include "models/SeaIceModel.h"
#include "scene/AnalysisGrid.h"
#include "scene/GeoTiffFile.h"
#include "scene/SceneReader.h"
#include "scene/synthetic/SyntheticScene.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace banquise;
namespace fs = std::filesystem;

namespace {

constexpr double kOverlapMetres = 120000.0;

std::vector<float> valuesOf(const cv::Mat1f& m)
{
    return std::vector<float>(m.begin(), m.end());
}

// A smooth freeboard field with leads, and SWOT over it: 3 cm noise, a
// 20 km nadir gap down the middle, the cross-track distance as band 2.
void writeOverlap(const fs::path& folder, double pixelSize)
{
    const int side = static_cast<int>(kOverlapMetres / pixelSize);
    const scene::AnalysisGrid grid(3413, -2200000.0, 500000.0, pixelSize, side, side);
    cv::Mat1f field(side, side);
    cv::randn(field, 0.0, 1.0);
    cv::GaussianBlur(field, field, cv::Size(), 2000.0 / pixelSize);
    cv::normalize(field, field, 0.0, 0.5, cv::NORM_MINMAX);
    cv::Mat1f noise(side, side);
    cv::randn(noise, 0.0, 0.03);
    cv::Mat1f swot = field + noise;
    cv::Mat1f distance(side, side);
    for (int r = 0; r < side; ++r)
        for (int c = 0; c < side; ++c) {
            const double d = (c + 0.5) * pixelSize - kOverlapMetres / 2;
            distance(r, c) = static_cast<float>(d);
            if (std::abs(d) < 10000.0) {
                swot(r, c) = NAN;
                distance(r, c) = NAN;
            }
        }
    cv::Mat1f prediction(side, side);
    cv::randn(prediction, 0.0, 0.05);
    prediction += field;
    fs::create_directories(folder / "prediction");
    scene::writeFloatGeoTiff((folder / "prediction/freeboard.tif").string(), grid, {valuesOf(prediction)}, 0.0);
    scene::writeFloatGeoTiff((folder / "swot.tif").string(), grid, {valuesOf(swot), valuesOf(distance)}, 0.0);
}

// Times one comparison in a child process; its figures go straight to stdout.
void benchOverlap(const char* self, const fs::path& folder, double pixelSize)
{
    writeOverlap(folder, pixelSize);
    const std::string command = std::string(self) + " --overlap " + folder.string() + " " + std::to_string(pixelSize);
    if (std::system(command.c_str()) != 0)
        std::fprintf(stderr, "bench_compare: %s failed\n", command.c_str());
    fs::remove_all(folder);
}

int runOverlap(const fs::path& folder, double pixelSize)
{
    app::ensureOffscreenApplication();
    const bench::Stopwatch watch;
    app::ComparisonRequest request;
    request.prediction = (folder / "prediction").string();
    request.swot = (folder / "swot.tif").string();
    const app::ComparisonSources sources = app::loadComparisonSources(request);
    const app::ComparisonOutcome outcome = app::runComparison(sources, nullptr, {});
    app::writeComparisonReport((folder / "report").string(), sources, outcome);
    const std::string suffix = pixelSize < 100.0 ? "40m" : "250m";
    bench::report(("compare_s_" + suffix).c_str(), watch.seconds());
    bench::report(("compare_peak_mb_" + suffix).c_str(), bench::peakResidentMegabytes());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_compare OUT_DIR [STEPS]\n");
        return 2;
    }
    if (std::string(argv[1]) == "--overlap" && argc > 3)
        return runOverlap(argv[2], std::atof(argv[3]));
    const fs::path folder = argv[1];
    benchOverlap(argv[0], folder / "overlap_250m", 250.0);
    benchOverlap(argv[0], folder / "overlap_40m", 40.0);

    // The demo scene: train, predict, compare with SWOT, leave each track out.
    models::configureComputeDevice();
    const std::string sceneFolder = (folder / "demo").string();
    scene::synthetic::writeSyntheticScene({}, sceneFolder);
    const scene::LoadedScene loaded = scene::readScene(sceneFolder);
    const models::ModelInputs inputs = models::gatherModelInputs(loaded.scene);
    app::ComparisonRunOptions options;
    if (argc > 2)
        options.training.steps = std::atoi(argv[2]);
    options.prediction.monteCarloSamples = 4;
    models::SeaIceModel model(models::ModelConfig{}, options.training.seed);
    model.train(inputs, options.training);
    const models::Prediction prediction = model.predict(inputs, options.prediction);
    models::writePredictionRasters(prediction, inputs.grid, loaded.scene.referenceTime(), (folder / "prediction").string());

    app::ComparisonRequest request;
    request.prediction = (folder / "prediction").string();
    for (const auto& layer : loaded.scene.layers())
        if (layer->info().sensor == "SWOT")
            request.swot = layer->info().sourceFile;
    request.scene = sceneFolder;
    models::ModelInputs sceneInputs;
    const app::ComparisonSources sources = app::loadComparisonSources(request, &sceneInputs);
    const bench::Stopwatch validation;
    const app::ComparisonOutcome outcome = app::runComparison(sources, &sceneInputs, options);
    std::printf("(leave-one-track-out and comparisons: %.0f s)\n", validation.seconds());
    app::ensureOffscreenApplication();
    app::writeComparisonReport((folder / "report").string(), sources, outcome);
    for (const auto& [name, value] : app::headlineFigures(outcome))
        bench::report(name.c_str(), value);
    return 0;
}
