#pragma once

#include <opencv2/core/mat.hpp>

#include <vector>

namespace banquise::models {

// Overlapping tiles over an image, row by row, for inference on grids of any
// size: tiles of `tile` pixels (smaller only when the image is), neighbours
// sharing at least `overlap` pixels, the last row and column flush with the
// image edge.
struct TileLayout {
    TileLayout(cv::Size image, int tile, int overlap);

    std::vector<int> columns; // left edges
    std::vector<int> rows;    // top edges
    cv::Size tileSize;

    // Blending weight of a tile's pixels: a linear ramp from the tile edge
    // over `overlap` pixels, except on edges that lie on the image border,
    // so overlapping predictions fade into each other without seams.
    cv::Mat1f weights(const cv::Rect& tile, cv::Size image) const;

private:
    int m_overlap;
};

} // namespace banquise::models
