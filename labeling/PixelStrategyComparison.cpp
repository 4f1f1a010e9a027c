#include "labeling/PixelStrategyComparison.h"

#include "labeling/HeldOutTiles.h"
#include "models/ModelInputs.h"
#include "models/Prediction.h"
#include "models/SeaIceModel.h"

#include <algorithm>

namespace banquise::labeling {

namespace {
// The tile simulation's curve type, so that its mean and label-fraction
// reading serve the pixel curves too.
std::vector<SimulatedRound> asRounds(const std::vector<PixelRound>& pixels)
{
    std::vector<SimulatedRound> rounds;
    for (const auto& p : pixels)
        rounds.push_back({p.round, 0, p.labelledPixels, p.heldOutMeanIou, p.seconds});
    return rounds;
}

constexpr const char* kUncertain[] = {"margin", "entropy", "bald"};
} // namespace

double scoreAtLabelledShare(const std::vector<SimulatedRound>& curve, double scenePixels, double share)
{
    for (std::size_t i = 1; i < curve.size(); ++i) {
        const double a = curve[i - 1].labelledPixels / scenePixels;
        const double b = curve[i].labelledPixels / scenePixels;
        if (share <= b)
            return curve[i - 1].heldOutMeanIou
                + (curve[i].heldOutMeanIou - curve[i - 1].heldOutMeanIou) * std::clamp((share - a) / (b - a), 0.0, 1.0);
    }
    return curve.empty() ? 0.0 : curve.back().heldOutMeanIou;
}

double PixelComparison::fractionVsRandom() const
{
    const auto random = meanCurves.find("random");
    double fraction = kNeverMatched;
    if (random == meanCurves.end())
        return fraction;
    for (const char* name : kUncertain)
        if (auto found = meanCurves.find(name); found != meanCurves.end())
            fraction = std::min(fraction, labelFractionToMatch(found->second, random->second));
    return fraction;
}

double PixelComparison::denseShareAt(double share) const
{
    const auto dense = meanCurves.find("dense");
    if (dense == meanCurves.end() || dense->second.empty() || dense->second.back().heldOutMeanIou <= 0.0)
        return 0.0;
    double best = 0.0;
    for (const char* name : kUncertain)
        if (auto found = meanCurves.find(name); found != meanCurves.end())
            best = std::max(best, scoreAtLabelledShare(found->second, scenePixels, share));
    return best / dense->second.back().heldOutMeanIou;
}

PixelComparison comparePixelStrategies(const std::string& startModel, const models::ModelInputs& inputs, const cv::Mat1b& truth,
                                       const PixelSimulationOptions& base, unsigned seeds,
                                       const std::vector<models::AcquisitionStrategy>& strategies, const PixelRunDone& runDone)
{
    PixelComparison comparison;
    comparison.scenePixels = static_cast<double>(inputs.width()) * inputs.height();
    int roundCount = 0;
    const auto run = [&](const std::string& name, PixelSimulationOptions options) {
        std::vector<std::vector<SimulatedRound>> runs;
        for (unsigned seed = 1; seed <= seeds; ++seed) {
            options.seed = seed;
            const auto rounds = simulatePixelActiveLearning(startModel, inputs, truth, options);
            if (seed == 1 && !rounds.front().note.empty())
                comparison.notes.push_back(name + ": " + rounds.front().note);
            if (!options.dense)
                for (const auto& round : rounds) {
                    comparison.roundSeconds += round.seconds;
                    ++roundCount;
                }
            if (runDone)
                runDone(name, seed, rounds);
            runs.push_back(asRounds(rounds));
        }
        comparison.meanCurves[name] = meanCurve(runs);
    };
    for (const auto strategy : strategies) {
        PixelSimulationOptions options = base;
        options.strategy = strategy;
        options.dense = false;
        run(models::toString(strategy), options);
    }
    PixelSimulationOptions dense = base;
    dense.dense = true;
    run("dense", dense);
    if (roundCount > 0)
        comparison.roundSeconds /= roundCount;
    // After the runs, which have checked the scene, truth and tiles.
    {
        models::PredictionOptions predicting;
        predicting.monteCarloSamples = base.monteCarloSamples;
        const models::Prediction before = models::SeaIceModel::load(startModel).predict(inputs, predicting);
        const auto tiles = models::candidateTiles({inputs.width(), inputs.height()}, base.tileSize);
        for (unsigned seed = 1; seed <= seeds; ++seed)
            comparison.startMeanIou += heldOutMeanIou(before, truth, chooseHeldOutTiles(tiles, base.heldOutTiles, seed).tiles) / seeds;
    }
    return comparison;
}

} // namespace banquise::labeling
