#include "models/PixelQueries.h"

#include "models/SeaIceClasses.h"

#include <algorithm>
#include <cmath>

namespace banquise::models {

cv::Mat1f pixelUncertainty(const Prediction& prediction, AcquisitionStrategy strategy)
{
    switch (strategy) {
    case AcquisitionStrategy::Entropy: return prediction.entropy.clone();
    case AcquisitionStrategy::Bald: return prediction.mutualInformation.clone();
    case AcquisitionStrategy::Margin: return 1.0f - prediction.margin;
    case AcquisitionStrategy::Random: break;
    }
    return {};
}

std::vector<cv::Point> pickPixels(const cv::Mat1f& uncertainty, const cv::Rect& tile, const cv::Mat1b& labels, int count, std::mt19937& rng,
                                  double topShare)
{
    struct Candidate {
        float uncertainty;
        cv::Point at;
    };
    std::vector<Candidate> pool;
    for (int r = tile.y; r < tile.y + tile.height; ++r)
        for (int c = tile.x; c < tile.x + tile.width; ++c) {
            if (labels(r, c) != kNoClass)
                continue;
            const float u = uncertainty.empty() ? 0.0f : uncertainty(r, c);
            if (std::isfinite(u))
                pool.push_back({u, {c, r}});
        }
    if (!uncertainty.empty()) {
        // The top share of the tile's pixels, at least `count` of them.
        const std::size_t top = std::min(pool.size(), std::max<std::size_t>(count, std::ceil(topShare * tile.area())));
        std::nth_element(pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(top) - (top > 0 ? 1 : 0), pool.end(),
                         [](const Candidate& a, const Candidate& b) { return a.uncertainty > b.uncertainty; });
        pool.resize(top);
        // nth_element leaves the order unspecified: sort the kept ones so
        // that a seed always draws the same pixels.
        std::sort(pool.begin(), pool.end(), [](const Candidate& a, const Candidate& b) {
            return a.at.y != b.at.y ? a.at.y < b.at.y : a.at.x < b.at.x;
        });
    }
    std::vector<cv::Point> picked;
    for (int k = 0; k < count && !pool.empty(); ++k) {
        const std::size_t i = std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(rng);
        picked.push_back(pool[i].at);
        pool[i] = pool.back();
        pool.pop_back();
    }
    return picked;
}

} // namespace banquise::models
