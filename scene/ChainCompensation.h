#pragma once

#include "scene/MapTypes.h"

#include <memory>

namespace banquise::scene {

class AnalysisGrid;
class DriftChain;
struct LayerInfo;
class RasterLayer;
class TrackLayer;

// Observations of a time series brought to its first SAR date through the
// drift chain (DriftChain.h): an observation made between dates k and k + 1
// is taken back to date k by the part of that link's motion its time has
// covered (linear in time), then carried back link by link. Each carries a
// position uncertainty, which widens a track's footprint: the likelihood of
// a record spreads over where its ice may have been. Observations further
// before the first date or after the last than the nearest link spans are
// refused (SceneError naming the layer): the ice has changed too much.
class ChainCompensation {
public:
    ChainCompensation(const DriftChain& chain, const AnalysisGrid& grid);

    // Whether an observation at `time` lies within the chain's reach.
    bool reaches(double time) const;
    // Where the ice seen at `position` at `time` was at the first date;
    // `sigmaMetres` (when given) its one-sigma position uncertainty.
    MapPoint toFirstDate(const MapPoint& position, double time, double* sigmaMetres = nullptr) const;
    // The track with every record moved to the first date (times kept), its
    // footprint widened by twice the records' median position sigma on each axis.
    std::shared_ptr<TrackLayer> compensate(const TrackLayer& track) const;
    // An image on the grid as it would have been seen at the first date:
    // each cell takes the value where its ice was at the image's time
    // (nearest neighbour, so speckle, classes and no-data stay as they
    // are), NaN where the ice's path left the image. Throws SceneError
    // naming the file when the image is not on the grid or out of reach.
    std::shared_ptr<RasterLayer> compensate(const RasterLayer& image) const;

private:
    void requireReach(const LayerInfo& info) const;

    const DriftChain& m_chain;
    const AnalysisGrid& m_grid;
};

} // namespace banquise::scene
