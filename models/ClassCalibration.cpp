#include "models/ClassCalibration.h"

#include <algorithm>
#include <cmath>

namespace banquise::models {

namespace {

std::array<double, kClassCount> argmaxFractions(const std::vector<std::array<float, kClassCount>>& logits, const ClassOffsets& offsets)
{
    std::array<double, kClassCount> counts{};
    for (const auto& l : logits) {
        int best = 0;
        for (int k = 1; k < kClassCount; ++k)
            if (l[k] + offsets.logit[k] > l[best] + offsets.logit[best])
                best = k;
        ++counts[best];
    }
    for (double& c : counts)
        c /= static_cast<double>(logits.size());
    return counts;
}

} // namespace

ClassOffsets fitClassFractions(const std::vector<std::array<float, kClassCount>>& logits)
{
    ClassOffsets offsets;
    if (logits.empty())
        return offsets;
    std::array<double, kClassCount> expected{};
    for (const auto& l : logits) {
        const float largest = *std::max_element(l.begin(), l.end());
        double sum = 0.0;
        std::array<double, kClassCount> e{};
        for (int k = 0; k < kClassCount; ++k)
            sum += e[k] = std::exp(double(l[k]) - largest);
        for (int k = 0; k < kClassCount; ++k)
            expected[k] += e[k] / sum / static_cast<double>(logits.size());
    }
    // A fixed-point iteration on the log ratio of expected to counted
    // fractions: each offset moves its class's count toward its expectation
    // (monotone in its own offset), damped since the classes interact.
    constexpr int kIterations = 40;
    constexpr double kDamping = 0.7;
    const double floor = 0.1 / static_cast<double>(logits.size());
    for (int iteration = 0; iteration < kIterations; ++iteration) {
        const auto counted = argmaxFractions(logits, offsets);
        for (int k = 1; k < kClassCount; ++k) {
            if (expected[k] < kMinExpectedFraction)
                continue;
            const double moved = offsets.logit[k] + kDamping * std::log(expected[k] / std::max(counted[k], floor));
            offsets.logit[k] = static_cast<float>(std::clamp(moved, double(-kMaxClassOffset), double(kMaxClassOffset)));
        }
    }
    return offsets;
}

} // namespace banquise::models
