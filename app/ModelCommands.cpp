#include "app/ModelCommands.h"

#include "app/SceneInputs.h"
#include "models/ComputeDevice.h"
#include "models/Evaluation.h"
#include "models/ModelInputs.h"
#include "models/PredictionRasters.h"
#include "models/MapModel.h"
#include "models/SeaIceModel.h"
#include "models/TorchScriptModel.h"
#include "scene/SceneReader.h"
#include "scene/UtcTime.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>

namespace banquise::app {

namespace {

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void printEvaluation(const models::Evaluation& e)
{
    const auto& s = e.segmentation;
    const auto& o = e.segmentationOtsu;
    std::printf("truth      segmentation mIoU %.3f (floe %.3f, open lead %.3f, refrozen lead %.3f); Otsu baseline %.3f\n", s.meanIou,
                s.iou[models::kFloe], s.iou[models::kOpenLead], s.iou[models::kRefrozenLead], o.meanIou);
    std::printf("truth      entropy on wrong pixels %.3f, on right pixels %.3f nats\n", e.entropyWrong, e.entropyRight);
    std::printf("truth      despeckling PSNR %.2f dB (bias %+.2f dB); Lee %.2f dB (bias %+.2f dB)\n", e.despecklePsnrDb, e.despeckleBiasDb,
                e.despecklePsnrLeeDb, e.despeckleBiasLeeDb);
    if (e.inputEnl > 0.0)
        std::printf("truth      ENL on uniform floes %.1f; Lee %.1f; input %.1f\n", e.despeckleEnl, e.despeckleEnlLee, e.inputEnl);
    if (e.elevation.count) {
        std::printf("truth      freeboard RMSE %.3f m, bias %+.3f m, r %.3f; IDW RMSE %.3f m, kriging RMSE %.3f m\n", e.elevation.rmse,
                    e.elevation.bias, e.elevation.correlation, e.elevationIdw.rmse, e.elevationKriging.rmse);
        static const char* const surfaces[] = {"open water", "refrozen lead", "floe", "ridge"};
        for (std::size_t k = 0; k < e.elevationBySurface.scores.size(); ++k)
            std::printf("truth      freeboard on %-13s RMSE %.3f m, bias %+.3f m (%2.0f %% of the squared error); kriging %.3f m, %+.3f m (%2.0f %%)\n",
                        surfaces[k], e.elevationBySurface.scores[k].rmse, e.elevationBySurface.scores[k].bias,
                        100.0 * e.elevationBySurface.shareOfSquaredError[k], e.elevationKrigingBySurface.scores[k].rmse,
                        e.elevationKrigingBySurface.scores[k].bias, 100.0 * e.elevationKrigingBySurface.shareOfSquaredError[k]);
    }
}

// prediction.json beside the maps: which model made them from which scene,
// how; the comparison report quotes it.
void writePredictionProvenance(const std::string& folder, const std::string& model, const std::string& scene, double time,
                               const models::PredictionOptions& options)
{
    namespace fs = std::filesystem;
    const QJsonObject provenance{{"model", QString::fromStdString(fs::absolute(model).string())},
                                 {"scene", QString::fromStdString(fs::absolute(scene).string())},
                                 {"reference_time", QString::fromStdString(scene::formatUtc(time))},
                                 {"written", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                                 {"tile_px", options.tileSize},
                                 {"monte_carlo_samples", options.monteCarloSamples}};
    const std::string path = (fs::path(folder) / kPredictionProvenance).string();
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(QJsonDocument(provenance).toJson()) < 0)
        throw std::runtime_error(path + ": cannot write the prediction's provenance");
    std::printf("wrote      %s\n", path.c_str());
}

} // namespace

int trainCommand(const Arguments& args)
{
    const auto paths = leadingPaths(args);
    const std::string out = option(args, "--out", "");
    if (paths.size() != 1 || out.empty())
        throw std::invalid_argument("train needs one scene folder and --out MODEL");
    const models::ComputeDevice device = models::configureComputeDevice();
    std::printf("device     %s\n", device.description.c_str());
    const models::ModelInputs inputs = loadModelInputs(paths.front());
    models::TrainingOptions options;
    options.steps = static_cast<int>(numberOption(args, "--steps", options.steps));
    options.cropSize = static_cast<int>(numberOption(args, "--crop", options.cropSize));
    options.batchSize = static_cast<int>(numberOption(args, "--batch", options.batchSize));
    options.seed = static_cast<unsigned>(numberOption(args, "--seed", options.seed));
    options.checkpointPath = option(args, "--checkpoint", "");
    models::SeaIceModel model(models::ModelConfig{}, options.seed);
    const auto start = std::chrono::steady_clock::now();
    model.train(inputs, options, [&](const models::TrainingProgress& p) {
        if (p.step % 25 == 0 || p.step == p.steps)
            std::printf("step %4d/%d  loss %.4f  (concentration %.4f, optical %.4f, altimeter %.4f, sea level %.4f, speckle %.4f)  %.0f s\n",
                        p.step, p.steps, p.total, p.concentration, p.optical, p.altimeter, p.seaLevel, p.speckle, secondsSince(start));
        std::fflush(stdout);
    });
    model.save(out);
    if (const models::RidgeExcess& ridges = model.ridgeExcess(); ridges.known())
        std::printf("ridges     %.2f +- %.2f m above the level ice, from the %d records whose footprint holds one%s\n", ridges.metres,
                    ridges.sigma, ridges.records, ridges.measured() ? "" : " (not measured: within two sigmas of zero, ridges not raised)");
    std::printf("model      %s (%.0f s)\n", out.c_str(), secondsSince(start));
    return 0;
}

int predictCommand(const Arguments& args)
{
    const auto paths = leadingPaths(args);
    const std::string modelPath = option(args, "--model", "");
    const std::string out = option(args, "--out", "");
    if (paths.size() != 1 || modelPath.empty() || out.empty())
        throw std::invalid_argument("predict needs one scene folder, --model MODEL and --out DIR");
    models::configureComputeDevice();
    // A Banquise model, or a TorchScript one (from Python or exported) by its sidecar.
    const std::shared_ptr<const models::MapModel> model = models::loadMapModel(modelPath, option(args, "--torchscript", "") == "yes");
    const models::ModelInputs inputs = loadModelInputs(paths.front(), models::InputUse::Prediction);
    models::PredictionOptions options;
    options.tileSize = static_cast<int>(numberOption(args, "--tile", options.tileSize));
    options.monteCarloSamples = static_cast<int>(numberOption(args, "--mc", options.monteCarloSamples));
    const double time = scene::readSceneHeader(paths.front()).referenceTime();
    const bool elevation = model->hasElevation();
    // The maps go to disk band by band; they are held whole only to be
    // scored against a synthetic truth.
    const bool scored = option(args, "--evaluate", "yes") != "no"
                        && std::filesystem::exists(std::filesystem::path(paths.front()) / "truth" / "surface_class.tif");
    models::PredictionRasterWriter writer(inputs.grid, time, out, elevation);
    const auto predictRows = [&](const models::PredictionRowsSink& sink) {
        const models::PredictionRowsSink toDisk = [&](int firstRow, const models::Prediction& rows) {
            writer.write(firstRow, rows);
            if (sink)
                sink(firstRow, rows);
        };
        model->predictRows(inputs, options, toDisk);
    };
    const auto start = std::chrono::steady_clock::now();
    std::optional<models::Prediction> prediction;
    if (scored)
        prediction = models::collectPrediction(cv::Size(inputs.width(), inputs.height()), elevation, predictRows);
    else
        predictRows({});
    const double seconds = secondsSince(start);
    std::printf("predicted  %.1f s, %.2f Mpx/s\n", seconds, inputs.width() * static_cast<double>(inputs.height()) / seconds / 1e6);
    for (const std::string& path : writer.finish())
        std::printf("wrote      %s\n", path.c_str());
    writePredictionProvenance(out, modelPath, paths.front(), time, options);
    if (prediction)
        printEvaluation(models::evaluate(inputs, *prediction, scene::synthetic::readSyntheticTruth(paths.front())));
    return 0;
}

int exportCommand(const Arguments& args)
{
    const auto paths = leadingPaths(args);
    const std::string out = option(args, "--out", "");
    if (paths.size() != 1 || out.empty())
        throw std::invalid_argument("export needs one model and --out FILE");
    models::exportTorchScript(models::SeaIceModel::load(paths.front()), out);
    std::printf("TorchScript model written to %s (sidecar %s.json)\n", out.c_str(), out.c_str());
    return 0;
}

} // namespace banquise::app
