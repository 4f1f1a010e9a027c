#include "models/detail/Losses.h"

namespace banquise::models::detail {

torch::Tensor concentrationLoss(const torch::Tensor& iceProbability, const torch::Tensor& cellPixel, const torch::Tensor& cellIndex,
                                const torch::Tensor& cellConcentration)
{
    const auto index = cellIndex.reshape({-1});
    if (index.numel() == 0)
        return torch::zeros({}, iceProbability.options());
    const auto probability = iceProbability.reshape({-1}).index_select(0, cellPixel.reshape({-1}));
    const int64_t count = cellConcentration.size(0);
    const auto sums = torch::zeros({count}, probability.options()).index_add(0, index, probability);
    const auto pixels = torch::zeros({count}, probability.options()).index_add(0, index, torch::ones_like(probability));
    const auto present = pixels > 0;
    const auto means = sums.masked_select(present) / pixels.masked_select(present);
    const auto error = means - cellConcentration.masked_select(present);
    const auto weights = pixels.masked_select(present);
    return (weights * error * error).sum() / weights.sum();
}

torch::Tensor pseudoLabelLoss(const torch::Tensor& logits, const torch::Tensor& labels, const torch::Tensor& confidence)
{
    const auto labelled = labels >= 0;
    const auto weights = confidence * labelled.to(confidence.dtype());
    const auto total = weights.sum();
    if (total.item<double>() <= 0.0)
        return torch::zeros({}, logits.options());
    const auto logProbability = torch::log_softmax(logits, 1);
    const auto picked = logProbability.gather(1, labels.clamp_min(0).unsqueeze(1)).squeeze(1);
    return -(weights * picked).sum() / total;
}

torch::Tensor footprintLoss(const torch::Tensor& elevation, const torch::Tensor& pixel, const torch::Tensor& record,
                            const torch::Tensor& weight, const torch::Tensor& value, const torch::Tensor& sigma)
{
    if (value.numel() == 0)
        return torch::zeros({}, elevation.options());
    const auto sampled = elevation.reshape({-1}).index_select(0, pixel) * weight;
    const auto means = torch::zeros({value.size(0)}, elevation.options()).index_add(0, record, sampled);
    const auto z = (means - value) / sigma;
    return 0.5 * (z * z).mean();
}

torch::Tensor seaLevelLoss(const torch::Tensor& openLeadProbability, const torch::Tensor& elevation)
{
    const auto p = openLeadProbability.detach();
    return ((p > 0.5).to(p.dtype()) * p * elevation * elevation).mean();
}

torch::Tensor correctionPrior(const torch::Tensor& correction)
{
    return (correction * correction).mean();
}

torch::Tensor speckleLoss(const torch::Tensor& logReflectivity, const torch::Tensor& intensity)
{
    if (intensity.numel() == 0)
        return torch::zeros({}, logReflectivity.options());
    return (logReflectivity - torch::log(intensity) + intensity * torch::exp(-logReflectivity) - 1.0).mean();
}

torch::Tensor entropyLoss(const torch::Tensor& logits)
{
    const auto logProbability = torch::log_softmax(logits, 1);
    return -(logProbability.exp() * logProbability).sum(1).mean();
}

} // namespace banquise::models::detail
