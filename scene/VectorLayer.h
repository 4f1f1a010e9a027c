#pragma once

#include "scene/Layer.h"

#include <memory>
#include <vector>

namespace banquise::scene {

class AnalysisGrid;
class MotionField;

// One arrow of a vector field: where it starts and the displacement it
// shows, in metres (x east, y north on the grid).
struct VectorArrow {
    MapPoint position;
    double dx = 0.0;
    double dy = 0.0;
    float value = 0.0f;   // what colours it (e.g. speed)
    bool measured = true; // false: filled from neighbours
};

// A vector field on the map, e.g. ice drift between two SAR dates.
class VectorLayer : public Layer {
public:
    VectorLayer(LayerInfo info, std::vector<VectorArrow> arrows, double spacing);

    LayerKind kind() const override { return LayerKind::Vectors; }
    MapExtent extent() const override { return m_extent; }
    // The value of the arrow whose cell holds the point.
    std::vector<double> valuesAt(const MapPoint& p) const override;
    std::vector<float> sampleValues(std::size_t maxCount) const override;

    const std::vector<VectorArrow>& arrows() const { return m_arrows; }
    double spacing() const { return m_spacing; } // metres between arrows

private:
    std::vector<VectorArrow> m_arrows;
    double m_spacing;
    MapExtent m_extent;
};

// The drift field between two SAR dates as a layer of speeds (km/day),
// one arrow per `stride` x `stride` lattice vectors so that arrows stay
// legible (about 20 across the scene when stride is 0).
std::shared_ptr<VectorLayer> makeDriftLayer(const MotionField& field, const AnalysisGrid& grid, double firstTime, double secondTime,
                                            int stride = 0);

} // namespace banquise::scene
