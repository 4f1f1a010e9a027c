// banquise-cli: the headless entry point. Same library calls as the GUI.
#include "app/ActiveLearningCommand.h"
#include "app/BatchCommand.h"
#include "app/CliOptions.h"
#include "app/CompareCommand.h"
#include "app/DriftCommand.h"
#include "app/LabelCommands.h"
#include "app/ModelCommands.h"
#include "app/SceneSummary.h"
#include "models/ComputeDevice.h"
#include "models/PredictionMaps.h"
#include "scene/ProductCatalog.h"
#include "scene/PyramidLayer.h"
#include "scene/RasterPyramid.h"
#include "scene/SceneAssembly.h"
#include "scene/SceneReader.h"
#include "scene/Sentinel1Bursts.h"
#include "scene/UtcTime.h"
#include "scene/synthetic/SyntheticScene.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

using namespace banquise;
using banquise::app::Arguments;
using banquise::app::leadingPaths;
using banquise::app::numberOption;
using banquise::app::option;
using banquise::app::realOption;

namespace {

const char* kUsage =
    "usage: banquise-cli <command> [options]\n"
    "commands:\n"
    "  info SCENE                      describe a scene folder: grid, layers, times, value ranges\n"
    "  synth --out DIR [--mode ew|iw] [--regime NAME | --params FILE] [--seed N] [--size-km K]\n"
    "        [--pixel-size M] [--truth-pixel-size M] [--looks L]\n"
    "        [--drift-east M] [--drift-north M] [--rotation DEG] [--divergence D]\n"
    "        [--altimeter-noise-factor F] [--swot-noise M] [--amsr-noise P] [--buoys N] [--buoy-gps-noise M]\n"
    "        [--sar-time T] [--sar2-time T] [--sar-dates N] [--s2-time T] [--amsr-time T]\n"
    "        [--cryosat-time T] [--s3-time T] [--saral-time T] [--swot-time T]\n"
    "                                  write a synthetic multi-sensor scene with its truth (drawn finer\n"
    "                                  than the SAR); regimes: winter_pack (default), marginal_ice_zone,\n"
    "                                  refreezing_leads, or a parameter file with the same keys\n"
    "  drift SCENE [--vectors CSV] [--buoys FILE...]\n"
    "                                  estimate the ice drift between the scene's first two SAR dates (and,\n"
    "                                  with more dates, chained date to date from the first to each); scored\n"
    "                                  against the truth when the scene has one, and against every buoy\n"
    "                                  (IABP CSV, CF trajectory netCDF) inside the scene during the pair\n"
    "  pyramids SCENE [--prediction DIR]\n"
    "                                  build the display pyramids of the scene's rasters (and of a prediction\n"
    "                                  folder's maps) in its cache/ (tiled, with overviews): what the window\n"
    "                                  reads for scenes too large to hold, such as IW at 10 m; built once,\n"
    "                                  reused while the inputs stay\n"
    "  detect PATH...                  list the products Banquise recognises in files and folders\n"
    "  bursts SAFE [--swath IW1] [--polarisation VV]\n"
    "                                  list the bursts of a TOPS SLC sub-swath (times, valid lines and samples)\n"
    "  ingest PATH... --out FOLDER [--epsg CODE] [--pixel-size M]\n"
    "                                  make a scene of those products (grid from the SAR footprint)\n"
    "  device [--peak yes]             show the compute device and run a self-test; with --peak, its\n"
    "                                  measured peak (matrix product and convolution, GFLOP/s)\n"
    "  train SCENE --out MODEL [--steps N] [--crop PX] [--batch N] [--seed S] [--checkpoint PATH]\n"
    "                                  train the SAR features, floe/lead and freeboard models\n"
    "  predict SCENE --model MODEL --out DIR [--tile PX] [--mc N] [--torchscript yes] [--evaluate no]\n"
    "                                  write class, probability, entropy, freeboard, thickness and\n"
    "                                  uncertainty GeoTIFFs, streamed band by band (grids of any size);\n"
    "                                  scored against the truth when there is one (unless --evaluate no);\n"
    "                                  a MODEL ending in .ts (or --torchscript yes) is a TorchScript model\n"
    "  export MODEL --out FILE.ts      write a model as TorchScript with its JSON sidecar\n"
    "  label-export SCENE --project P --out FILE.tif|FILE.gpkg\n"
    "                                  write the scene's labels as a class GeoTIFF or GeoPackage polygons\n"
    "  label-import SCENE --project P --file FILE\n"
    "                                  add labels from a GeoPackage, shapefile or GeoTIFF mask (any CRS)\n"
    "  al-simulate SCENE --out DIR [--protocol objects,pixels,tiles|all] [--strategy random|entropy|margin|bald|all]\n"
    "        [--seeds N] [--model MODEL | --steps N] [--seed S] [--fine-tune-steps N]\n"
    "        [--pixel-tile PX] [--pixel-held-out N] [--initial-pixels N] [--pixels-per-round N] [--max-pixels N]\n"
    "        [--rounds R] [--clicks-per-tile K] [--tiles-per-round T] [--tile PX] [--held-out N] [--diversity W] [--density W]\n"
    "                                  the labelling protocols on a scene with truth: clicks per object\n"
    "                                  (NoC@85/90 beside a paint control), pixels the model asks for\n"
    "                                  (PixelPick, beside random and dense labels), DIAL's tile rounds\n"
    "  compare --prediction P --swot S --out DIR [--scene SCENE] [--loto no] [--loto-steps N]\n"
    "                                  validate an elevation map (freeboard.tif or a predict folder) against\n"
    "                                  SWOT (L2 LR netCDF or raster): maps, plots, metrics (CSV, JSON) and\n"
    "                                  report.html; with the scene: drift compensation, the kriging baseline,\n"
    "                                  leave-one-track-out validation and, for synthetic scenes, the truth\n"
    "  batch --manifest M --out DIR --model MODEL [--jobs N] [--mc N] [--tile PX] [--loto yes]\n"
    "        [--epsg CODE] [--pixel-size M] [--status] [--scene NAME]\n"
    "        [--slurm [--cpus N] [--mem 8G] [--gpus N] [--partition P] [--time T] [--max-tasks N]]\n"
    "                                  map a season: each scene of the manifest (a line 'NAME PATH...', a\n"
    "                                  scene folder or products to ingest) is predicted and compared with\n"
    "                                  its SWOT swaths in its own worker process; per-scene state in\n"
    "                                  DIR/batch.sqlite, so a rerun skips done scenes and redoes failed or\n"
    "                                  half-done ones; outputs in DIR/scenes/NAME, DIR/summary.csv;\n"
    "                                  --status shows where each scene stands, --scene runs one in-process;\n"
    "                                  --slurm submits a job array, a task per scene (docs/batch.md)\n";

int synth(const Arguments& args)
{
    const std::string out = option(args, "--out", "");
    if (out.empty())
        throw std::invalid_argument("synth needs --out DIR");
    scene::synthetic::SynthOptions o;
    o.useMode(option(args, "--mode", o.mode));
    o.regime = option(args, "--regime", o.regime);
    if (const std::string params = option(args, "--params", ""); !params.empty()) {
        if (!option(args, "--regime", "").empty())
            throw std::invalid_argument("synth takes --regime or --params, not both");
        o.world = scene::synthetic::loadWorldParameters(params);
    }
    o.truthPixelSize = realOption(args, "--truth-pixel-size", o.truthPixelSize);
    o.seed = static_cast<unsigned>(numberOption(args, "--seed", o.seed));
    o.sizeKm = realOption(args, "--size-km", o.sizeKm);
    o.pixelSize = realOption(args, "--pixel-size", o.pixelSize);
    o.sarLooks = realOption(args, "--looks", o.sarLooks);
    o.driftEastMetresPerDay = realOption(args, "--drift-east", o.driftEastMetresPerDay);
    o.driftNorthMetresPerDay = realOption(args, "--drift-north", o.driftNorthMetresPerDay);
    o.rotationDegreesPerDay = realOption(args, "--rotation", o.rotationDegreesPerDay);
    o.divergencePerDay = realOption(args, "--divergence", o.divergencePerDay);
    o.altimeterNoiseFactor = realOption(args, "--altimeter-noise-factor", o.altimeterNoiseFactor);
    o.swotNoiseMetres = realOption(args, "--swot-noise", o.swotNoiseMetres);
    o.buoys = static_cast<int>(numberOption(args, "--buoys", o.buoys));
    o.buoyGpsNoiseMetres = realOption(args, "--buoy-gps-noise", o.buoyGpsNoiseMetres);
    o.amsrNoisePercent = realOption(args, "--amsr-noise", o.amsrNoisePercent);
    o.sarTime = option(args, "--sar-time", o.sarTime);
    o.sarSecondTime = option(args, "--sar2-time", o.sarSecondTime);
    o.sarDates = static_cast<int>(numberOption(args, "--sar-dates", o.sarDates));
    o.sentinel2Time = option(args, "--s2-time", o.sentinel2Time);
    o.amsrTime = option(args, "--amsr-time", o.amsrTime);
    o.cryosatTime = option(args, "--cryosat-time", o.cryosatTime);
    o.sentinel3Time = option(args, "--s3-time", o.sentinel3Time);
    o.saralTime = option(args, "--saral-time", o.saralTime);
    o.swotTime = option(args, "--swot-time", o.swotTime);
    const auto products = scene::synthetic::writeSyntheticScene(o, out);
    std::printf("synthetic scene written to %s\n  Sentinel-1  %s\n  Sentinel-1  %s\n  Sentinel-2  %s\n  AMSR-2      %s\n  SWOT        %s\n",
                out.c_str(), products.sar.c_str(), products.sarSecond.c_str(), products.sentinel2.c_str(), products.amsr2.c_str(),
                products.swot.c_str());
    for (const std::string& later : products.sarLater)
        std::printf("  Sentinel-1  %s\n", later.c_str());
    for (const std::string& track : products.altimeters)
        std::printf("  altimeter   %s\n", track.c_str());
    return 0;
}

void printDetection(const scene::Detection& detection)
{
    for (const auto& p : detection.products)
        std::printf("  %-15s %-16s %-20s %-32s %s\n", p.kind.c_str(), p.sensor.c_str(),
                    p.time > 0.0 ? scene::formatUtc(p.time).c_str() : "-", p.detail.substr(0, 32).c_str(), p.path.c_str());
    for (const auto& s : detection.skipped)
        std::printf("  skipped: %s\n", s.c_str());
}

int detect(const Arguments& args)
{
    const auto paths = leadingPaths(args);
    if (paths.empty())
        throw std::invalid_argument("detect needs files or folders");
    const scene::Detection detection = scene::detectProducts(paths);
    std::printf("%zu product(s) recognised\n", detection.products.size());
    printDetection(detection);
    return detection.products.empty() ? 1 : 0;
}

// The bursts of one sub-swath of a TOPS SLC product.
int bursts(const Arguments& args)
{
    const auto paths = leadingPaths(args);
    if (paths.size() != 1)
        throw std::invalid_argument("bursts needs one SLC SAFE folder");
    const std::string swath = option(args, "--swath", "IW1");
    const std::string polarisation = option(args, "--polarisation", "VV");
    const scene::Sentinel1SwathFiles files = scene::sentinel1SwathFiles(paths.front(), swath, polarisation);
    const auto list = scene::readSentinel1Bursts(files.annotation);
    std::printf("%zu bursts in %s %s (%s)\n", list.size(), swath.c_str(), polarisation.c_str(), files.measurement.c_str());
    for (const auto& b : list)
        std::printf("  burst %d  %s  lines %d-%d  valid lines %d-%d, samples %d-%d\n", b.index, scene::formatUtc(b.azimuthTime).c_str(),
                    b.firstLine, b.firstLine + b.lines - 1, b.valid.y, b.valid.y + b.valid.height - 1, b.valid.x,
                    b.valid.x + b.valid.width - 1);
    return 0;
}

int ingest(const Arguments& args)
{
    const auto paths = leadingPaths(args);
    const std::string out = option(args, "--out", "");
    if (paths.empty() || out.empty())
        throw std::invalid_argument("ingest needs files or folders and --out FOLDER");
    const scene::Detection detection = scene::detectProducts(paths);
    printDetection(detection);
    const scene::AnalysisGrid grid = scene::gridForProducts(detection.products, static_cast<int>(numberOption(args, "--epsg", 3413)),
                                                            realOption(args, "--pixel-size", 40.0));
    scene::writeSceneManifest(detection.products, grid, std::filesystem::path(out).filename().string(), out);
    std::printf("scene written to %s (EPSG:%d, %d x %d px of %.0f m)\n", out.c_str(), grid.epsg(), grid.width(), grid.height(),
                grid.pixelSize());
    return 0;
}

int info(const Arguments& args)
{
    if (args.empty())
        throw std::invalid_argument("info needs a scene folder");
    std::fputs(app::sceneSummary(scene::readScene(args.front())).c_str(), stdout);
    return 0;
}

int pyramids(const Arguments& args)
{
    if (args.empty())
        throw std::invalid_argument("pyramids needs a scene folder");
    const auto start = std::chrono::steady_clock::now();
    // Every raster, whatever the grid's size: one cell is "large".
    const scene::LoadedScene loaded = scene::readScene(args.front(), nullptr, [](scene::LayerKind kind, scene::Quantity) {
        return kind == scene::LayerKind::Raster;
    }, 1);
    std::vector<std::shared_ptr<const scene::Layer>> layers = loaded.scene.layers();
    if (const std::string prediction = option(args, "--prediction", ""); !prediction.empty())
        for (const scene::AddedMap& map : models::predictionMaps(prediction))
            layers.push_back(scene::readAddedMap(map, args.front(), loaded.scene.grid(), 1));
    for (const auto& layer : layers)
        if (const auto pyramid = std::dynamic_pointer_cast<const scene::PyramidLayer>(layer))
            std::printf("%-28s %d levels  %s\n", layer->name().c_str(), pyramid->pyramid().levelCount(), pyramid->pyramid().file().c_str());
    for (const auto& skipped : loaded.skippedLayers)
        std::fprintf(stderr, "banquise-cli: layer skipped: %s\n", skipped.c_str());
    std::printf("pyramids ready in %.1f s\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return loaded.skippedLayers.empty() ? 0 : 1;
}

int device(const Arguments& args)
{
    const models::ComputeDevice d = models::configureComputeDevice();
    const double error = models::selfTest(d);
    std::printf("device     %s\nself-test  max error %.3g (%s)\n", d.description.c_str(), error, error == 0.0 ? "ok" : "FAILED");
    if (option(args, "--peak", "no") == "yes") {
        // A slow matrix product beside a fast convolution means an unoptimised system BLAS.
        const models::PeakGflops peak = models::measurePeakGflops(d);
        std::printf("peak       %.1f GFLOP/s (matrix product %.1f, 64-channel convolution %.1f)\n", peak.best(), peak.matmul,
                    peak.convolution);
    }
    return error == 0.0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    const std::map<std::string, std::function<int(const Arguments&)>> commands{
        {"info", info}, {"synth", synth}, {"drift", app::driftCommand}, {"pyramids", pyramids}, {"detect", detect}, {"bursts", bursts}, {"ingest", ingest}, {"device", device},
        {"train", app::trainCommand}, {"predict", app::predictCommand},
        {"export", app::exportCommand}, {"label-export", app::labelExportCommand}, {"label-import", app::labelImportCommand},
        {"al-simulate", app::activeLearningSimulationCommand}, {"compare", app::compareCommand}, {"batch", app::batchCommand}};
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const auto command = commands.find(argv[1]);
    if (command == commands.end()) {
        std::fprintf(stderr, "banquise-cli: unknown command '%s'\n%s", argv[1], kUsage);
        return 2;
    }
    try {
        return command->second(Arguments(argv + 2, argv + argc));
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "banquise-cli: %s\n%s", e.what(), kUsage);
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "banquise-cli: %s\n", e.what());
        return 1;
    }
}
