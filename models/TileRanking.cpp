#include "models/TileRanking.h"

#include "models/ModelInputs.h"

namespace banquise::models {

std::vector<RankedTile> rankTiles(const SeaIceModel& model, const ModelInputs& inputs, const Prediction& prediction,
                                  const std::vector<cv::Rect>& tiles, AcquisitionStrategy strategy, const SelectionTerms& terms, int count,
                                  const std::vector<bool>& excluded, std::mt19937& rng)
{
    const std::vector<double> scores = scoreTiles(prediction, tiles, strategy, rng);
    const auto descriptions = terms.diversity > 0.0 || terms.density > 0.0 ? model.describeTiles(inputs, tiles)
                                                                            : std::vector<std::vector<float>>{};
    std::vector<RankedTile> ranked;
    for (int index : selectTiles(scores, descriptions, count, terms, excluded))
        ranked.push_back({index, tiles[index], scores[index]});
    return ranked;
}

} // namespace banquise::models
