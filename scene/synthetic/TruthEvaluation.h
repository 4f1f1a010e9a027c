#pragma once

#include "scene/TrackLayer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace banquise::scene {
class AnalysisGrid;
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

// Fraction of lead-flagged records whose footprint covers at least 30 %
// truth lead (open or refrozen) at the reference time; -1 without lead records.
double leadHitFraction(const std::vector<TrackRecord>& records, const Footprint& footprint, const std::vector<std::uint8_t>& surface,
                       const AnalysisGrid& grid);

} // namespace banquise::scene::synthetic
