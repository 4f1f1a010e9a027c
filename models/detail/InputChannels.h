#pragma once

#include <opencv2/core/types.hpp>

#include <array>
#include <string>
#include <vector>

namespace banquise::models {
struct ModelInputs;
struct SarLook;
} // namespace banquise::models

namespace banquise::models::detail {

// Input channels: co- and cross-polarised sigma0 (normalised dB), the
// kriged altimeter freeboard (normalised), then one click map per class for
// interactive labelling (DIAL): +1 on a disc where the user said "this is
// the class", -1 where "this is not", zero elsewhere and without clicks;
// then what the SAR's brightness adds to the kriged freeboard
// (ModelInputs::freeboardSarTerm), which only the elevation head reads.
// The order and normalisation are the model's contract, in its sidecar.
constexpr int kInputChannels = 7;
constexpr int kSceneChannels = 3; // what the encoder sees; clicks go to the click head
constexpr int kPriorChannel = 2;
constexpr int kFirstClickChannel = 3;
constexpr int kSarTermChannel = 6;
constexpr int kClickRadius = 4; // pixels of the disc a click marks
constexpr float kPrimaryMeanDb = -18.0f;
constexpr float kSecondaryMeanDb = -27.0f;
constexpr float kScaleDb = 6.0f;
constexpr float kFreeboardMean = 0.3f;
constexpr float kFreeboardScale = 0.3f;

// Each later SAR date the network reads (ModelInputs::looks) adds three
// channels after the clicks: its co- and cross-polarised sigma0, normalised
// as the reference date's, and 1 where it saw the ice (0 where not).
constexpr int kLookChannels = 3;
inline int inputChannelCount(int looks) { return kInputChannels + kLookChannels * looks; }
inline int lookCount(int channels) { return (channels - kInputChannels) / kLookChannels; }

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
        {"click_floe", kFirstClickChannel, 0.0f, 1.0f},
        {"click_open_lead", kFirstClickChannel + 1, 0.0f, 1.0f},
        {"click_refrozen_lead", kFirstClickChannel + 2, 0.0f, 1.0f},
        {"freeboard_sar_term_m", kSarTermChannel, 0.0f, kFreeboardScale},
    }};
    return channels;
}

// The outputs of Banquise's network, in the order its forward() returns them.
inline const std::vector<std::string>& modelOutputs()
{
    static const std::vector<std::string> outputs{"despeckled_primary_db", "class_logits", "freeboard_m"};
    return outputs;
}

inline float normalisedPrimary(float db) { return (db - kPrimaryMeanDb) / kScaleDb; }
inline float primaryDb(float normalised) { return normalised * kScaleDb + kPrimaryMeanDb; }

// Writes the channels of `region` (inside the grid) into `out`, channel-major
// (kInputChannels x height x width); no-data becomes 0 (the mean), click
// maps 0.
void fillInputChannels(const ModelInputs& inputs, const cv::Rect& region, float* out);

// Writes the kLookChannels channels of one look over `region` into `out`.
void fillLookChannels(const SarLook& look, const cv::Rect& region, float* out);

// Marks a click on the click map of its class (`clicks` is kClassCount x
// height x width): +1 (positive) or -1 (negative) on a disc of kClickRadius.
void markClick(float* clicks, int width, int height, int column, int row, int modelClass, bool positive);

} // namespace banquise::models::detail
