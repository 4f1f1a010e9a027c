#pragma once

#include "labeling/Annotation.h"

#include <opencv2/core/mat.hpp>

#include <vector>

namespace banquise::scene {
class AnalysisGrid;
}

namespace banquise::labeling {

class LabelLayer;

// The user's labels as the models read them (ModelInputs::userLabels):
// SeaIceClass per pixel, kNoClass where unlabelled or labelled "unknown".
cv::Mat1b modelClassesOf(const LabelLayer& labels);

// A scene's labels split for an active-learning round: every `heldOutEvery`-th
// stored annotation (by id) is kept out of training and scores the model.
struct LabelSplit {
    cv::Mat1b training; // SeaIceClass, kNoClass unlabelled
    cv::Mat1b heldOut;
    long long trainingPixels = 0;
    long long heldOutPixels = 0;
};
LabelSplit splitLabels(const std::vector<Annotation>& annotations, const scene::AnalysisGrid& grid, int heldOutEvery = 5);

} // namespace banquise::labeling
