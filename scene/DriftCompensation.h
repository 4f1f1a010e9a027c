#pragma once

#include "scene/MapTypes.h"

#include <memory>
#include <string>
#include <utility>

namespace banquise::scene {

class AnalysisGrid;
class Layer;
struct LayerInfo;
class MotionField;
class RasterLayer;
class Scene;
class TrackLayer;

// The name of a layer's drift-compensated twin, and whether a name is a twin's.
std::string compensatedName(const std::string& name);
bool isCompensatedName(const std::string& name);

// The two SAR sigma0 layers to estimate drift between: the first sigma0
// layer of the scene and the first one acquired later (same layer order as
// the manifest). Throws SceneError when the scene has no such pair.
std::pair<std::shared_ptr<const RasterLayer>, std::shared_ptr<const RasterLayer>> sarDatePair(const Scene& scene);

// The ice's displacement between the two SAR dates at a map point, in
// metres (x east, y north on the grid), from the field's lattice.
MapPoint driftDisplacement(const MotionField& field, const AnalysisGrid& grid, const MapPoint& position);

// Ice motion known between two SAR dates, used to bring observations made
// at other times back to the first (reference) date. Displacement is taken
// to grow linearly in time, before, between and after the two dates, but
// not further from them than the two dates are apart (12 h at least):
// beyond that the ice has turned and rafted, and a layer acquired there is
// refused (SceneError naming its file and how far it is).
class DriftCompensation {
public:
    DriftCompensation(const MotionField& field, const AnalysisGrid& grid, double referenceTime, double secondTime);

    // Whether an observation at `time` lies within reach of the two dates.
    bool reaches(double time) const;
    // Where the ice seen at `position` at time t was at the reference time.
    MapPoint toReferenceTime(const MapPoint& position, double time) const;
    // The track with every record moved to the reference time (times kept).
    std::shared_ptr<TrackLayer> compensate(const TrackLayer& track) const;
    // An image (raster or swath) as it would have been seen at the reference
    // time: each grid cell takes the value where its ice was at the image's
    // time (nearest neighbour, so classes and no-data stay intact).
    std::shared_ptr<Layer> compensate(const RasterLayer& image) const;

private:
    void requireReach(const LayerInfo& info) const;

    const MotionField& m_field;
    const AnalysisGrid& m_grid;
    double m_referenceTime;
    double m_secondTime;
};

} // namespace banquise::scene
