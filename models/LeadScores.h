#pragma once

#include <opencv2/core/mat.hpp>

namespace banquise::models {

// Leads scored by their width against a synthetic truth's lead-width map
// (scene::synthetic::LeadWidthCode: 1 resolvable, 2 narrow, 3 narrow centre
// line). A predicted lead is either kind (open or refrozen).
struct LeadScores {
    // IoU of predicted leads with leads at least three resolution cells
    // wide, away from narrower leads (within a cell of one, neither map counts).
    double resolvableIou = 0.0;
    // Share of the narrow leads' centre line with a predicted lead within one
    // pixel: what a map keeps of leads thinner than the SAR resolves.
    double thinSkeletonRecall = 0.0;
};

LeadScores scoreLeadsByWidth(const cv::Mat1b& predictedClasses, const cv::Mat1b& leadWidth);

} // namespace banquise::models
