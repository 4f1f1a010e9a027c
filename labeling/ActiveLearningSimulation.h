#pragma once

#include "models/Acquisition.h"

#include <opencv2/core/mat.hpp>

#include <functional>
#include <vector>

namespace banquise::models {
class SeaIceModel;
struct ModelInputs;
}
namespace banquise::scene {
class Feedback;
}

namespace banquise::labeling {

struct SimulationOptions {
    models::AcquisitionStrategy strategy = models::AcquisitionStrategy::Entropy;
    int rounds = 5;
    int tilesPerRound = 2;
    int clicksPerTile = 10;
    int tileSize = 128;
    int heldOutTiles = 4;      // never queued: where every round is scored
    int fineTuneSteps = 60;    // training steps per round
    models::SelectionTerms selection; // diversity and density weights
    int monteCarloSamples = 8; // for entropy, margin and BALD
    unsigned seed = 1;
};

// One round: the labels available when it ended and how the fine-tuned
// model scores on the held-out tiles.
struct SimulatedRound {
    int round = 0; // 0: the starting model, before any label
    int clicks = 0;
    long long labelledPixels = 0;
    double heldOutMeanIou = 0.0;
    double seconds = 0.0; // the round's retrain + re-score
};

// Active learning with a simulated annotator on a scene with truth (DIAL's
// evaluation): each round queues the tiles the strategy prefers, the
// annotator clicks each `clicksPerTile` times where the current prediction
// is most wrong (the NoC protocol's clicks, labelling a disc of the true
// class), the model is fine-tuned on every label so far, and the held-out
// tiles are scored. `model` is changed (fine-tuned). `truth`: SeaIceClass
// per pixel of the grid. `roundDone` is called after every round.
std::vector<SimulatedRound> simulateActiveLearning(models::SeaIceModel& model, const models::ModelInputs& inputs, const cv::Mat1b& truth,
                                                   const SimulationOptions& options,
                                                   const std::function<void(const SimulatedRound&)>& roundDone = {},
                                                   scene::Feedback* feedback = nullptr);

// The round-wise mean of several runs of one strategy (other seeds: other
// held-out tiles and fine-tuning draws), cut to the shortest run: a
// single run's held-out score moves by about 0.02 from one round to the
// next, more than the strategies differ.
std::vector<SimulatedRound> meanCurve(const std::vector<std::vector<SimulatedRound>>& runs);

// Fraction of random sampling's labels with which `strategy`'s curve first
// reaches random's final held-out mean IoU; kNeverMatched when it does not
// within its rounds. Between two rounds the curve is taken as their chord:
// rounds add hundreds of labels at once, and a learning curve is concave,
// so the chord's crossing is an upper bound of the labels needed, where
// the round that first reaches the score would overstate them.
constexpr double kNeverMatched = 2.0;
double labelFractionToMatch(const std::vector<SimulatedRound>& strategy, const std::vector<SimulatedRound>& random);

} // namespace banquise::labeling
