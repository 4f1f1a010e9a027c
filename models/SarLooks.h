#pragma once

#include <opencv2/core/mat.hpp>

#include <string>

namespace banquise::scene {
class ChainCompensation;
class DriftChain;
class Scene;
} // namespace banquise::scene

namespace banquise::models {

struct ModelInputs;

// A further look at the ice of the reference time: a later SAR date
// brought back through the drift chain (nearest neighbour, so its speckle
// is its own), dB, NaN where its ice was not seen.
struct SarLook {
    std::string name; // the date's co-polarised layer
    cv::Mat1f primaryDb;
    cv::Mat1f secondaryDb; // empty without cross-polarisation at that date
};

// Later dates a model reads beside the reference date: four dates in all
// (a 10 000 x 10 000 grid holds 800 MB per look), the nearest first.
constexpr int kMaxSarLooks = 3;

// Adds the scene's later SAR dates that the chain links (up to
// kMaxSarLooks) to `inputs.looks`; the second date, when it is also the
// despeckling target (inputs.pairedPrimaryDb), is marked
// `inputs.pairedLook`. A date that cannot be brought back is left out and
// said in the notes.
void addSarLooks(const scene::Scene& scene, const scene::DriftChain& chain, const scene::ChainCompensation& compensation,
                 ModelInputs& inputs);

} // namespace banquise::models
