// Active learning by pixels the model asks for (the PixelPick protocol,
// issue 20) on a 32 km synthetic scene with truth (800 x 800 px at 40 m):
// the default training on weak labels, then for each strategy and
// seed, 10 random pixels per 160 px tile (20 tiles labelled, 5 held out:
// 0.03 % of the scene), 10 more asked per tile and round up to 100, 60
// fine-tuning steps a round; beside them the dense upper bound (every
// pixel of the same tiles). Curves are means over the
// seeds. Reports the share of random sampling's labels with which the best
// uncertainty strategy reaches random's final held-out mean IoU, the share
// of the dense bound reached with 0.04 % of the pixels labelled, and the
// seconds per round. Writes OUT_DIR/pixel_al.csv and .png.
//   bench_pixel_al OUT_DIR [SEEDS] [MAX_PIXELS_PER_TILE]
#include "BenchReport.h"

#include "LabellingScene.h"

#include "app/LabellingCurves.h"
#include "app/OffscreenApplication.h"
#include "labeling/PixelStrategyComparison.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace banquise;

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_pixel_al OUT_DIR [SEEDS] [MAX_PIXELS_PER_TILE]\n");
        return 2;
    }
    const std::string folder = argv[1];
    const unsigned seeds = argc > 2 ? static_cast<unsigned>(std::max(1, std::atoi(argv[2]))) : 3u;
    const int maxPixels = argc > 3 ? std::max(20, std::atoi(argv[3])) : 100;
    const bench::LabellingScene labelling = bench::makeLabellingScene(folder, 32.0);
    const models::ModelInputs& inputs = labelling.inputs;
    const cv::Mat1b& truth = labelling.truth;
    const std::string& startPath = labelling.startModel;

    labeling::PixelSimulationOptions base;
    base.tileSize = 160;
    base.heldOutTiles = 5;
    base.maxPixels = maxPixels;
    const auto strategies = {models::AcquisitionStrategy::Random, models::AcquisitionStrategy::Margin, models::AcquisitionStrategy::Entropy,
                             models::AcquisitionStrategy::Bald};
    const labeling::PixelComparison comparison = labeling::comparePixelStrategies(
        startPath, inputs, truth, base, seeds, strategies, [](const std::string& name, unsigned seed, const std::vector<labeling::PixelRound>& rounds) {
            std::fprintf(stderr, "%s seed %u: held-out mIoU", name.c_str(), seed);
            for (const auto& round : rounds)
                std::fprintf(stderr, " %.3f", round.heldOutMeanIou);
            std::fprintf(stderr, " (%lld labelled pixels)\n", rounds.back().labelledPixels);
        });
    bench::report("pixel_al_start_miou", comparison.startMeanIou);
    for (const auto& note : comparison.notes)
        std::fprintf(stderr, "%s\n", note.c_str());
    bench::report("pixel_al_fraction_vs_random", comparison.fractionVsRandom());
    bench::report("pixel_al_dense_share_0_04pct", comparison.denseShareAt(0.0004));
    bench::report("pixel_al_round_s", comparison.roundSeconds);
    for (const auto& [name, curve] : comparison.meanCurves)
        bench::report(("pixel_al_final_miou_" + name).c_str(), curve.back().heldOutMeanIou);
    app::ensureOffscreenApplication();
    app::writePixelCurves(comparison, folder);
    return 0;
}
