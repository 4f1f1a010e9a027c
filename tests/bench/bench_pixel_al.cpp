// Active learning by pixels the model asks for (the PixelPick protocol,
// issue 20) on a 32 km synthetic scene with truth (800 x 800 px at 40 m):
// a model trained 200 steps on weak labels, then for each strategy and
// seed, 10 random pixels per 160 px tile (20 tiles labelled, 5 held out:
// 0.03 % of the scene), 10 more asked per tile and round up to 100, 60
// fine-tuning steps a round; beside them the dense upper bound (every
// pixel of the same tiles). Curves are means over the
// seeds. Reports the share of random sampling's labels with which the best
// uncertainty strategy reaches random's final held-out mean IoU, the share
// of the dense bound reached with 0.04 % of the pixels labelled, and the
// seconds per round. Writes OUT_DIR/pixel_al.csv.
//   bench_pixel_al OUT_DIR [SEEDS] [MAX_PIXELS_PER_TILE]
#include "BenchReport.h"

#include "LabellingScene.h"

#include "app/CurvePlot.h"
#include "app/OffscreenApplication.h"
#include "labeling/ActiveLearningSimulation.h"
#include "labeling/HeldOutTiles.h"
#include "labeling/PixelActiveLearning.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>

using namespace banquise;

namespace {
// The tile simulation's curve type, so that its mean and label-fraction
// reading serve the pixel curves too.
std::vector<labeling::SimulatedRound> asRounds(const std::vector<labeling::PixelRound>& pixels)
{
    std::vector<labeling::SimulatedRound> rounds;
    for (const auto& p : pixels)
        rounds.push_back({p.round, 0, p.labelledPixels, p.heldOutMeanIou, p.seconds});
    return rounds;
}

// Held-out mean IoU where the curve's labelled share crosses `share`, on
// the chord between rounds; the first round's value below it.
double scoreAtShare(const std::vector<labeling::SimulatedRound>& curve, double scenePixels, double share)
{
    for (std::size_t i = 1; i < curve.size(); ++i) {
        const double a = curve[i - 1].labelledPixels / scenePixels;
        const double b = curve[i].labelledPixels / scenePixels;
        if (share <= b)
            return curve[i - 1].heldOutMeanIou
                + (curve[i].heldOutMeanIou - curve[i - 1].heldOutMeanIou) * std::clamp((share - a) / (b - a), 0.0, 1.0);
    }
    return curve.back().heldOutMeanIou;
}
} // namespace

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
    const double scenePixels = static_cast<double>(inputs.width()) * inputs.height();

    labeling::PixelSimulationOptions base;
    base.tileSize = 160;
    base.heldOutTiles = 5;
    base.maxPixels = maxPixels;
    // The start model on each seed's held-out tiles, before any label.
    {
        models::PredictionOptions predicting;
        predicting.monteCarloSamples = base.monteCarloSamples;
        const models::Prediction before = models::SeaIceModel::load(startPath).predict(inputs, predicting);
        const auto tiles = models::candidateTiles({inputs.width(), inputs.height()}, base.tileSize);
        double sum = 0.0;
        for (unsigned seed = 1; seed <= seeds; ++seed)
            sum += labeling::heldOutMeanIou(before, truth, labeling::chooseHeldOutTiles(tiles, base.heldOutTiles, seed).tiles);
        bench::report("pixel_al_start_miou", sum / seeds);
    }
    std::map<std::string, std::vector<labeling::SimulatedRound>> means;
    double roundSeconds = 0.0;
    int roundCount = 0;
    const auto run = [&](const std::string& name, labeling::PixelSimulationOptions options) {
        std::vector<std::vector<labeling::SimulatedRound>> runs;
        for (unsigned seed = 1; seed <= seeds; ++seed) {
            models::SeaIceModel model = models::SeaIceModel::load(startPath);
            options.seed = seed;
            const auto pixelRounds = labeling::simulatePixelActiveLearning(model, inputs, truth, options);
            if (!pixelRounds.front().note.empty())
                std::fprintf(stderr, "%s: %s\n", name.c_str(), pixelRounds.front().note.c_str());
            runs.push_back(asRounds(pixelRounds));
            std::fprintf(stderr, "%s seed %u: held-out mIoU", name.c_str(), seed);
            for (const auto& round : runs.back()) {
                std::fprintf(stderr, " %.3f", round.heldOutMeanIou);
                if (!options.dense) {
                    roundSeconds += round.seconds;
                    ++roundCount;
                }
            }
            std::fprintf(stderr, " (%lld labelled pixels)\n", runs.back().back().labelledPixels);
        }
        means[name] = labeling::meanCurve(runs);
    };
    for (auto strategy : {models::AcquisitionStrategy::Random, models::AcquisitionStrategy::Margin, models::AcquisitionStrategy::Entropy,
                          models::AcquisitionStrategy::Bald}) {
        labeling::PixelSimulationOptions options = base;
        options.strategy = strategy;
        run(models::toString(strategy), options);
    }
    labeling::PixelSimulationOptions dense = base;
    dense.dense = true;
    run("dense", dense);

    const auto& random = means["random"];
    double fraction = labeling::kNeverMatched;
    double atShare = 0.0;
    for (const char* name : {"margin", "entropy", "bald"}) {
        fraction = std::min(fraction, labeling::labelFractionToMatch(means[name], random));
        atShare = std::max(atShare, scoreAtShare(means[name], scenePixels, 0.0004));
    }
    bench::report("pixel_al_fraction_vs_random", fraction);
    bench::report("pixel_al_dense_share_0_04pct", atShare / means["dense"].back().heldOutMeanIou);
    bench::report("pixel_al_round_s", roundCount ? roundSeconds / roundCount : 0.0);
    for (const auto& [name, curve] : means)
        bench::report(("pixel_al_final_miou_" + name).c_str(), curve.back().heldOutMeanIou);

    std::ofstream csv(folder + "/pixel_al.csv");
    csv << "strategy,round,labelled_pixels,labelled_share,heldout_mean_iou\n";
    for (const auto& [name, curve] : means)
        for (const auto& round : curve)
            csv << name << "," << round.round << "," << round.labelledPixels << "," << round.labelledPixels / scenePixels << ","
                << round.heldOutMeanIou << "\n";
    // The same curves as a figure; the dense bound is one point, drawn as a level line.
    std::vector<app::CurveSeries> series;
    for (const auto& [name, curve] : means) {
        app::CurveSeries line{QString::fromStdString(name), {}};
        for (const auto& round : curve)
            line.points.emplace_back(100.0 * round.labelledPixels / scenePixels, round.heldOutMeanIou);
        series.push_back(std::move(line));
    }
    for (auto& line : series)
        if (line.name == "dense" && !series.empty() && series.front().points.size() > 1) {
            const double level = line.points.back().second;
            line.points = {{series.front().points.front().first, level}, {series.front().points.back().first, level}};
            line.name = "dense labels (bound)";
        }
    app::ensureOffscreenApplication();
    app::writeCurvePlot(QString::fromStdString(folder + "/pixel_al.png"), "Pixels the model asks for (PixelPick protocol)",
                        "labelled pixels (% of the scene)", "held-out mean IoU", series);
    return 0;
}
