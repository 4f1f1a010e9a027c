// Models judged on scenes they never saw (issue 19). A model is trained on
// the demo scene only (EW winter pack, seed 1, 100 km at 40 m) and scored on
// it and on three held-out scenes of other seeds and regimes, beside the
// classical baselines run on the same inputs; the same again at IW 10 m,
// with a model trained at native resolution on an IW scene. No setting is
// chosen by looking at the held-out figures: they are reported only.
// A scene folder or model file already in OUT_DIR is reused (to score a run
// again with new figures); scripts/bench starts from an empty folder.
//   bench_unseen OUT_DIR [STEPS] [ew|iw|both]
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

// Every accuracy figure of one scene by name, "<set>" standing for the
// scenes it is averaged over (train, unseen).
// One scene's scores: the model's and the baselines', and the freeboard
// ceiling of classes plus kriging (oracleFreeboardRmse).
struct SceneScores {
    models::Evaluation e;
    double oracleFreeboard = 0.0;
    double oracleFreeboardSar = 0.0;
};

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

// The mean of each figure over the scenes of a set, reported with the
// mode's suffix.
void reportMeans(const std::vector<SceneScores>& scenes, const std::string& set, const std::string& suffix)
{
    std::vector<std::pair<std::string, double>> sums = figuresOf(scenes.front());
    for (std::size_t k = 1; k < scenes.size(); ++k) {
        const auto more = figuresOf(scenes[k]);
        for (std::size_t f = 0; f < sums.size(); ++f)
            sums[f].second += more[f].second;
    }
    for (auto [name, sum] : sums) {
        name.replace(name.find("<set>"), 5, set);
        bench::report((name + suffix).c_str(), sum / static_cast<double>(scenes.size()));
    }
}

void writeSceneOnce(const scene::synthetic::SynthOptions& options, const std::string& folder)
{
    if (!std::filesystem::exists(folder + "/scene.json"))
        scene::synthetic::writeSyntheticScene(options, folder);
}

SceneScores scoreOn(const models::SeaIceModel& model, const std::string& folder)
{
    const models::ModelInputs inputs = models::gatherModelInputs(scene::readScene(folder).scene);
    const models::Evaluation e = models::evaluate(inputs, model.predict(inputs, {}), scene::synthetic::readSyntheticTruth(folder));
    const double oracle = bench::oracleFreeboardRmse(inputs, folder);
    const double oracleSar = bench::oracleFreeboardWithSarRmse(inputs, folder);
    std::fprintf(stderr,
                 "  %-40s mIoU %.3f (Otsu %.3f, k-means %.3f)  leads >=3 cells IoU %.3f (%.3f, %.3f)  thin recall %.3f (%.3f, %.3f)  "
                 "freeboard %.3f m (kriging %.3f, IDW %.3f, regression kriging %.3f, oracle %.3f, with SAR %.3f)  PSNR %.2f dB (Lee %.2f)\n",
                 folder.c_str(), e.segmentation.meanIou, e.segmentationOtsu.meanIou, e.segmentationKMeans.meanIou, e.leads.resolvableIou,
                 e.leadsOtsu.resolvableIou, e.leadsKMeans.resolvableIou, e.leads.thinSkeletonRecall, e.leadsOtsu.thinSkeletonRecall,
                 e.leadsKMeans.thinSkeletonRecall, e.elevation.rmse, e.elevationKriging.rmse, e.elevationIdw.rmse, e.elevationRegressionKriging.rmse, oracle, oracleSar,
                 e.despecklePsnrDb, e.despecklePsnrLeeDb);
    return {e, oracle, oracleSar};
}

// Trains on `training` and scores on it and on the held-out scenes of
// `heldOutKm`, same mode; figures get `suffix`.
void judge(const scene::synthetic::SynthOptions& training, double heldOutKm, int steps, const std::string& folder,
           const std::string& suffix)
{
    const std::string trainFolder = folder + "/train" + suffix;
    writeSceneOnce(training, trainFolder);
    const std::string modelFile = folder + "/model" + suffix + ".pt";
    models::TrainingOptions options;
    if (steps > 0)
        options.steps = steps;
    models::SeaIceModel model(models::ModelConfig{}, options.seed);
    if (std::filesystem::exists(modelFile)) {
        model = models::SeaIceModel::load(modelFile);
    } else {
        const models::ModelInputs inputs = models::gatherModelInputs(scene::readScene(trainFolder).scene);
        const bench::Stopwatch clock;
        model.train(inputs, options);
        bench::report(("unseen_train_s" + suffix).c_str(), clock.seconds());
    }
    std::fprintf(stderr, "  ridge excess learned on the training scene: %.2f +- %.2f m from %d records%s\n", model.ridgeExcess().metres,
                 model.ridgeExcess().sigma, model.ridgeExcess().records, model.ridgeExcess().measured() ? "" : " (not used)");
    model.save(modelFile);

    reportMeans({scoreOn(model, trainFolder)}, "train", suffix);
    std::vector<SceneScores> unseen;
    for (const HeldOut& h : kHeldOut) {
        scene::synthetic::SynthOptions o;
        o.useMode(training.mode);
        o.seed = h.seed;
        o.regime = h.regime;
        o.sizeKm = heldOutKm;
        const std::string heldOutFolder = folder + "/" + h.regime + "-" + std::to_string(h.seed) + suffix;
        writeSceneOnce(o, heldOutFolder);
        unseen.push_back(scoreOn(model, heldOutFolder));
    }
    reportMeans(unseen, "unseen", suffix);
}
} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_unseen OUT_DIR [STEPS] [ew|iw|both]\n");
        return 2;
    }
    const std::string folder = argv[1];
    const int steps = argc > 2 ? std::atoi(argv[2]) : 0;
    const std::string modes = argc > 3 ? argv[3] : "both";
    models::configureComputeDevice();

    // EW GRDM at 40 m: the demo scene trains, 50 km held-out scenes test.
    if (modes != "iw")
        judge(scene::synthetic::SynthOptions{}, 50.0, steps, folder, "");
    if (modes == "ew")
        return 0;

    // IW GRDH at 10 m, trained and predicted at native resolution: a 25 km
    // scene (2500 x 2500 px, as many as the demo) trains, 12.5 km scenes test.
    scene::synthetic::SynthOptions iw;
    iw.useMode("iw");
    iw.sizeKm = 25.0;
    judge(iw, 12.5, steps, folder, "_iw");
    return 0;
}
