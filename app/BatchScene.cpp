#include "app/BatchScene.h"

#include "app/CompareCommand.h"
#include "app/ModelCommands.h"
#include "scene/Layer.h"
#include "scene/ProductCatalog.h"
#include "scene/SceneAssembly.h"
#include "scene/SceneError.h"
#include "scene/SceneReader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>
#include <filesystem>

namespace banquise::app {

namespace fs = std::filesystem;

namespace {

bool isSceneFolder(const fs::path& path)
{
    return fs::is_directory(path) && fs::exists(path / "scene.json");
}

// The scene to map: the entry's scene folder, or one made of its products in `staging`.
std::string sceneOf(const BatchEntry& entry, const BatchSettings& settings, const fs::path& staging, std::vector<std::string>& notes)
{
    for (const std::string& input : entry.inputs)
        if (!fs::exists(input))
            throw scene::SceneError(input, "no such file or folder (named by the batch manifest for scene '" + entry.name + "')");
    if (entry.inputs.size() == 1 && isSceneFolder(entry.inputs.front()))
        return entry.inputs.front();
    const scene::Detection detection = scene::detectProducts(entry.inputs);
    for (const std::string& skipped : detection.skipped)
        notes.push_back("skipped " + skipped);
    if (detection.products.empty())
        throw scene::SceneError(entry.inputs.front(), "no product Banquise recognises among the scene's " + std::to_string(entry.inputs.size())
                                                          + " input(s)" + (detection.skipped.empty() ? "" : ": " + detection.skipped.front()));
    const scene::AnalysisGrid grid = scene::gridForProducts(detection.products, settings.epsg, settings.pixelSize);
    const fs::path folder = staging / "scene";
    scene::writeSceneManifest(detection.products, grid, entry.name, folder.string());
    std::printf("ingested   %zu product(s) into %s\n", detection.products.size(), folder.c_str());
    return folder.string();
}

// The SWOT swath files the scene holds.
std::vector<std::string> swotFilesOf(const std::string& sceneFolder)
{
    const scene::LoadedScene loaded = scene::readScene(sceneFolder, nullptr, [](scene::LayerKind kind, scene::Quantity) {
        return kind == scene::LayerKind::Swath;
    });
    std::vector<std::string> files;
    for (const auto& layer : loaded.scene.layers())
        files.push_back(layer->info().sourceFile);
    return files;
}

void addPredictionFigures(const ScenePrediction& prediction, std::map<std::string, double>& figures)
{
    figures["width_px"] = prediction.width;
    figures["height_px"] = prediction.height;
    figures["predict_s"] = prediction.seconds;
    figures["floe_fraction"] = prediction.classFractions[0];
    figures["open_lead_fraction"] = prediction.classFractions[1];
    figures["refrozen_lead_fraction"] = prediction.classFractions[2];
    if (std::isfinite(prediction.meanFreeboard))
        figures["freeboard_mean_m"] = prediction.meanFreeboard;
    if (const auto& e = prediction.evaluation) {
        figures["truth_miou"] = e->segmentation.meanIou;
        if (e->elevation.count)
            figures["truth_freeboard_rmse_m"] = e->elevation.rmse;
    }
}

// Compares with each swath; the figures are the largest overlap's.
void compareWithSwot(const std::string& sceneFolder, const fs::path& staging, const BatchSettings& settings,
                     std::map<std::string, double>& figures, std::vector<std::string>& notes)
{
    const std::vector<std::string> swaths = swotFilesOf(sceneFolder);
    if (swaths.empty())
        notes.push_back("no SWOT swath in the scene: not compared");
    std::size_t best = 0;
    for (std::size_t k = 0; k < swaths.size(); ++k) {
        ComparisonRequest request{(staging / "prediction").string(), swaths[k], sceneFolder};
        ComparisonRunOptions options;
        options.leaveOneTrackOut = settings.leaveOneTrackOut;
        options.prediction = settings.prediction;
        const fs::path out = staging / (swaths.size() == 1 ? fs::path("comparison") : fs::path("comparison") / fs::path(swaths[k]).stem());
        try {
            const SceneComparison comparison = compareScene(request, options, out.string());
            for (const std::string& note : comparison.notes)
                notes.push_back(note);
            if (comparison.overall.count <= best)
                continue;
            best = comparison.overall.count;
            figures["swot_pixels"] = static_cast<double>(comparison.overall.count);
            figures["swot_bias_m"] = comparison.overall.bias;
            figures["swot_r"] = comparison.overall.correlation;
            for (const auto& [name, value] : comparison.figures)
                figures[name] = value;
        } catch (const scene::SceneError& e) {
            // A swath that misses the map is not a failure of the scene.
            notes.push_back(std::string("not compared: ") + e.what());
        }
    }
}

void writeReport(const fs::path& path, const BatchEntry& entry, const std::string& sceneFolder, const BatchSettings& settings,
                 const std::map<std::string, double>& figures, const std::vector<std::string>& notes)
{
    QJsonArray inputs;
    for (const std::string& input : entry.inputs)
        inputs.append(QString::fromStdString(input));
    QJsonObject values;
    for (const auto& [name, value] : figures)
        values.insert(QString::fromStdString(name), value);
    QJsonArray said;
    for (const std::string& note : notes)
        said.append(QString::fromStdString(note));
    const QJsonObject report{{"scene", QString::fromStdString(entry.name)},
                             {"inputs", inputs},
                             {"scene_folder", QString::fromStdString(sceneFolder)},
                             {"model", QString::fromStdString(fs::absolute(settings.model).string())},
                             {"figures", values},
                             {"notes", said}};
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(QJsonDocument(report).toJson()) < 0)
        throw scene::SceneError(path.string(), "cannot write the scene's report");
}

std::map<std::string, double> runStaged(const BatchEntry& entry, const BatchSettings& settings, const fs::path& staging, const fs::path& final,
                                        const std::function<void(const std::string&)>& stage)
{
    std::vector<std::string> notes;
    std::map<std::string, double> figures;
    stage("ingest");
    const std::string sceneFolder = sceneOf(entry, settings, staging, notes);
    stage("predict");
    ScenePredictionRequest request;
    request.scene = sceneFolder;
    request.model = settings.model;
    request.out = (staging / "prediction").string();
    request.options = settings.prediction;
    request.torchScript = settings.torchScript;
    addPredictionFigures(predictScene(request), figures);
    stage("compare");
    compareWithSwot(sceneFolder, staging, settings, figures, notes);
    stage("write");
    writeReport(staging / "report.json", entry, sceneFolder == (staging / "scene").string() ? (final / "scene").string() : sceneFolder,
                settings, figures, notes);
    fs::remove_all(final);
    fs::rename(staging, final);
    for (const std::string& note : notes)
        std::printf("note       %s\n", note.c_str());
    return figures;
}

} // namespace

std::string batchSceneFolder(const std::string& outFolder, const std::string& name)
{
    return (fs::path(outFolder) / "scenes" / name).string();
}

std::map<std::string, double> runBatchScene(const BatchEntry& entry, const BatchSettings& settings, const std::string& outFolder,
                                            const std::function<void(const std::string&)>& stage)
{
    const fs::path final = batchSceneFolder(outFolder, entry.name);
    const fs::path staging = final.string() + ".partial";
    fs::remove_all(staging); // what a killed worker left
    fs::create_directories(staging);
    try {
        return runStaged(entry, settings, staging, final, stage);
    } catch (...) {
        fs::remove_all(staging); // the log says what went wrong; a half output would only mislead
        throw;
    }
}

} // namespace banquise::app
