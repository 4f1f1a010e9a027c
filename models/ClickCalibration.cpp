#include "models/ClickCalibration.h"

#include <algorithm>
#include <cmath>

namespace banquise::models {

namespace {

std::array<double, kClassCount> softmax(const std::array<float, kClassCount>& logits, const ClassOffsets& offsets)
{
    std::array<double, kClassCount> p{};
    double largest = -INFINITY;
    for (int k = 0; k < kClassCount; ++k)
        largest = std::max(largest, double(logits[k]) + offsets.logit[k]);
    double sum = 0.0;
    for (int k = 0; k < kClassCount; ++k)
        sum += p[k] = std::exp(logits[k] + offsets.logit[k] - largest);
    for (double& v : p)
        v /= sum;
    return p;
}

} // namespace

ClassOffsets fitClickOffsets(const std::vector<ClickedLogits>& clicks)
{
    ClassOffsets offsets;
    if (clicks.empty())
        return offsets;
    // The prior's precision on (open lead, refrozen lead): marginal
    // precision kOffsetPrecision each, correlation kLeadCorrelation.
    const double precision = 2.0 * kOffsetPrecision / (1.0 - kLeadCorrelation * kLeadCorrelation);
    // Two parameters and a smooth convex loss: plain gradient descent
    // converges long before its last step.
    constexpr int kSteps = 200;
    constexpr double kStepSize = 0.3;
    for (int step = 0; step < kSteps; ++step) {
        std::array<double, kClassCount> gradient{};
        for (const ClickedLogits& click : clicks) {
            const auto p = softmax(click.logits, offsets);
            const int k = click.modelClass;
            // d(-log p_k)/db_j = p_j - [j = k]; d(-log(1 - p_k))/db_j = p_k ([j = k] - p_j) / (1 - p_k).
            for (int j = 0; j < kClassCount; ++j)
                gradient[j] += click.positive ? p[j] - (j == k) : p[k] * ((j == k) - p[j]) / std::max(1e-9, 1.0 - p[k]);
        }
        const std::array<float, kClassCount> current = offsets.logit;
        for (int j : {kOpenLead, kRefrozenLead}) {
            const int other = j == kOpenLead ? kRefrozenLead : kOpenLead;
            const double prior = precision * (current[j] - kLeadCorrelation * current[other]);
            const double moved = current[j] - kStepSize * (gradient[j] + prior);
            offsets.logit[j] = static_cast<float>(std::clamp(moved, double(-kMaxOffset), double(kMaxOffset)));
        }
    }
    return offsets;
}

} // namespace banquise::models
