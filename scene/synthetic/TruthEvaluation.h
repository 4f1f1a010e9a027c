#pragma once

#include "scene/TrackLayer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace banquise::scene {
class AnalysisGrid;
class DriftChain;
class MotionField;
}

namespace banquise::scene::synthetic {

struct EndPointErrors {
    double median = 0.0;
    double p95 = 0.0;
    std::size_t scored = 0; // vectors whose ice stays in the image
};

// End-point error of a motion field against the truth displacement raster
// (truth/drift_pixels.tif: x right, y down, pixels), scored where the ice
// is in both images.
EndPointErrors driftEndPointErrors(const MotionField& field, const std::string& truthRaster);

// The same for a drift chain carried from its first date to date `to`,
// against that date's truth (truth/drift_pixels_date<k>.tif), every
// `stride` pixels where the path stays in the image; and the share of
// errors within two of the chain's own sigmas (how honest they are).
struct ChainEndPointErrors : EndPointErrors {
    double withinTwoSigma = 0.0;
};
ChainEndPointErrors chainEndPointErrors(const DriftChain& chain, int to, const std::string& truthRaster, int stride = 8);

// Fraction of lead-flagged records whose footprint covers at least 20 %
// truth lead (open or refrozen) at the reference time, from the lead area
// fraction of each grid cell; -1 without lead records.
double leadHitFraction(const std::vector<TrackRecord>& records, const Footprint& footprint, const std::vector<float>& leadFraction,
                       const AnalysisGrid& grid);

// The lead area fraction (open and refrozen) of every analysis-grid cell of
// a synthetic scene, row-major; throws SceneError naming the truth file.
std::vector<float> readLeadFraction(const std::string& sceneFolder);

} // namespace banquise::scene::synthetic
