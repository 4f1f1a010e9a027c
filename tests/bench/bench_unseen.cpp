// Models judged on scenes they never saw (issue 19). A model is trained on
// the demo scene only (EW winter pack, seed 1, 100 km at 40 m) and scored on
// it and on three held-out scenes of other seeds and regimes, beside the
// classical baselines run on the same inputs; the same again at IW 10 m,
// with a model trained at native resolution on an IW scene. No setting is
// chosen by looking at the held-out figures: they are reported only.
// A scene folder or model file already in OUT_DIR is reused (to score a run
// again with new figures); scripts/bench starts from an empty folder.
//   bench_unseen OUT_DIR [STEPS] [ew|iw|both] [TRAININGS]
#include "BenchReport.h"
#include "FreeboardOracle.h"

#include "models/ComputeDevice.h"
#include "models/Evaluation.h"
#include "models/ModelInputs.h"
#include "models/SeaIceModel.h"
#include "scene/SceneReader.h"
#include "models/Scores.h"
#include "scene/synthetic/IceTruth.h"
#include "scene/synthetic/SyntheticScene.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

using namespace banquise;

namespace {
// The held-out scenes: fixed seeds, each in another regime than training's.
struct HeldOut {
    unsigned seed;
    const char* regime;
};
constexpr HeldOut kHeldOut[] = {{101, "winter_pack"}, {202, "marginal_ice_zone"}, {303, "refreezing_leads"}};
// Trainings (seeds 1, 2, 3) whose figures are averaged.
constexpr int kTrainings = 3;

// One scene's scores: the model's and the baselines', and the freeboard
// ceiling of classes plus kriging (oracleFreeboardRmse).
struct SceneScores {
    models::Evaluation e;
    double oracleFreeboard = 0.0;
    double oracleFreeboardSar = 0.0;
};

// Every accuracy figure of one scene by name, "<set>" standing for the
// scenes it is averaged over (train, unseen).
std::vector<std::pair<std::string, double>> figuresOf(const SceneScores& scores)
{
    const models::Evaluation& e = scores.e;
    return {{"seg_miou_<set>", e.segmentation.meanIou},
            {"seg_miou_<set>_otsu", e.segmentationOtsu.meanIou},
            {"seg_miou_<set>_kmeans", e.segmentationKMeans.meanIou},
            {"lead_iou_resolvable_<set>", e.leads.resolvableIou},
            {"lead_iou_resolvable_<set>_otsu", e.leadsOtsu.resolvableIou},
            {"lead_iou_resolvable_<set>_kmeans", e.leadsKMeans.resolvableIou},
            {"thin_lead_skeleton_recall_<set>", e.leads.thinSkeletonRecall},
            {"thin_lead_skeleton_recall_<set>_otsu", e.leadsOtsu.thinSkeletonRecall},
            {"thin_lead_skeleton_recall_<set>_kmeans", e.leadsKMeans.thinSkeletonRecall},
            {"elev_rmse_<set>_m", e.elevation.rmse},
            {"elev_rmse_<set>_kriging_m", e.elevationKriging.rmse},
            {"elev_rmse_<set>_idw_m", e.elevationIdw.rmse},
            {"elev_rmse_<set>_regkriging_m", e.elevationRegressionKriging.rmse},
            {"elev_rmse_<set>_oracle_m", scores.oracleFreeboard},
            {"elev_rmse_<set>_oracle_sar_m", scores.oracleFreeboardSar},
            {"despeckle_psnr_<set>_db", e.despecklePsnrDb},
            {"despeckle_psnr_<set>_lee_db", e.despecklePsnrLeeDb}};
}

// The model's own figures, whose spread over the trainings is reported too
// (the baselines and oracles do not depend on the training).
bool isModelFigure(const std::string& name)
{
    return name.find("_otsu") == std::string::npos && name.find("_kmeans") == std::string::npos && name.find("_kriging") == std::string::npos
        && name.find("_idw") == std::string::npos && name.find("_regkriging") == std::string::npos && name.find("_oracle") == std::string::npos
        && name.find("_lee") == std::string::npos;
}

// `scores[t][k]`: training t on scene k. Each figure is the mean over the
// scenes of a set for each training, reported as the mean over the
// trainings with the mode's suffix; a model figure also as "_sd", the
// standard deviation over the trainings of that per-training mean.
void reportMeans(const std::vector<std::vector<SceneScores>>& scores, const std::string& set, const std::string& suffix)
{
    const std::size_t figures = figuresOf(scores.front().front()).size();
    std::vector<std::vector<double>> perTraining(figures);
    for (const std::vector<SceneScores>& scenes : scores) {
        std::vector<double> sums(figures, 0.0);
        for (const SceneScores& scene : scenes) {
            const auto values = figuresOf(scene);
            for (std::size_t f = 0; f < figures; ++f)
                sums[f] += values[f].second;
        }
        for (std::size_t f = 0; f < figures; ++f)
            perTraining[f].push_back(sums[f] / static_cast<double>(scenes.size()));
    }
    const auto names = figuresOf(scores.front().front());
    for (std::size_t f = 0; f < figures; ++f) {
        std::string name = names[f].first;
        name.replace(name.find("<set>"), 5, set);
        const std::vector<double>& v = perTraining[f];
        double mean = 0.0;
        for (const double x : v)
            mean += x / static_cast<double>(v.size());
        bench::report((name + suffix).c_str(), mean);
        if (v.size() > 1 && isModelFigure(name)) {
            double squares = 0.0;
            for (const double x : v)
                squares += (x - mean) * (x - mean);
            bench::report((name + suffix + "_sd").c_str(), std::sqrt(squares / static_cast<double>(v.size() - 1)));
        }
    }
}

void writeSceneOnce(const scene::synthetic::SynthOptions& options, const std::string& folder)
{
    if (!std::filesystem::exists(folder + "/scene.json"))
        scene::synthetic::writeSyntheticScene(options, folder);
}

// Every model scored on one scene: its inputs, truth and the freeboard
// ceilings (oracleFreeboardRmse) are made once.
std::vector<SceneScores> scoreOn(const std::vector<models::SeaIceModel>& trained, const std::string& folder)
{
    const models::ModelInputs inputs = models::gatherModelInputs(scene::readScene(folder).scene);
    const scene::synthetic::SyntheticTruth truth = scene::synthetic::readSyntheticTruth(folder);
    const double oracle = bench::oracleFreeboardRmse(inputs, folder);
    const double oracleSar = bench::oracleFreeboardWithSarRmse(inputs, folder);
    std::vector<SceneScores> scores;
    for (std::size_t t = 0; t < trained.size(); ++t) {
        const models::Evaluation e = models::evaluate(inputs, trained[t].predict(inputs, {}), truth);
        std::fprintf(stderr,
                     "  %-40s seed %zu  mIoU %.3f (Otsu %.3f, k-means %.3f)  leads >=3 cells IoU %.3f (%.3f, %.3f)  thin recall %.3f (%.3f, %.3f)  "
                     "freeboard %.3f m (kriging %.3f, IDW %.3f, regression kriging %.3f, oracle %.3f, with SAR %.3f)  PSNR %.2f dB (Lee %.2f)\n",
                     folder.c_str(), t + 1, e.segmentation.meanIou, e.segmentationOtsu.meanIou, e.segmentationKMeans.meanIou, e.leads.resolvableIou,
                     e.leadsOtsu.resolvableIou, e.leadsKMeans.resolvableIou, e.leads.thinSkeletonRecall, e.leadsOtsu.thinSkeletonRecall,
                     e.leadsKMeans.thinSkeletonRecall, e.elevation.rmse, e.elevationKriging.rmse, e.elevationIdw.rmse,
                     e.elevationRegressionKriging.rmse, oracle, oracleSar, e.despecklePsnrDb, e.despecklePsnrLeeDb);
        scores.push_back({e, oracle, oracleSar});
    }
    return scores;
}

// Trains `trainings` models (seeds 1, 2, ...) on `training` and scores
// them on it and on the held-out scenes of `heldOutKm`, same mode; figures
// get `suffix`. One training's held-out figures move by more than the
// differences worth measuring (EW marginal ice zone mIoU 0.51 with seed 1,
// 0.27 with seed 2), so the figures are means over the trainings.
void judge(const scene::synthetic::SynthOptions& training, double heldOutKm, int steps, int trainings, const std::string& folder,
           const std::string& suffix)
{
    const std::string trainFolder = folder + "/train" + suffix;
    writeSceneOnce(training, trainFolder);
    std::vector<models::SeaIceModel> trained;
    double trainSeconds = 0.0;
    int timed = 0;
    for (int t = 0; t < trainings; ++t) {
        models::TrainingOptions options;
        if (steps > 0)
            options.steps = steps;
        options.seed = static_cast<unsigned>(t + 1);
        // The first training keeps the name the other benchmarks read.
        const std::string modelFile = folder + "/model" + suffix + (t == 0 ? "" : "-seed" + std::to_string(t + 1)) + ".pt";
        models::SeaIceModel model(models::ModelConfig{}, options.seed);
        if (std::filesystem::exists(modelFile)) {
            model = models::SeaIceModel::load(modelFile);
        } else {
            const models::ModelInputs inputs = models::gatherModelInputs(scene::readScene(trainFolder).scene);
            const bench::Stopwatch clock;
            model.train(inputs, options);
            trainSeconds += clock.seconds();
            ++timed;
            model.save(modelFile);
        }
        std::fprintf(stderr, "  seed %d: ridge excess learned on the training scene: %.2f +- %.2f m from %d records%s\n", t + 1,
                     model.ridgeExcess().metres, model.ridgeExcess().sigma, model.ridgeExcess().records,
                     model.ridgeExcess().measured() ? "" : " (not used)");
        trained.push_back(std::move(model));
    }
    if (timed > 0)
        bench::report(("unseen_train_s" + suffix).c_str(), trainSeconds / timed);

    std::vector<std::vector<SceneScores>> onTrain(trained.size()), onUnseen(trained.size());
    const std::vector<SceneScores> trainScores = scoreOn(trained, trainFolder);
    for (std::size_t t = 0; t < trained.size(); ++t)
        onTrain[t].push_back(trainScores[t]);
    reportMeans(onTrain, "train", suffix);
    for (const HeldOut& h : kHeldOut) {
        scene::synthetic::SynthOptions o;
        o.useMode(training.mode);
        o.seed = h.seed;
        o.regime = h.regime;
        o.sizeKm = heldOutKm;
        const std::string heldOutFolder = folder + "/" + h.regime + "-" + std::to_string(h.seed) + suffix;
        writeSceneOnce(o, heldOutFolder);
        const std::vector<SceneScores> scores = scoreOn(trained, heldOutFolder);
        for (std::size_t t = 0; t < trained.size(); ++t)
            onUnseen[t].push_back(scores[t]);
    }
    reportMeans(onUnseen, "unseen", suffix);
}
} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_unseen OUT_DIR [STEPS] [ew|iw|both] [TRAININGS]\n");
        return 2;
    }
    const std::string folder = argv[1];
    const int steps = argc > 2 ? std::atoi(argv[2]) : 0;
    const std::string modes = argc > 3 ? argv[3] : "both";
    const int trainings = argc > 4 ? std::max(1, std::atoi(argv[4])) : kTrainings;
    models::configureComputeDevice();

    // EW GRDM at 40 m: the demo scene trains, 50 km held-out scenes test.
    if (modes != "iw")
        judge(scene::synthetic::SynthOptions{}, 50.0, steps, trainings, folder, "");
    if (modes == "ew")
        return 0;

    // IW GRDH at 10 m, trained and predicted at native resolution: a 25 km
    // scene (2500 x 2500 px, as many as the demo) trains, 12.5 km scenes test.
    scene::synthetic::SynthOptions iw;
    iw.useMode("iw");
    iw.sizeKm = 25.0;
    judge(iw, 12.5, steps, trainings, folder, "_iw");
    return 0;
}
