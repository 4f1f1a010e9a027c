#include "labeling/ActiveLearningSimulation.h"

#include "labeling/HeldOutTiles.h"

#include "models/ClickProtocol.h"
#include "models/ModelInputs.h"
#include "models/Scores.h"
#include "models/SeaIceClasses.h"
#include "models/SeaIceModel.h"
#include "models/TileRanking.h"
#include "scene/Feedback.h"
#include "scene/SceneError.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>

namespace banquise::labeling {

namespace {

// Pixels a simulated click labels: a disc as wide as a click on the click maps.
constexpr int kClickLabelRadius = 4;

// The annotator's clicks on one tile, from the current prediction: each
// labels a disc of the true class; the prediction of the tile is updated
// with the labels so far, so the next click goes to the next error.
int annotateTile(const cv::Mat1b& predicted, const cv::Mat1b& truth, const cv::Rect& tile, int clicks, cv::Mat1b& userLabels)
{
    cv::Mat1b current = predicted(tile).clone();
    const cv::Mat1b trueTile = truth(tile);
    int made = 0;
    for (int k = 0; k < clicks; ++k) {
        const auto click = models::nextCorrectiveClick(current, trueTile, tile.tl());
        if (!click)
            break;
        ++made;
        for (int r = -kClickLabelRadius; r <= kClickLabelRadius; ++r)
            for (int c = -kClickLabelRadius; c <= kClickLabelRadius; ++c) {
                const int row = click->row + r, column = click->column + c;
                if (r * r + c * c > kClickLabelRadius * kClickLabelRadius || !tile.contains({column, row}))
                    continue;
                const std::uint8_t label = truth(row, column);
                if (label == models::kNoClass)
                    continue;
                userLabels(row, column) = label;
                current(row - tile.y, column - tile.x) = label;
            }
    }
    return made;
}

} // namespace

std::vector<SimulatedRound> simulateActiveLearning(models::SeaIceModel& model, const models::ModelInputs& inputs, const cv::Mat1b& truth,
                                                   const SimulationOptions& options,
                                                   const std::function<void(const SimulatedRound&)>& roundDone, scene::Feedback* feedback)
{
    if (truth.rows != inputs.height() || truth.cols != inputs.width())
        throw scene::SceneError("", "the truth and the scene are not on the same grid");
    std::mt19937 rng(options.seed);
    const auto tiles = models::candidateTiles({inputs.width(), inputs.height()}, options.tileSize);
    if (static_cast<int>(tiles.size()) < options.heldOutTiles + options.tilesPerRound)
        throw scene::SceneError("", "the scene is too small for " + std::to_string(options.heldOutTiles) + " held-out tiles of " +
                                        std::to_string(options.tileSize) + " pixels and a queue");
    auto [heldOut, excluded] = chooseHeldOutTiles(tiles, options.heldOutTiles, options.seed);

    models::ModelInputs labelled = inputs;
    labelled.userLabels = cv::Mat1b(inputs.height(), inputs.width(), models::kNoClass);
    models::PredictionOptions predicting;
    predicting.monteCarloSamples = options.strategy == models::AcquisitionStrategy::Random ? 1 : options.monteCarloSamples;
    models::Prediction prediction = model.predict(labelled, predicting, feedback);

    std::vector<SimulatedRound> rounds;
    SimulatedRound start;
    start.heldOutMeanIou = heldOutMeanIou(prediction, truth, heldOut);
    rounds.push_back(start);
    if (roundDone)
        roundDone(start);
    const models::SelectionTerms selection = models::selectionTermsFor(options.strategy, options.selection);
    for (int round = 1; round <= options.rounds; ++round) {
        const auto begin = std::chrono::steady_clock::now();
        SimulatedRound result = rounds.back();
        result.round = round;
        for (const models::RankedTile& chosen :
             models::rankTiles(model, labelled, prediction, tiles, options.strategy, selection, options.tilesPerRound, excluded, rng)) {
            excluded[chosen.index] = true; // annotated once
            result.clicks += annotateTile(prediction.classes, truth, chosen.tile, options.clicksPerTile, labelled.userLabels);
        }
        result.labelledPixels = cv::countNonZero(labelled.userLabels != models::kNoClass);
        models::TrainingOptions fineTune;
        fineTune.steps = options.fineTuneSteps;
        fineTune.cropSize = options.tileSize;
        fineTune.learningRate = 5e-4;
        fineTune.seed = options.seed + static_cast<unsigned>(round);
        model.train(labelled, fineTune, {}, feedback);
        prediction = model.predict(labelled, predicting, feedback);
        result.heldOutMeanIou = heldOutMeanIou(prediction, truth, heldOut);
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
        rounds.push_back(result);
        if (roundDone)
            roundDone(result);
    }
    return rounds;
}

std::vector<SimulatedRound> meanCurve(const std::vector<std::vector<SimulatedRound>>& runs)
{
    std::vector<SimulatedRound> mean;
    if (runs.empty())
        return mean;
    std::size_t length = runs.front().size();
    for (const auto& run : runs)
        length = std::min(length, run.size());
    const double n = static_cast<double>(runs.size());
    for (std::size_t i = 0; i < length; ++i) {
        SimulatedRound round;
        round.round = runs.front()[i].round;
        double clicks = 0.0, pixels = 0.0;
        for (const auto& run : runs) {
            clicks += run[i].clicks;
            pixels += static_cast<double>(run[i].labelledPixels);
            round.heldOutMeanIou += run[i].heldOutMeanIou / n;
            round.seconds += run[i].seconds / n;
        }
        round.clicks = static_cast<int>(std::lround(clicks / n));
        round.labelledPixels = std::llround(pixels / n);
        mean.push_back(round);
    }
    return mean;
}

double labelFractionToMatch(const std::vector<SimulatedRound>& strategy, const std::vector<SimulatedRound>& random)
{
    if (strategy.empty() || random.empty() || random.back().labelledPixels <= 0)
        return 1.0;
    const double target = random.back().heldOutMeanIou;
    for (std::size_t i = 0; i < strategy.size(); ++i) {
        const SimulatedRound& round = strategy[i];
        if (round.heldOutMeanIou < target)
            continue;
        double labels = static_cast<double>(round.labelledPixels);
        if (i > 0) { // where the chord from the round before crosses the target
            const SimulatedRound& before = strategy[i - 1];
            const double rise = round.heldOutMeanIou - before.heldOutMeanIou;
            labels = before.labelledPixels + (round.labelledPixels - before.labelledPixels) * (target - before.heldOutMeanIou) / rise;
        }
        return labels / random.back().labelledPixels;
    }
    return kNeverMatched;
}

} // namespace banquise::labeling
