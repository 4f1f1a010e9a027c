#pragma once

#include "models/InteractiveSegmentation.h"
#include "models/SeaIceClasses.h"

#include <opencv2/core/mat.hpp>

#include <array>

namespace banquise::models {

// The HH backscatter of a tile (dB; NaN is no data) with its speckle
// smoothed (median then Gaussian), what "looks alike" is judged on.
cv::Mat1f smoothedDecibels(const cv::Mat1f& db);

// A tile's click-free class probabilities, one map per SeaIceClass.
using ClassProbabilities = std::array<cv::Mat1f, kClassCount>;

// What a click on a pixel that `classes` gets wrong changes beyond the click
// head: the region the model and the SAR tie to the clicked pixel takes the
// class the click asks for. A positive click asks for its class; a negative
// one on a lead asks for floe (a user who meant the other lead kind clicks
// it), on floe for the pixel's more likely lead kind.
// - From one lead kind to the other: the whole connected lead segment of
//   the clicked kind, within 128 pixels (a lead is open or refrozen along
//   its length).
// - Otherwise: the pixels connected to the click, within 128 pixels, of the
//   clicked pixel's class, whose smoothed backscatter is within 3 dB of the
//   click's and whose click-free probability of the asked class is at least
//   the clicked pixel's; when that probability is below 0.2 at the click,
//   the model says nothing about the rest, and only pixels within 8 of the
//   click change.
// `origin` is the tile's top-left grid pixel. Chosen on the training scene's
// objects (bench_object_clicks --tile-stride 4): lead NoC@85 11.3 -> 9.4 there.
void correctClickedRegion(cv::Mat1b& classes, const ClassProbabilities& probabilities, const cv::Mat1f& appearance, const Click& click,
                          cv::Point origin);

} // namespace banquise::models
