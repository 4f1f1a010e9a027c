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
#include <cmath>
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

// Class shares and mean freeboard of a map streamed row band by row band.
class MapTally {
public:
    void add(const models::Prediction& rows)
    {
        for (auto c = rows.classes.begin(); c != rows.classes.end(); ++c)
            if (*c < m_classes.size())
                ++m_classes[*c];
        if (!rows.hasElevation())
            return;
        for (auto e = rows.elevation.begin(); e != rows.elevation.end(); ++e)
            if (std::isfinite(*e)) {
                m_freeboardSum += *e;
                ++m_freeboardCount;
            }
    }

    void into(ScenePrediction& out) const
    {
        const double classified = static_cast<double>(m_classes[0] + m_classes[1] + m_classes[2]);
        for (std::size_t k = 0; k < m_classes.size(); ++k)
            out.classFractions[k] = classified > 0 ? m_classes[k] / classified : 0.0;
        if (m_freeboardCount)
            out.meanFreeboard = m_freeboardSum / static_cast<double>(m_freeboardCount);
    }

private:
    std::array<std::size_t, 3> m_classes{};
    double m_freeboardSum = 0.0;
    std::size_t m_freeboardCount = 0;
};

} // namespace

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
        std::printf("truth      freeboard RMSE %.3f m, bias %+.3f m, r %.3f; IDW RMSE %.3f m, kriging RMSE %.3f m, "
                    "regression kriging on SAR brightness %.3f m\n",
                    e.elevation.rmse, e.elevation.bias, e.elevation.correlation, e.elevationIdw.rmse, e.elevationKriging.rmse,
                    e.elevationRegressionKriging.rmse);
        static const char* const surfaces[] = {"open water", "refrozen lead", "floe", "ridge"};
        for (std::size_t k = 0; k < e.elevationBySurface.scores.size(); ++k)
            std::printf("truth      freeboard on %-13s RMSE %.3f m, bias %+.3f m (%2.0f %% of the squared error); kriging %.3f m, %+.3f m (%2.0f %%)\n",
                        surfaces[k], e.elevationBySurface.scores[k].rmse, e.elevationBySurface.scores[k].bias,
                        100.0 * e.elevationBySurface.shareOfSquaredError[k], e.elevationKrigingBySurface.scores[k].rmse,
                        e.elevationKrigingBySurface.scores[k].bias, 100.0 * e.elevationKrigingBySurface.shareOfSquaredError[k]);
    }
}

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

ScenePrediction predictScene(const ScenePredictionRequest& request)
{
    // A Banquise model, or a TorchScript one (from Python or exported) by its sidecar.
    const std::shared_ptr<const models::MapModel> model = models::loadMapModel(request.model, request.torchScript);
    const models::ModelInputs inputs = loadModelInputs(request.scene, models::InputUse::Prediction);
    const double time = scene::readSceneHeader(request.scene).referenceTime();
    const bool elevation = model->hasElevation();
    // The maps go to disk band by band; they are held whole only to be
    // scored against a synthetic truth.
    const bool scored = request.evaluate && std::filesystem::exists(std::filesystem::path(request.scene) / "truth" / "surface_class.tif");
    models::PredictionRasterWriter writer(inputs.grid, time, request.out, elevation);
    MapTally tally;
    const auto predictRows = [&](const models::PredictionRowsSink& sink) {
        const models::PredictionRowsSink toDisk = [&](int firstRow, const models::Prediction& rows) {
            writer.write(firstRow, rows);
            tally.add(rows);
            if (sink)
                sink(firstRow, rows);
        };
        model->predictRows(inputs, request.options, toDisk);
    };
    const auto start = std::chrono::steady_clock::now();
    std::optional<models::Prediction> prediction;
    if (scored)
        prediction = models::collectPrediction(cv::Size(inputs.width(), inputs.height()), elevation, predictRows);
    else
        predictRows({});
    ScenePrediction out;
    out.width = inputs.width();
    out.height = inputs.height();
    out.seconds = secondsSince(start);
    std::printf("predicted  %.1f s, %.2f Mpx/s\n", out.seconds, out.width * static_cast<double>(out.height) / out.seconds / 1e6);
    out.written = writer.finish();
    for (const std::string& path : out.written)
        std::printf("wrote      %s\n", path.c_str());
    writePredictionProvenance(request.out, request.model, request.scene, time, request.options);
    tally.into(out);
    if (prediction)
        out.evaluation = models::evaluate(inputs, *prediction, scene::synthetic::readSyntheticTruth(request.scene));
    return out;
}

int predictCommand(const Arguments& args)
{
    const auto paths = leadingPaths(args);
    ScenePredictionRequest request;
    request.model = option(args, "--model", "");
    request.out = option(args, "--out", "");
    if (paths.size() != 1 || request.model.empty() || request.out.empty())
        throw std::invalid_argument("predict needs one scene folder, --model MODEL and --out DIR");
    request.scene = paths.front();
    request.torchScript = option(args, "--torchscript", "") == "yes";
    request.evaluate = option(args, "--evaluate", "yes") != "no";
    request.options.tileSize = static_cast<int>(numberOption(args, "--tile", request.options.tileSize));
    request.options.monteCarloSamples = static_cast<int>(numberOption(args, "--mc", request.options.monteCarloSamples));
    models::configureComputeDevice();
    const ScenePrediction prediction = predictScene(request);
    if (prediction.evaluation)
        printEvaluation(*prediction.evaluation);
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
