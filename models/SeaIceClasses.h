#pragma once

#include <array>
#include <cstdint>

namespace banquise::models {

// The classes the segmentation predicts, as channel indices of its output
// (labeling's LabelCode is this index + 1; 0 there means unknown).
enum SeaIceClass : std::uint8_t { kFloe = 0, kOpenLead = 1, kRefrozenLead = 2 };
constexpr int kClassCount = 3;
// "No class" in class rasters (a pixel without data or without a label).
constexpr std::uint8_t kNoClass = 255;

const char* className(int index);

// Open or refrozen: the two kinds of lead.
constexpr bool isLead(int modelClass)
{
    return modelClass == kOpenLead || modelClass == kRefrozenLead;
}

// Offsets added to the class logits (floe's stays zero: only differences
// count): what ClassCalibration fits.
struct ClassOffsets {
    std::array<float, kClassCount> logit{};
};

} // namespace banquise::models
