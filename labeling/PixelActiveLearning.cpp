#include "labeling/PixelActiveLearning.h"

#include "labeling/HeldOutTiles.h"
#include "models/ModelInputs.h"
#include "models/PixelQueries.h"
#include "models/SeaIceClasses.h"
#include "models/SeaIceModel.h"
#include "scene/SceneError.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <chrono>
#include <random>

namespace banquise::labeling {

namespace {
models::TrainingOptions fineTuning(int steps, int tileSize, unsigned seed)
{
    models::TrainingOptions options;
    options.steps = steps;
    options.cropSize = tileSize;
    options.learningRate = 5e-4;
    options.seed = seed;
    return options;
}

// Rounds after round 0 until the per-tile budget is spent.
int laterRounds(const PixelSimulationOptions& o)
{
    return o.pixelsPerRound > 0 ? std::max(0, (o.maxPixels - o.initialPixels) / o.pixelsPerRound) : 0;
}
} // namespace

std::vector<PixelRound> simulatePixelActiveLearning(const std::string& startModel, const models::ModelInputs& inputs, const cv::Mat1b& truth,
                                                    const PixelSimulationOptions& options,
                                                    const std::function<void(const PixelRound&)>& roundDone)
{
    if (truth.rows != inputs.height() || truth.cols != inputs.width())
        throw scene::SceneError("", "the truth and the scene are not on the same grid");
    const auto tiles = models::candidateTiles({inputs.width(), inputs.height()}, options.tileSize);
    if (static_cast<int>(tiles.size()) <= options.heldOutTiles)
        throw scene::SceneError("", "the scene is too small for " + std::to_string(options.heldOutTiles) + " held-out tiles of "
                                        + std::to_string(options.tileSize) + " pixels and one to label");
    // A budget beyond what a tile holds is cut to the tile: the rounds past
    // it would ask for pixels that are not there.
    PixelSimulationOptions budget = options;
    const int tileArea = tiles.front().area();
    std::string cut;
    if (!options.dense && options.maxPixels > tileArea) {
        budget.maxPixels = tileArea;
        cut = "a budget of " + std::to_string(options.maxPixels) + " pixels per tile is more than a tile holds: asked up to "
            + std::to_string(tileArea);
    }
    const HeldOutTiles heldOut = chooseHeldOutTiles(tiles, options.heldOutTiles, options.seed);
    models::ModelInputs labelled = inputs;
    labelled.userLabels = cv::Mat1b(inputs.height(), inputs.width(), models::kNoClass);
    // Every strategy predicts alike (MC-dropout mean), so that their scores compare.
    models::PredictionOptions predicting;
    predicting.monteCarloSamples = options.monteCarloSamples;
    std::mt19937 rng(options.seed);
    const double scenePixels = static_cast<double>(inputs.width()) * inputs.height();

    std::vector<PixelRound> rounds;
    models::Prediction prediction;
    const int lastRound = options.dense ? 0 : laterRounds(budget);
    for (int round = 0; round <= lastRound; ++round) {
        const auto begin = std::chrono::steady_clock::now();
        PixelRound result;
        result.round = round;
        if (round == 0)
            result.note = cut;
        result.pixelsPerTile = options.dense ? options.tileSize * options.tileSize : options.initialPixels + round * options.pixelsPerRound;
        // Round 0 asks at random: the model has not seen a label yet.
        const cv::Mat1f uncertainty = round == 0 ? cv::Mat1f() : models::pixelUncertainty(prediction, options.strategy);
        const int asked = round == 0 ? options.initialPixels : options.pixelsPerRound;
        for (std::size_t i = 0; i < tiles.size(); ++i) {
            if (heldOut.excluded[i])
                continue;
            if (options.dense) {
                truth(tiles[i]).copyTo(labelled.userLabels(tiles[i]));
                continue;
            }
            for (const cv::Point& p : models::pickPixels(uncertainty, tiles[i], labelled.userLabels, asked, rng))
                labelled.userLabels(p) = truth(p);
        }
        result.labelledPixels = cv::countNonZero(labelled.userLabels != models::kNoClass);
        result.labelledShare = result.labelledPixels / scenePixels;
        models::SeaIceModel model = models::SeaIceModel::load(startModel);
        model.train(labelled, fineTuning(options.fineTuneSteps, options.tileSize, options.seed + static_cast<unsigned>(round)));
        prediction = model.predict(labelled, predicting);
        result.heldOutMeanIou = heldOutMeanIou(prediction, truth, heldOut.tiles);
        result.heldOutClassIou = heldOutClassIou(prediction, truth, heldOut.tiles);
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
        rounds.push_back(result);
        if (roundDone)
            roundDone(result);
    }
    return rounds;
}

} // namespace banquise::labeling
