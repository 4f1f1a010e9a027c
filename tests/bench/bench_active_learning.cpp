// Active-learning strategies side by side on a 16 km synthetic scene with
// truth (DIAL's evaluation): the default training on weak labels, then
// five rounds of each strategy (2 queued tiles of 64 px, 10 simulated
// clicks each, 60 fine-tuning steps), three seeds each, compared on their
// mean curves. 64 px tiles make 49 candidates, 12
// held out: with 128 px tiles the pool was 12 tiles, 10 of which every
// strategy annotated, so the strategies could not differ. Reports the
// fraction of random sampling's labels with which entropy or BALD first
// reach random's final held-out mean IoU (target <= 0.5), and each
// strategy's final score.
//   bench_active_learning OUT_DIR
#include "BenchReport.h"

#include "LabellingScene.h"

#include "labeling/ActiveLearningSimulation.h"

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
    const bench::LabellingScene labelling = bench::makeLabellingScene(folder, 16.0);
    const models::ModelInputs& inputs = labelling.inputs;
    const cv::Mat1b& truth = labelling.truth;
    const std::string& startPath = labelling.startModel;

    // Three seeds (held-out tiles and fine-tuning draws): one run's score
    // moves by ~0.02 from round to round, as much as the strategies differ.
    constexpr int kSeeds = 3;
    std::map<models::AcquisitionStrategy, std::vector<labeling::SimulatedRound>> means;
    for (auto strategy : {models::AcquisitionStrategy::Random, models::AcquisitionStrategy::Entropy, models::AcquisitionStrategy::Bald}) {
        std::vector<std::vector<labeling::SimulatedRound>> runs;
        for (unsigned seed = 1; seed <= kSeeds; ++seed) {
            models::SeaIceModel model = models::SeaIceModel::load(startPath);
            labeling::SimulationOptions options;
            options.strategy = strategy;
            options.tileSize = 64;
            options.heldOutTiles = 12;
            options.seed = seed;
            runs.push_back(labeling::simulateActiveLearning(model, inputs, truth, options));
            std::fprintf(stderr, "%s seed %u: held-out mIoU", models::toString(strategy).c_str(), seed);
            for (const auto& round : runs.back())
                std::fprintf(stderr, " %.3f", round.heldOutMeanIou);
            std::fprintf(stderr, " (%lld labelled pixels)\n", runs.back().back().labelledPixels);
        }
        means[strategy] = labeling::meanCurve(runs);
        const auto& last = means[strategy].back();
        bench::report(("al_final_miou_" + models::toString(strategy)).c_str(), last.heldOutMeanIou);
        std::fprintf(stderr, "%s, mean of %d seeds: %lld labelled pixels, held-out mIoU %.3f -> %.3f\n", models::toString(strategy).c_str(),
                     kSeeds, last.labelledPixels, means[strategy].front().heldOutMeanIou, last.heldOutMeanIou);
    }
    const auto& random = means[models::AcquisitionStrategy::Random];
    bench::report("al_label_fraction_vs_random", std::min(labeling::labelFractionToMatch(means[models::AcquisitionStrategy::Entropy], random),
                                                          labeling::labelFractionToMatch(means[models::AcquisitionStrategy::Bald], random)));
    return 0;
}
