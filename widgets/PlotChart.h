#pragma once

#include "rendering/Plot.h"

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace banquise::widgets {

// A plot as an interactive Qt Charts chart for the docks (hover, legend
// toggles, resizing with the dock); the same plot drawn as a static image
// is rendering::plotImage. Returns a new chart the caller owns.
QChart* chartOf(const rendering::Plot& plot);

} // namespace banquise::widgets
