#pragma once

#include "rendering/Plot.h"

#include <QImage>
#include <QSize>

namespace banquise::rendering {

// Draws a plot into an image with QPainter: title, axes with round-number
// ticks, the series clipped to the plot area, a legend on the right. Needs
// only a QGuiApplication (fonts), on any platform, offscreen included.
// Hand-drawn because Qt Charts needs a widget application, which a batch
// node has no reason to install.
QImage plotImage(const Plot& plot, QSize size);

} // namespace banquise::rendering
