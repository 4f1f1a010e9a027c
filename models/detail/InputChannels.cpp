#include "models/detail/InputChannels.h"

#include "models/ModelInputs.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace banquise::models::detail {

void fillInputChannels(const ModelInputs& inputs, const cv::Rect& region, float* out)
{
    const std::size_t plane = static_cast<std::size_t>(region.width) * region.height;
    std::memset(out, 0, kInputChannels * plane * sizeof(float));
    for (int r = 0; r < region.height; ++r)
        for (int c = 0; c < region.width; ++c) {
            const std::size_t k = static_cast<std::size_t>(r) * region.width + c;
            const float hh = inputs.primaryDb(region.y + r, region.x + c);
            out[k] = std::isfinite(hh) ? normalisedPrimary(hh) : 0.0f;
            if (!inputs.secondaryDb.empty()) {
                const float hv = inputs.secondaryDb(region.y + r, region.x + c);
                out[plane + k] = std::isfinite(hv) ? (hv - kSecondaryMeanDb) / kScaleDb : 0.0f;
            }
            if (!inputs.freeboardPrior.empty()) {
                const float prior = inputs.freeboardPrior(region.y + r, region.x + c);
                out[kPriorChannel * plane + k] = std::isfinite(prior) ? (prior - kFreeboardMean) / kFreeboardScale : 0.0f;
            }
            if (!inputs.freeboardSarTerm.empty()) {
                const float term = inputs.freeboardSarTerm(region.y + r, region.x + c);
                out[kSarTermChannel * plane + k] = std::isfinite(term) ? term / kFreeboardScale : 0.0f;
            }
        }
}

void fillLookChannels(const SarLook& look, const cv::Rect& region, float* out)
{
    const std::size_t plane = static_cast<std::size_t>(region.width) * region.height;
    for (int r = 0; r < region.height; ++r)
        for (int c = 0; c < region.width; ++c) {
            const std::size_t k = static_cast<std::size_t>(r) * region.width + c;
            const float hh = look.primaryDb(region.y + r, region.x + c);
            const bool seen = std::isfinite(hh);
            out[k] = seen ? normalisedPrimary(hh) : 0.0f;
            const float hv = look.secondaryDb.empty() ? std::nanf("") : look.secondaryDb(region.y + r, region.x + c);
            out[plane + k] = seen && std::isfinite(hv) ? (hv - kSecondaryMeanDb) / kScaleDb : 0.0f;
            out[2 * plane + k] = seen ? 1.0f : 0.0f;
        }
}

void markClick(float* clicks, int width, int height, int column, int row, int modelClass, bool positive)
{
    float* plane = clicks + static_cast<std::size_t>(modelClass) * width * height;
    for (int r = std::max(0, row - kClickRadius); r <= std::min(height - 1, row + kClickRadius); ++r)
        for (int c = std::max(0, column - kClickRadius); c <= std::min(width - 1, column + kClickRadius); ++c)
            if ((r - row) * (r - row) + (c - column) * (c - column) <= kClickRadius * kClickRadius)
                plane[static_cast<std::size_t>(r) * width + c] = positive ? 1.0f : -1.0f;
}

} // namespace banquise::models::detail
