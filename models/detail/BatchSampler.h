#pragma once

#include "models/SeaIceClasses.h"

#include <opencv2/core/types.hpp>

#include <array>
#include <cstdint>
#include <random>
#include <vector>

namespace banquise::models {
struct ModelInputs;
}

namespace banquise::models::detail {

// One training batch as flat arrays (torch-free; Training.cpp wraps them).
// Pixel indices address the flattened batch (crop, row, col).
struct Batch {
    int count = 0;
    int size = 0;                     // crop side
    int looks = 0;                    // later SAR dates in the input
    std::vector<float> input;         // count x inputChannelCount(looks) x size x size (blind spots filled)
    // Concentration cells, numbered per batch over every source: pixel
    // cellPixel[i] lies in cell cellIndex[i] (a pixel is in one cell per source).
    std::vector<int64_t> cellPixel;
    std::vector<int64_t> cellIndex;
    std::vector<float> cellConcentration;
    std::vector<int64_t> opticalLabel; // count x size x size, -1 none
    std::vector<float> opticalConfidence;
    std::vector<int64_t> userLabel; // count x size x size, -1 none
    std::vector<int64_t> footprintPixel; // pixels of records wholly inside their crop
    std::vector<int64_t> footprintRecord;
    std::vector<float> footprintWeight;
    std::vector<float> recordValue;
    std::vector<float> recordSigma;
    std::vector<int64_t> specklePixel;    // pixels with an independent look (speckle loss)
    std::vector<float> speckleIntensity; // that look's linear intensity
};

// Draws crops from the inputs: half centred on altimeter records (which are
// sparse, so random crops would rarely hold one whole), half uniform, or,
// when the user labelled pixels, centred on one of those. Despeckling
// learns from a look of the same ice whose speckle the input does not hold:
// with a second SAR date, its drift-compensated sigma0 at every pixel
// (SAR2SAR, Dalsasso et al. 2021); without, 1.5 % of the pixels are blind
// spots (Noise2Void): their SAR input is replaced by a random neighbour's and
// their own value is the target. Optical pseudo-labels are weighted by their
// confidence and their class's rarity.
// With later SAR dates (ModelInputs::looks), each batch reads a random
// number of them, none to all but the despeckling target, each crop its
// own draw: the fusion learns to do with whatever dates there are.
class BatchSampler {
public:
    BatchSampler(const ModelInputs& inputs, int cropSize, unsigned seed);
    Batch next(int count);

private:
    void addPairedTargets(const cv::Rect& crop, int index, Batch& batch) const;
    void addBlindSpots(const cv::Rect& crop, int index, float* input, Batch& batch);

    const ModelInputs& m_inputs;
    int m_size;
    // Optical labels weighted by inverse class frequency: leads are a tenth
    // of the pack and would otherwise be learnt as floe.
    std::array<float, kClassCount> m_classWeight{1.0f, 1.0f, 1.0f};
    std::vector<int> m_userLabelled; // row-major pixels the user labelled
    std::vector<int> m_inputLooks;   // looks that may be input (not the despeckling target)
    std::mt19937 m_rng;
    // Its own stream: crops, blind spots and clicks are drawn alike with
    // and without later dates, so that a comparison of the two measures the
    // dates, not another draw.
    std::mt19937 m_lookRng;
};

} // namespace banquise::models::detail
