// Active-learning strategies side by side on a 16 km synthetic scene with
// truth (DIAL's evaluation): a model trained 200 steps on weak labels, then
// five rounds of each strategy (2 queued tiles of 64 px, 10 simulated
// clicks each, 60 fine-tuning steps). 64 px tiles make 49 candidates, 12
// held out: with 128 px tiles the pool was 12 tiles, 10 of which every
// strategy annotated, so the strategies could not differ. Reports the
// fraction of random sampling's labels with which entropy or BALD first
// reach random's final held-out mean IoU (target <= 0.5), and each
// strategy's final score.
//   bench_active_learning OUT_DIR
#include "BenchReport.h"

#include "labeling/ActiveLearningSimulation.h"
#include "models/ComputeDevice.h"
#include "models/ModelInputs.h"
#include "models/Scores.h"
#include "models/SeaIceModel.h"
#include "scene/SceneReader.h"
#include "scene/synthetic/SyntheticScene.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

using namespace banquise;

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_active_learning OUT_DIR\n");
        return 2;
    }
    const std::string folder = argv[1];
    models::configureComputeDevice();
    scene::synthetic::SynthOptions synth;
    synth.seed = 11;
    synth.sizeKm = 16.0;
    scene::synthetic::writeSyntheticScene(synth, folder);
    const models::ModelInputs inputs = models::gatherModelInputs(scene::readScene(folder).scene);
    const cv::Mat1b truth = models::classesFromSurfaceCodes(scene::synthetic::readSyntheticTruth(folder).surface);
    models::SeaIceModel start(models::ModelConfig{}, 1);
    models::TrainingOptions training;
    training.steps = 200;
    start.train(inputs, training);
    const std::string startPath = folder + "/start-model.pt";
    start.save(startPath);

    std::map<models::AcquisitionStrategy, std::vector<labeling::SimulatedRound>> results;
    for (auto strategy : {models::AcquisitionStrategy::Random, models::AcquisitionStrategy::Entropy, models::AcquisitionStrategy::Bald}) {
        models::SeaIceModel model = models::SeaIceModel::load(startPath);
        labeling::SimulationOptions options;
        options.strategy = strategy;
        options.tileSize = 64;
        options.heldOutTiles = 12;
        results[strategy] = labeling::simulateActiveLearning(model, inputs, truth, options);
        const auto& last = results[strategy].back();
        bench::report(("al_final_miou_" + models::toString(strategy)).c_str(), last.heldOutMeanIou);
        std::fprintf(stderr, "%s: %lld labelled pixels, held-out mIoU %.3f -> %.3f\n", models::toString(strategy).c_str(),
                     last.labelledPixels, results[strategy].front().heldOutMeanIou, last.heldOutMeanIou);
    }
    const auto& random = results[models::AcquisitionStrategy::Random];
    bench::report("al_label_fraction_vs_random", std::min(labeling::labelFractionToMatch(results[models::AcquisitionStrategy::Entropy], random),
                                                          labeling::labelFractionToMatch(results[models::AcquisitionStrategy::Bald], random)));
    return 0;
}
