#include "models/detail/ClickSimulation.h"

#include "models/SeaIceClasses.h"
#include "models/detail/BatchSampler.h"
#include "models/detail/InputChannels.h"

#include <cmath>

namespace banquise::models::detail {

namespace {
constexpr double kNoClickShare = 0.2;
constexpr int kMaxClicks = 6;
constexpr double kErrorClickShare = 0.8;
constexpr double kNegativeClickShare = 0.25;
// A click speaks for its surroundings: Gaussian weight of this width (pixels).
constexpr double kReach = 12.0;
} // namespace

SimulatedClicks simulateClicks(const Batch& batch, const std::vector<int64_t>& predicted, std::mt19937& rng)
{
    const int s = batch.size;
    const std::size_t plane = static_cast<std::size_t>(s) * s;
    SimulatedClicks out;
    out.maps.assign(batch.count * kClassCount * plane, 0.0f);
    out.target.assign(batch.count * plane, -1);
    out.weight.assign(batch.count * plane, 0.0f);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int b = 0; b < batch.count; ++b) {
        const std::size_t base = b * plane;
        std::vector<int> labelled, wrong;
        for (std::size_t k = 0; k < plane; ++k) {
            int64_t label = batch.userLabel[base + k];
            if (label < 0 && batch.opticalConfidence[base + k] > 0.0f)
                label = batch.opticalLabel[base + k];
            out.target[base + k] = label;
            if (label >= 0) {
                labelled.push_back(static_cast<int>(k));
                if (predicted[base + k] != label)
                    wrong.push_back(static_cast<int>(k));
            }
        }
        if (labelled.empty() || unit(rng) < kNoClickShare)
            continue;
        float* maps = out.maps.data() + b * kClassCount * plane;
        const int clicks = 1 + static_cast<int>(unit(rng) * kMaxClicks);
        for (int i = 0; i < clicks; ++i) {
            const auto& pool = !wrong.empty() && unit(rng) < kErrorClickShare ? wrong : labelled;
            const int k = pool[static_cast<std::size_t>(unit(rng) * pool.size())];
            const int row = k / s, column = k % s;
            const int64_t label = out.target[base + k];
            markClick(maps, s, s, column, row, static_cast<int>(label), true);
            if (predicted[base + k] != label && unit(rng) < kNegativeClickShare)
                markClick(maps, s, s, column, row, static_cast<int>(predicted[base + k]), false);
            const int reach = static_cast<int>(3 * kReach);
            for (int r = std::max(0, row - reach); r < std::min(s, row + reach + 1); ++r)
                for (int c = std::max(0, column - reach); c < std::min(s, column + reach + 1); ++c) {
                    const std::size_t p = base + static_cast<std::size_t>(r) * s + c;
                    if (out.target[p] != label)
                        continue;
                    const double d2 = (r - row) * (r - row) + (c - column) * (c - column);
                    out.weight[p] = std::max(out.weight[p], static_cast<float>(std::exp(-d2 / (2 * kReach * kReach))));
                }
        }
    }
    return out;
}

} // namespace banquise::models::detail
