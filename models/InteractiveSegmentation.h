#pragma once

#include <opencv2/core/mat.hpp>

#include <memory>
#include <vector>

namespace banquise::models {

class SeaIceModel;
struct ModelInputs;

// A DIAL click on the grid: "this pixel is (positive) / is not (negative)
// of this class" (SeaIceClass index).
struct Click {
    int column = 0;
    int row = 0;
    int modelClass = 0;
    bool positive = true;
};

// Interactive refinement of one tile: the network's features of the tile
// are computed once (a full pass), then each set of clicks runs the click
// head only, a fraction of the pass, so that a click updates its tile at
// once. Holds its own copy of what it needs; any thread, one at a time.
class InteractiveSegmentation {
public:
    // Throws std::invalid_argument when the tile is not inside the grid.
    InteractiveSegmentation(const SeaIceModel& model, const ModelInputs& inputs, const cv::Rect& tile);
    ~InteractiveSegmentation();
    InteractiveSegmentation(const InteractiveSegmentation&) = delete;
    InteractiveSegmentation& operator=(const InteractiveSegmentation&) = delete;

    const cv::Rect& tile() const;
    // The tile's classes (SeaIceClass per pixel) given the clicks (grid
    // coordinates; clicks outside the tile are ignored).
    cv::Mat1b classes(const std::vector<Click>& clicks) const;
    // The tile's classes without any click (computed once).
    const cv::Mat1b& classesWithoutClicks() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace banquise::models
