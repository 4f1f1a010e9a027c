#pragma once

#include "rendering/Colormap.h"

#include <QImage>

#include <opencv2/core/mat.hpp>

namespace banquise::rendering {

// A map coloured for a figure: values over [low, high] through a colormap,
// NaN in light grey, shrunk by whole-pixel averaging to at most `maxSide`
// pixels on its longer side (a 3000² map becomes a readable 1000² figure).
QImage mapImage(const cv::Mat1f& values, Colormap colormap, double low, double high, int maxSide = 1000);

// A horizontal colour bar with its range and units under it.
QImage colourBarImage(Colormap colormap, double low, double high, const QString& units, int width = 400);

} // namespace banquise::rendering
