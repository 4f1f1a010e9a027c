#include "labeling/HeldOutTiles.h"

#include "models/Scores.h"

#include <opencv2/core.hpp>

#include <cmath>
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

std::array<double, models::kClassCount> heldOutClassIou(const models::Prediction& prediction, const cv::Mat1b& truth,
                                                        const std::vector<cv::Rect>& tiles)
{
    // The tiles side by side in one strip, scored at once.
    std::vector<cv::Mat> predicted;
    std::vector<cv::Mat> expected;
    for (const cv::Rect& tile : tiles) {
        predicted.push_back(cv::Mat(prediction.classes(tile).clone()).reshape(1, 1));
        expected.push_back(cv::Mat(truth(tile).clone()).reshape(1, 1));
    }
    std::array<double, models::kClassCount> iou;
    iou.fill(std::nan(""));
    if (tiles.empty())
        return iou;
    cv::Mat1b allPredicted;
    cv::Mat1b allExpected;
    cv::hconcat(predicted, allPredicted);
    cv::hconcat(expected, allExpected);
    return models::scoreSegmentation(allPredicted, allExpected).iou;
}

} // namespace banquise::labeling
