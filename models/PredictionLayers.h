#pragma once

#include <memory>
#include <string>
#include <vector>

namespace banquise::scene {
class AnalysisGrid;
class Layer;
} // namespace banquise::scene

namespace banquise::models {

struct Prediction;

// A prediction's maps as scene layers on the grid, for the views: classes
// (as labeling's codes, 1 floe, 2 open lead, 3 refrozen lead), class
// entropy, despeckled HH, and with elevation: freeboard, its MC standard
// deviation, thickness and its uncertainty. `source` names the model.
std::vector<std::shared_ptr<const scene::Layer>> predictionLayers(const Prediction& prediction, const scene::AnalysisGrid& grid,
                                                                  double time, const std::string& source);

} // namespace banquise::models
