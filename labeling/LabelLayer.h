#pragma once

#include "labeling/Annotation.h"
#include "scene/AnalysisGrid.h"
#include "scene/Layer.h"

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace banquise::labeling {

// The pixels one edit changed and what they held before: undo restores them
// (napari's per-stroke atoms), redo paints the annotation again.
struct LabelChange {
    std::vector<std::uint64_t> pixels; // row * width + column
    std::vector<std::uint8_t> before;
    bool empty() const { return pixels.empty(); }
};

// A class map on the analysis grid, drawn by the user: LabelCode values, or
// kUnlabelled. Stored sparsely in square tiles (ilastik's non-empty label
// blocks), allocated when first painted, so a 10 000² scene with a few
// strokes costs a few tiles; each tile counts its changes so that views
// redraw only the tiles that changed. GUI thread only.
class LabelLayer : public scene::Layer {
public:
    static constexpr std::uint8_t kUnlabelled = 255;
    static constexpr int kTileSize = 256;

    LabelLayer(scene::LayerInfo info, scene::AnalysisGrid grid);

    scene::LayerKind kind() const override { return scene::LayerKind::Labels; }
    scene::MapExtent extent() const override { return m_grid.extent(); }
    std::vector<double> valuesAt(const scene::MapPoint& p) const override;
    std::vector<float> sampleValues(std::size_t maxCount) const override;

    const scene::AnalysisGrid& grid() const { return m_grid; }
    std::uint8_t at(int column, int row) const;
    int tileColumns() const { return m_tileColumns; }
    int tileRows() const { return m_tileRows; }
    // The tile's kTileSize² values (row-major), nullptr when never painted.
    const std::uint8_t* tile(int tileColumn, int tileRow) const;
    // Changes of a tile since the layer was made; 0 for a tile never painted.
    std::uint64_t tileRevision(int tileColumn, int tileRow) const;

    // Paints one annotation (stroke, erasure, polygon, positive click);
    // pixels outside the grid are clipped. Returns what changed.
    LabelChange paint(const Annotation& annotation);
    // Paints the segment a..b of a stroke being drawn, with a disc of `radius`.
    LabelChange paintSegment(PixelPoint a, PixelPoint b, double radius, std::uint8_t value);
    void revert(const LabelChange& change);
    // Sets a block of pixels (row-major `values`, `width` x `height` from
    // (column, row)), clipped to the grid: a refined prediction shown as classes.
    LabelChange setBlock(int column, int row, int width, int height, const std::uint8_t* values);

    std::size_t labelledPixelCount() const;
    // Every pixel, row-major (kUnlabelled where nothing was drawn).
    std::vector<std::uint8_t> toDense() const;

private:
    struct Tile {
        std::array<std::uint8_t, kTileSize * kTileSize> values;
        std::uint64_t revision = 0;
    };
    void set(int column, int row, std::uint8_t value, LabelChange& change);
    LabelChange paintPolygon(const std::vector<PixelPoint>& polygon, std::uint8_t value);
    Tile& tileFor(int column, int row);

    scene::AnalysisGrid m_grid;
    int m_tileColumns;
    int m_tileRows;
    std::vector<std::unique_ptr<Tile>> m_tiles;
};

} // namespace banquise::labeling
