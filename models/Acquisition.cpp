#include "models/Acquisition.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace banquise::models {

namespace {

const std::array<std::pair<AcquisitionStrategy, const char*>, 4> kNames{{
    {AcquisitionStrategy::Random, "random"},
    {AcquisitionStrategy::Entropy, "entropy"},
    {AcquisitionStrategy::Margin, "margin"},
    {AcquisitionStrategy::Bald, "bald"},
}};

double cosine(const std::vector<float>& a, const std::vector<float>& b)
{
    double dot = 0.0, na = 0.0, nb = 0.0;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
    }
    return na > 0.0 && nb > 0.0 ? dot / std::sqrt(na * nb) : 0.0;
}

double meanOf(const cv::Mat1f& plane, const cv::Rect& tile, bool oneMinus)
{
    double sum = 0.0;
    std::size_t count = 0;
    for (int r = tile.y; r < tile.y + tile.height; ++r)
        for (int c = tile.x; c < tile.x + tile.width; ++c) {
            const float v = plane(r, c);
            if (std::isfinite(v)) {
                sum += oneMinus ? 1.0 - v : v;
                ++count;
            }
        }
    return count ? sum / count : 0.0;
}

// Descriptions centred on their mean: features after a ReLU are all
// positive, and their raw cosines would all be close to one.
std::vector<std::vector<float>> centred(std::vector<std::vector<float>> descriptions)
{
    if (descriptions.empty())
        return descriptions;
    std::vector<double> mean(descriptions.front().size(), 0.0);
    for (const auto& d : descriptions)
        for (std::size_t k = 0; k < d.size() && k < mean.size(); ++k)
            mean[k] += d[k] / descriptions.size();
    for (auto& d : descriptions)
        for (std::size_t k = 0; k < d.size() && k < mean.size(); ++k)
            d[k] -= static_cast<float>(mean[k]);
    return descriptions;
}

// Each description's mean cosine to the others not excluded (the pool),
// min-max scaled to 0..1 over all of them.
std::vector<double> poolTypicality(const std::vector<std::vector<float>>& descriptions, const std::vector<bool>& excluded)
{
    std::vector<double> typicality(descriptions.size(), 0.0);
    if (descriptions.empty())
        return typicality;
    for (std::size_t i = 0; i < descriptions.size(); ++i) {
        double sum = 0.0;
        int pool = 0;
        for (std::size_t j = 0; j < descriptions.size(); ++j)
            if (j != i && !(j < excluded.size() && excluded[j])) {
                sum += cosine(descriptions[i], descriptions[j]);
                ++pool;
            }
        typicality[i] = pool ? sum / pool : 0.0;
    }
    const auto [least, most] = std::minmax_element(typicality.begin(), typicality.end());
    const double range = *most > *least ? *most - *least : 1.0;
    const double floor = *least;
    for (double& t : typicality)
        t = (t - floor) / range;
    return typicality;
}

} // namespace

std::string toString(AcquisitionStrategy strategy)
{
    for (const auto& [s, name] : kNames)
        if (s == strategy)
            return name;
    return "random";
}

AcquisitionStrategy acquisitionStrategyFromString(const std::string& name)
{
    for (const auto& [s, n] : kNames)
        if (name == n)
            return s;
    throw std::invalid_argument("unknown acquisition strategy '" + name + "' (random, entropy, margin, bald)");
}

std::vector<cv::Rect> candidateTiles(cv::Size grid, int tileSize)
{
    std::vector<cv::Rect> tiles;
    const int size = std::min({tileSize, grid.width, grid.height});
    for (int y = 0; y < grid.height; y += size)
        for (int x = 0; x < grid.width; x += size)
            tiles.emplace_back(std::min(x, grid.width - size), std::min(y, grid.height - size), size, size);
    return tiles;
}

std::vector<double> scoreTiles(const Prediction& prediction, const std::vector<cv::Rect>& tiles, AcquisitionStrategy strategy,
                               std::mt19937& rng)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<double> scores;
    for (const cv::Rect& tile : tiles) {
        switch (strategy) {
        case AcquisitionStrategy::Random: scores.push_back(unit(rng)); break;
        case AcquisitionStrategy::Entropy: scores.push_back(meanOf(prediction.entropy, tile, false)); break;
        case AcquisitionStrategy::Margin: scores.push_back(meanOf(prediction.margin, tile, true)); break;
        case AcquisitionStrategy::Bald: scores.push_back(meanOf(prediction.mutualInformation, tile, false)); break;
        }
    }
    return scores;
}

SelectionTerms selectionTermsFor(AcquisitionStrategy strategy, const SelectionTerms& terms)
{
    return strategy == AcquisitionStrategy::Random ? SelectionTerms{0.0, 0.0} : terms;
}

std::vector<int> selectTiles(const std::vector<double>& scores, const std::vector<std::vector<float>>& rawDescriptions, int count,
                             const SelectionTerms& terms, const std::vector<bool>& excluded)
{
    const auto descriptions = centred(rawDescriptions);
    const auto [low, high] = std::minmax_element(scores.begin(), scores.end());
    const double span = scores.empty() || *high <= *low ? 1.0 : *high - *low;
    const auto typicality = terms.density > 0.0 && descriptions.size() == scores.size() ? poolTypicality(descriptions, excluded)
                                                                                        : std::vector<double>(scores.size(), 0.0);
    std::vector<int> chosen;
    std::vector<bool> taken(scores.size(), false);
    for (std::size_t i = 0; i < taken.size(); ++i)
        taken[i] = i < excluded.size() && excluded[i];
    while (static_cast<int>(chosen.size()) < count) {
        int best = -1;
        double bestValue = -1e300;
        for (std::size_t i = 0; i < scores.size(); ++i) {
            if (taken[i])
                continue;
            double similarity = 0.0;
            for (int j : chosen)
                if (i < descriptions.size() && static_cast<std::size_t>(j) < descriptions.size())
                    similarity = std::max(similarity, cosine(descriptions[i], descriptions[j]));
            const double value = (scores[i] - *low) / span + terms.density * typicality[i] - terms.diversity * similarity;
            if (value > bestValue) {
                bestValue = value;
                best = static_cast<int>(i);
            }
        }
        if (best < 0)
            break;
        taken[best] = true;
        chosen.push_back(best);
    }
    return chosen;
}

} // namespace banquise::models
