#include "labeling/HeldOutTiles.h"

#include "models/Scores.h"

#include <random>

namespace banquise::labeling {

HeldOutTiles chooseHeldOutTiles(const std::vector<cv::Rect>& tiles, int count, unsigned seed)
{
    HeldOutTiles held{{}, std::vector<bool>(tiles.size(), false)};
    std::mt19937 rng(seed * 31u + 7u);
    while (static_cast<int>(held.tiles.size()) < count && held.tiles.size() < tiles.size()) {
        const std::size_t i = std::uniform_int_distribution<std::size_t>(0, tiles.size() - 1)(rng);
        if (!held.excluded[i]) {
            held.excluded[i] = true;
            held.tiles.push_back(tiles[i]);
        }
    }
    return held;
}

double heldOutMeanIou(const models::Prediction& prediction, const cv::Mat1b& truth, const std::vector<cv::Rect>& tiles)
{
    double sum = 0.0;
    for (const cv::Rect& tile : tiles)
        sum += models::scoreSegmentation(prediction.classes(tile), truth(tile)).meanIou;
    return tiles.empty() ? 0.0 : sum / tiles.size();
}

} // namespace banquise::labeling
