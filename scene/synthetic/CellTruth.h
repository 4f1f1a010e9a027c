#pragma once

#include "scene/synthetic/IceTruth.h"

#include <opencv2/core/mat.hpp>

#include <array>

namespace banquise::scene::synthetic {

struct SensorMode;

// Lead cells of the analysis grid by the width of their lead (codes of
// truth/lead_width.tif): leads at least three resolution cells wide, which
// the SAR resolves, and narrower ones, scored by their centre lines.
enum LeadWidthCode : unsigned char {
    kNoLead = 0,
    kResolvableLead = 1,  // most of the cell lies in a lead >= 3 resolution cells wide
    kNarrowLead = 2,      // the cell holds part of a narrower lead
    kNarrowCentreline = 3 // ... and lies on its centre line (one cell wide)
};

// The truth on the analysis grid, each cell `factor` x `factor` truth pixels.
struct CellTruth {
    std::array<cv::Mat1f, kSurfaceClassCount> fraction; // area fraction of each SurfaceClass
    cv::Mat1b majority;                                 // the SurfaceClass covering most of the cell
    cv::Mat1f freeboard;                                // mean
    cv::Mat1f roughness; // of a cell whose resolution cell sees one roughness only, NaN where it mixes
    cv::Mat1b leadWidth; // LeadWidthCode
    std::array<cv::Mat1f, 2> trap; // area fraction of wind-roughened water and of frost flowers
    cv::Mat1f floeId;    // the floe under the cell's centre, 0 where a lead covers it (exact below 2^24 floes)
};

CellTruth cellTruth(const IceTruth& truth, double truthPixelSize, int factor, const SensorMode& mode);

} // namespace banquise::scene::synthetic
