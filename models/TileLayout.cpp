#include "models/TileLayout.h"

#include <algorithm>
#include <stdexcept>

namespace banquise::models {

namespace {

std::vector<int> starts(int length, int tile, int overlap)
{
    std::vector<int> result{0};
    const int stride = std::max(1, tile - overlap);
    while (result.back() + tile < length)
        result.push_back(std::min(result.back() + stride, length - tile));
    return result;
}

} // namespace

TileLayout::TileLayout(cv::Size image, int tile, int overlap) : m_overlap(overlap)
{
    if (tile <= 0 || overlap < 0 || overlap >= tile)
        throw std::invalid_argument("tiles need 0 <= overlap < tile size");
    tileSize = {std::min(tile, image.width), std::min(tile, image.height)};
    columns = starts(image.width, tileSize.width, overlap);
    rows = starts(image.height, tileSize.height, overlap);
}

cv::Mat1f TileLayout::weights(const cv::Rect& tile, cv::Size image) const
{
    auto ramp = [&](int length, bool fadeLow, bool fadeHigh) {
        std::vector<float> w(length, 1.0f);
        for (int i = 0; i < length; ++i) {
            const float fromLow = fadeLow ? (i + 0.5f) / (m_overlap + 1.0f) : 1.0f;
            const float fromHigh = fadeHigh ? (length - i - 0.5f) / (m_overlap + 1.0f) : 1.0f;
            w[i] = std::clamp(std::min(fromLow, fromHigh), 1e-3f, 1.0f);
        }
        return w;
    };
    const auto wx = ramp(tile.width, tile.x > 0, tile.x + tile.width < image.width);
    const auto wy = ramp(tile.height, tile.y > 0, tile.y + tile.height < image.height);
    cv::Mat1f weights(tile.size());
    for (int r = 0; r < tile.height; ++r)
        for (int c = 0; c < tile.width; ++c)
            weights(r, c) = wx[c] * wy[r];
    return weights;
}

} // namespace banquise::models
