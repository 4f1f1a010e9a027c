#pragma once

#include "models/ElevationComparison.h"
#include "rendering/Plot.h"

#include <QString>

#include <vector>

namespace banquise::rendering {

// The plots of an elevation comparison, described once for the comparison
// dock (Qt Charts) and the report (static images).

// Scatter density of estimate against reference: one square per occupied
// cell, its colour the count on a log scale, and the 1:1 line.
Plot densityPlot(const models::DensityGrid& density, const QString& estimateName, const QString& referenceName);
// Histogram of the differences with the zero line.
Plot differenceHistogramPlot(const models::Histogram& histogram, const QString& title);
// Bias, RMSE and NMAD against distance from the SWOT nadir (the table's
// cross-track rows); empty, with a title that says so, when there are none.
Plot crossTrackPlot(const std::vector<models::MetricsRow>& table);
// Every map along a line; gaps where a map has no data. `pixelSize` in metres.
Plot profilePlot(const models::Profile& profile, const std::vector<QString>& names, double pixelSize);

} // namespace banquise::rendering
