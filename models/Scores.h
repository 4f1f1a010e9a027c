#pragma once

#include "models/SeaIceClasses.h"

#include <opencv2/core/mat.hpp>

#include <array>
#include <cstddef>
#include <vector>

namespace banquise::models {

struct SegmentationScores {
    std::array<double, kClassCount> iou{}; // per SeaIceClass; NaN when the class is in neither map
    double meanIou = 0.0;                  // over the classes present
    double accuracy = 0.0;
    std::size_t pixels = 0; // scored (both maps have a class)
};

// Intersection over union per class of two class rasters (SeaIceClass,
// kNoClass ignored in either).
SegmentationScores scoreSegmentation(const cv::Mat1b& predicted, const cv::Mat1b& truth);

// Agreement of an estimate with a reference over the pairs where both are
// finite; every figure is 0 when there is no pair.
struct RegressionScores {
    double rmse = 0.0;
    double bias = 0.0; // mean of predicted - truth
    double mae = 0.0;
    // Normalised median absolute deviation of the differences,
    // 1.4826 median |d - median d|: the robust spread altimetry papers quote.
    double nmad = 0.0;
    double correlation = 0.0; // Pearson r
    // Least-squares line predicted = slope * truth + intercept.
    double slope = 0.0;
    double intercept = 0.0;
    std::size_t count = 0; // pairs where both are finite
};

RegressionScores scoreRegression(const cv::Mat1f& predicted, const cv::Mat1f& truth);
RegressionScores scoreRegression(const std::vector<float>& predicted, const std::vector<float>& truth);

// Peak signal-to-noise ratio of a despeckled image against the speckle-free
// truth, both in dB, the peak being the truth's dynamic range (max - min of
// its finite pixels): the usual figure of SAR despeckling papers.
double psnrDb(const cv::Mat1f& estimateDb, const cv::Mat1f& truthDb);

// Synthetic truth surface codes (open water, refrozen lead, floe, ridge) as
// segmentation classes (ridges are floe).
cv::Mat1b classesFromSurfaceCodes(const cv::Mat1b& surface);

} // namespace banquise::models
