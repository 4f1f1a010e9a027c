#include "models/detail/TileSamples.h"

#include "models/SeaIceClasses.h"

namespace banquise::models::detail {

TileSamples::TileSamples(int height, int width, const torch::TensorOptions& options)
    : m_probabilitySum(torch::zeros({kClassCount, height, width}, options)), m_entropySum(torch::zeros({height, width}, options)),
      m_elevationSum(torch::zeros({height, width}, options)),
      m_elevationSquares(torch::zeros({height, width}, options))
{
}

void TileSamples::add(const torch::Tensor& logits, const torch::Tensor& elevation)
{
    ++m_count;
    const auto probability = torch::softmax(logits, 1).squeeze(0);
    m_probabilitySum += probability;
    m_entropySum -= (probability * probability.clamp_min(1e-8).log()).sum(0);
    if (elevation.defined()) {
        const auto e = elevation.squeeze(0).squeeze(0);
        m_elevationSum += e;
        m_elevationSquares += e * e;
    }
}

TileOutput TileSamples::finish(const torch::Tensor& despeckledDb) const
{
    const double n = std::max(1, m_count);
    const auto probability = m_probabilitySum / n;
    const auto elevation = m_elevationSum / n;
    const auto elevationStd = (m_elevationSquares / n - elevation * elevation).clamp_min(0.0).sqrt();
    const auto entropy = -(probability * probability.clamp_min(1e-8).log()).sum(0);
    const auto despeckled = despeckledDb.defined() ? despeckledDb : torch::full_like(elevation, std::nan(""));
    const std::array<torch::Tensor, kPlanes> tensors{despeckled, probability[kFloe], probability[kOpenLead], probability[kRefrozenLead],
                                                     entropy, m_entropySum / n, elevation, elevationStd};
    TileOutput result;
    for (int p = 0; p < kPlanes; ++p) {
        const auto cpu = tensors[p].to(torch::kCPU).contiguous();
        result.planes[p] = cv::Mat1f(static_cast<int>(cpu.size(0)), static_cast<int>(cpu.size(1)), cpu.data_ptr<float>()).clone();
    }
    return result;
}

} // namespace banquise::models::detail
