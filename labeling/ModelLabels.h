#pragma once

#include <opencv2/core/mat.hpp>

namespace banquise::labeling {

class LabelLayer;

// The user's labels as the models read them (ModelInputs::userLabels):
// SeaIceClass per pixel, kNoClass where unlabelled or labelled "unknown".
cv::Mat1b modelClassesOf(const LabelLayer& labels);

} // namespace banquise::labeling
