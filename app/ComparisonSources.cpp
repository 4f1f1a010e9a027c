#include "app/ComparisonSources.h"

#include "app/ModelCommands.h"
#include "models/ModelInputs.h"
#include "models/SeaIceModel.h"
#include "models/SeaIceClasses.h"
#include "scene/DriftCompensation.h"
#include "scene/GriddedRaster.h"
#include "scene/RasterLayer.h"
#include "scene/RasterOnGrid.h"
#include "scene/SceneDrift.h"
#include "scene/SceneError.h"
#include "scene/SceneReader.h"
#include "scene/SwathLayer.h"
#include "scene/SwotReader.h"
#include "scene/UtcTime.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <stdexcept>
#include <filesystem>

namespace banquise::app {

namespace fs = std::filesystem;

namespace {

cv::Mat1f matOf(const std::vector<float>& band, const scene::AnalysisGrid& grid)
{
    return cv::Mat1f(grid.height(), grid.width(), const_cast<float*>(band.data())).clone();
}

bool isNetCdf(const std::string& path)
{
    const std::string extension = fs::path(path).extension().string();
    return extension == ".nc" || extension == ".nc4";
}

std::size_t finiteCount(const cv::Mat1f& map)
{
    std::size_t n = 0;
    for (float v : map)
        n += std::isfinite(v) ? 1 : 0;
    return n;
}

std::string gridText(const scene::AnalysisGrid& g)
{
    return "EPSG:" + std::to_string(g.epsg()) + ", " + std::to_string(g.width()) + " x " + std::to_string(g.height()) + " px of "
        + std::to_string(static_cast<int>(std::lround(g.pixelSize()))) + " m";
}

// The prediction's freeboard (and classes beside it).
void readPrediction(const std::string& path, ComparisonSources& out)
{
    const fs::path folder = fs::is_directory(path) ? fs::path(path) : fs::path(path).parent_path();
    const std::string freeboard = fs::is_directory(path) ? (folder / "freeboard.tif").string() : path;
    scene::GriddedRaster raster = scene::readGriddedRaster(freeboard);
    out.grid = raster.grid;
    out.time = raster.time;
    out.estimate = matOf(raster.bands.front(), raster.grid);
    if (finiteCount(out.estimate) == 0)
        throw scene::SceneError(freeboard, "has no finite elevation");
    out.provenance.push_back({"prediction", fs::absolute(freeboard).string()});
    out.provenance.push_back({"grid", gridText(out.grid)});
    if (out.time > 0.0)
        out.provenance.push_back({"prediction time", scene::formatUtc(out.time)});
    const fs::path classFile = folder / "class.tif";
    if (fs::exists(classFile)) {
        const std::vector<std::vector<float>> classes = scene::readRasterOnGrid(classFile.string(), out.grid, "near");
        out.classes.create(out.grid.height(), out.grid.width());
        for (std::size_t i = 0; i < classes.front().size(); ++i) {
            const float v = classes.front()[i];
            out.classes.begin()[i] = std::isfinite(v) && v >= 0.0f && v < models::kClassCount ? static_cast<std::uint8_t>(v) : models::kNoClass;
        }
        out.provenance.push_back({"classes", fs::absolute(classFile).string()});
    } else {
        out.notes.push_back("no class.tif beside the prediction: no per-class rows");
    }
    // What `predict` recorded: the model, the scene, the settings.
    QFile provenance(QString::fromStdString((folder / kPredictionProvenance).string()));
    if (provenance.open(QIODevice::ReadOnly)) {
        const QJsonObject recorded = QJsonDocument::fromJson(provenance.readAll()).object();
        for (auto it = recorded.begin(); it != recorded.end(); ++it)
            out.provenance.push_back({"prediction " + it.key().toStdString(), it.value().toVariant().toString().toStdString()});
    } else {
        out.notes.push_back("no prediction.json beside the prediction: the model that made it is not recorded");
    }
}

// SWOT on the prediction's grid as a swath layer (for drift compensation).
std::shared_ptr<scene::SwathLayer> readSwot(const std::string& path, const scene::AnalysisGrid& grid, ComparisonSources& out)
{
    std::vector<std::vector<float>> bands;
    std::vector<scene::MapPolygon> sides;
    double time = 0.0;
    if (isNetCdf(path)) {
        scene::SwotOnGrid swot = scene::readSwotSwath(path, grid);
        bands.push_back(std::move(swot.height));
        if (!swot.crossTrackDistance.empty())
            bands.push_back(std::move(swot.crossTrackDistance));
        sides = std::move(swot.sides);
        time = swot.meanTime;
    } else {
        if (!fs::exists(path))
            throw scene::SceneError(path, "does not exist");
        bands = scene::readRasterOnGrid(path, grid, "near");
        bands.resize(std::min<std::size_t>(bands.size(), 2));
        time = scene::rasterAcquisitionTime(path);
    }
    out.provenance.push_back({"SWOT", fs::absolute(path).string()});
    if (time > 0.0)
        out.provenance.push_back({"SWOT time", scene::formatUtc(time)});
    scene::LayerInfo info{"SWOT", "SWOT", "m", scene::Quantity::Freeboard, time, path};
    return std::make_shared<scene::SwathLayer>(info, grid, std::move(bands), std::move(sides));
}

// SWOT brought to the scene's reference time with the drift between its two
// SAR dates; as acquired, with a note, when the scene has no such pair.
std::shared_ptr<const scene::SwathLayer> compensated(const scene::Scene& scene, std::shared_ptr<const scene::SwathLayer> swot,
                                                     ComparisonSources& out)
{
    try {
        const scene::SceneDrift drift(scene);
        out.provenance.push_back({"drift", "SWOT compensated to " + scene::formatUtc(drift.referenceTime()) + " with the drift between "
                                               + scene::formatUtc(drift.referenceTime()) + " and " + scene::formatUtc(drift.secondTime())});
        return std::dynamic_pointer_cast<const scene::SwathLayer>(drift.compensation().compensate(*swot));
    } catch (const scene::SceneError& e) {
        out.notes.push_back(std::string("SWOT not drift-compensated: ") + e.what());
        return swot;
    }
}

// The SWOT bands into the sources; refuses a swath that misses the prediction.
void takeSwot(const scene::SwathLayer& swot, const std::string& swotName, const std::string& predictionName, ComparisonSources& out)
{
    out.swot = matOf(swot.band(0), out.grid);
    if (swot.hasCrossTrackDistance())
        out.crossTrackDistance = matOf(swot.band(1), out.grid);
    else
        out.notes.push_back("the SWOT product gives no cross_track_distance: no rows by distance from nadir");
    std::size_t overlap = 0;
    for (std::size_t i = 0; i < out.swot.total(); ++i)
        overlap += std::isfinite(out.swot.begin()[i]) && std::isfinite(out.estimate.begin()[i]) ? 1 : 0;
    if (overlap == 0)
        throw scene::SceneError(swotName, "does not overlap the prediction " + predictionName + " (" + gridText(out.grid)
                                              + "): no pixel has both a SWOT and a predicted elevation");
}

void takeTruth(const std::string& sceneFolder, ComparisonSources& out)
{
    if (!sceneFolder.empty() && fs::exists(fs::path(sceneFolder) / "truth" / "freeboard.tif"))
        out.truth = scene::synthetic::readSyntheticTruth(sceneFolder).freeboard;
}

} // namespace

ComparisonSources loadComparisonSources(const ComparisonRequest& request, models::ModelInputs* inputs)
{
    ComparisonSources out;
    readPrediction(request.prediction, out);
    if (!request.scene.empty()) {
        const scene::AnalysisGrid sceneGrid = scene::readSceneHeader(request.scene).grid();
        if (!sceneGrid.sameGeometry(out.grid))
            throw scene::SceneError(request.prediction, "is not on the grid of the scene " + request.scene + " (" + gridText(out.grid)
                                                            + " against " + gridText(sceneGrid) + ")");
    }
    std::shared_ptr<const scene::SwathLayer> swot = readSwot(request.swot, out.grid, out);

    if (!request.scene.empty()) {
        const scene::LoadedScene loaded = scene::readScene(request.scene);
        out.provenance.push_back({"scene", fs::absolute(request.scene).string()});
        swot = compensated(loaded.scene, swot, out);
        models::ModelInputs gathered = models::gatherModelInputs(loaded.scene);
        if (!gathered.freeboardPrior.empty()) {
            out.kriging = gathered.freeboardPrior.clone();
            out.provenance.push_back({"kriging", "ordinary kriging of " + std::to_string(gathered.records.size()) + " records on "
                                                     + std::to_string(gathered.trackNames.size()) + " tracks"});
        }
        takeTruth(request.scene, out);
        if (inputs)
            *inputs = std::move(gathered);
    } else {
        out.notes.push_back("no scene given: SWOT compared as acquired, without drift compensation, kriging baseline or "
                            "leave-one-track-out validation");
    }

    takeSwot(*swot, request.swot, request.prediction, out);
    return out;
}

ComparisonSources comparisonSourcesOf(const scene::Scene& scene, const models::ModelInputs& inputs, const models::Prediction& prediction,
                                      const std::string& sceneFolder)
{
    if (prediction.elevation.empty())
        throw std::runtime_error("the model's prediction has no elevation map (it was trained without altimeter tracks)");
    ComparisonSources out;
    out.grid = scene.grid();
    out.time = scene.referenceTime();
    out.estimate = prediction.elevation;
    out.classes = prediction.classes;
    out.kriging = inputs.freeboardPrior;
    out.provenance.push_back({"prediction", "the model's last prediction in this window"});
    out.provenance.push_back({"grid", gridText(out.grid)});
    out.provenance.push_back({"prediction time", scene::formatUtc(out.time)});
    if (!sceneFolder.empty())
        out.provenance.push_back({"scene", fs::absolute(sceneFolder).string()});
    std::shared_ptr<const scene::SwathLayer> original;
    std::shared_ptr<const scene::SwathLayer> twin;
    for (const auto& layer : scene.layers())
        if (const auto swath = std::dynamic_pointer_cast<const scene::SwathLayer>(layer)) {
            auto& first = scene::isCompensatedName(swath->name()) ? twin : original;
            if (!first)
                first = swath;
        }
    if (!original && !twin)
        throw scene::SceneError(sceneFolder, "the scene has no SWOT swath to compare with");
    const std::shared_ptr<const scene::SwathLayer> swot = twin ? twin : compensated(scene, original, out);
    if (twin)
        out.provenance.push_back({"drift", "SWOT layer '" + twin->name() + "' (compensated by Analysis > Estimate ice drift)"});
    out.provenance.push_back({"SWOT", swot->info().sourceFile});
    out.provenance.push_back({"kriging", "ordinary kriging of " + std::to_string(inputs.records.size()) + " records on "
                                             + std::to_string(inputs.trackNames.size()) + " tracks"});
    takeSwot(*swot, swot->info().sourceFile, "of the model", out);
    takeTruth(sceneFolder, out);
    return out;
}

} // namespace banquise::app
