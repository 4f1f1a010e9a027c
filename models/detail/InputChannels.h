#pragma once

#include <opencv2/core/types.hpp>

#include <array>

namespace banquise::models {
struct ModelInputs;
}

namespace banquise::models::detail {

// Input channels: co- and cross-polarised sigma0 (normalised dB), the
// kriged altimeter freeboard (normalised), then the positive and negative
// click maps of interactive labelling (zero without clicks). The order and
// normalisation are the model's contract, written in its sidecar.
constexpr int kInputChannels = 5;
constexpr int kPriorChannel = 2;
constexpr float kPrimaryMeanDb = -18.0f;
constexpr float kSecondaryMeanDb = -27.0f;
constexpr float kScaleDb = 6.0f;
constexpr float kFreeboardMean = 0.3f;
constexpr float kFreeboardScale = 0.3f;

// Name, index and normalisation ((x - mean) / scale) of each input channel,
// as the sidecars of both model formats state them.
struct InputChannel {
    const char* name;
    int index;
    float mean;
    float scale;
};
inline const std::array<InputChannel, kInputChannels>& inputChannels()
{
    static const std::array<InputChannel, kInputChannels> channels{{
        {"sigma0_primary_db", 0, kPrimaryMeanDb, kScaleDb},
        {"sigma0_secondary_db", 1, kSecondaryMeanDb, kScaleDb},
        {"freeboard_prior_m", kPriorChannel, kFreeboardMean, kFreeboardScale},
        {"click_positive", 3, 0.0f, 1.0f},
        {"click_negative", 4, 0.0f, 1.0f},
    }};
    return channels;
}

inline float normalisedPrimary(float db) { return (db - kPrimaryMeanDb) / kScaleDb; }
inline float primaryDb(float normalised) { return normalised * kScaleDb + kPrimaryMeanDb; }

// Writes the channels of `region` (inside the grid) into `out`, channel-major
// (kInputChannels x height x width); no-data becomes 0 (the mean).
void fillInputChannels(const ModelInputs& inputs, const cv::Rect& region, float* out);

} // namespace banquise::models::detail
