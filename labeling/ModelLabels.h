#pragma once

#include "labeling/Annotation.h"

#include <cstdint>

#include <opencv2/core/mat.hpp>

#include <vector>

namespace banquise::scene {
class AnalysisGrid;
}

namespace banquise::labeling {

class LabelLayer;

// One label class as the models' class index (SeaIceClass); -1 for "unknown",
// which the models do not learn.
int modelClassOf(LabelCode code);
// A model class index as a label code; LabelLayer::kUnlabelled for none.
std::uint8_t labelCodeOfModelClass(std::uint8_t modelClass);

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
