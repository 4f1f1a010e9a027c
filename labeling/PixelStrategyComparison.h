#pragma once

#include "labeling/ActiveLearningSimulation.h"
#include "labeling/PixelActiveLearning.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace banquise::labeling {

// The PixelPick protocol as the literature reports it: every strategy
// from the same start model, once per seed (other held-out tiles, other
// draws), their mean curves, and the dense-label bound on the same tiles.
struct PixelComparison {
    // By strategy name ("random", "margin", "entropy", "bald") and "dense".
    std::map<std::string, std::vector<SimulatedRound>> meanCurves;
    double scenePixels = 0.0;
    double startMeanIou = 0.0;      // the start model on the held-out tiles, before any label (mean of the seeds)
    double roundSeconds = 0.0;     // a round of the uncertain and random runs, mean
    std::vector<std::string> notes; // what the runs left out
    // The share of random's final labels with which the best uncertain
    // strategy first reaches random's final score (labelFractionToMatch).
    double fractionVsRandom() const;
    // The best uncertain strategy's score at `share` of the scene's pixels
    // labelled, over the dense bound's.
    double denseShareAt(double share) const;
};

// Held-out mean IoU where the curve's labelled share of `scenePixels`
// crosses `share`, on the chord between rounds; the last round's beyond.
double scoreAtLabelledShare(const std::vector<SimulatedRound>& curve, double scenePixels, double share);

using PixelRunDone = std::function<void(const std::string& strategy, unsigned seed, const std::vector<PixelRound>& rounds)>;

// `startModel`: a saved model every run starts from. Throws like
// simulatePixelActiveLearning.
PixelComparison comparePixelStrategies(const std::string& startModel, const models::ModelInputs& inputs, const cv::Mat1b& truth,
                                       const PixelSimulationOptions& base, unsigned seeds,
                                       const std::vector<models::AcquisitionStrategy>& strategies, const PixelRunDone& runDone = {});

} // namespace banquise::labeling
