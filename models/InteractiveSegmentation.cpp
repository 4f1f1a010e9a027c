#include "models/InteractiveSegmentation.h"

#include "models/ClickCorrection.h"
#include "models/ModelInputs.h"
#include "models/SeaIceClasses.h"
#include "models/detail/ModelImpl.h"

#include <stdexcept>

namespace banquise::models {

struct InteractiveSegmentation::State {
    detail::FloeNet net;
    detail::NetFeatures features;
    cv::Rect tile;
    torch::Device device{torch::kCPU};
    cv::Mat1b base;        // the tile's classes without clicks
    cv::Mat1f appearance;  // the tile's HH in dB, speckle smoothed
    ClassProbabilities probabilities; // without clicks
};


InteractiveSegmentation::InteractiveSegmentation(const SeaIceModel& model, const ModelInputs& inputs, const cv::Rect& tile)
    : m_state(std::make_unique<State>(State{model.m_impl->net, {}, tile}))
{
    if ((tile & cv::Rect(0, 0, inputs.width(), inputs.height())) != tile || tile.empty())
        throw std::invalid_argument("the tile to refine is not inside the grid");
    torch::NoGradGuard noGrad;
    m_state->device = computeDevice();
    m_state->net->to(m_state->device);
    m_state->net->eval();
    const auto input = tileInput(inputs, tile, m_state->device);
    m_state->features = m_state->net->features(input);
    m_state->appearance = smoothedDecibels(inputs.primaryDb(tile));
    const auto noClicks = torch::zeros({1, kClassCount, tile.height, tile.width}, torch::TensorOptions().device(m_state->device));
    const auto probabilities = torch::softmax(m_state->net->classLogits(m_state->features, noClicks), 1).squeeze(0).to(torch::kCPU).contiguous();
    for (int k = 0; k < kClassCount; ++k) {
        m_state->probabilities[k].create(tile.height, tile.width);
        std::copy_n(probabilities[k].data_ptr<float>(), tile.area(), m_state->probabilities[k].ptr<float>());
    }
    m_state->base = classes({});
}

InteractiveSegmentation::~InteractiveSegmentation() = default;

const cv::Rect& InteractiveSegmentation::tile() const
{
    return m_state->tile;
}

const cv::Mat1b& InteractiveSegmentation::classesWithoutClicks() const
{
    return m_state->base;
}

cv::Mat1b InteractiveSegmentation::classes(const std::vector<Click>& clicks) const
{
    torch::NoGradGuard noGrad;
    const cv::Rect& tile = m_state->tile;
    std::vector<float> maps(static_cast<std::size_t>(kClassCount) * tile.area(), 0.0f);
    for (const Click& click : clicks)
        if (tile.contains({click.column, click.row}) && click.modelClass >= 0 && click.modelClass < kClassCount)
            detail::markClick(maps.data(), tile.width, tile.height, click.column - tile.x, click.row - tile.y, click.modelClass,
                              click.positive);
    const auto clickMaps = torch::from_blob(maps.data(), {1, kClassCount, tile.height, tile.width}).to(m_state->device);
    const auto classes =
        m_state->net->classLogits(m_state->features, clickMaps).argmax(1).squeeze(0).to(torch::kUInt8).to(torch::kCPU).contiguous();
    cv::Mat1b out(tile.height, tile.width);
    std::copy_n(classes.data_ptr<std::uint8_t>(), tile.area(), out.ptr<std::uint8_t>());
    if (!m_state->base.empty())
        for (const Click& click : clicks)
            correctClickedRegion(out, m_state->probabilities, m_state->appearance, click, tile.tl());
    return out;
}

} // namespace banquise::models
