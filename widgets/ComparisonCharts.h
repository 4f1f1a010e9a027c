#pragma once

#include "models/ElevationComparison.h"

#include <QString>

#include <vector>

#include <QImage>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace banquise::widgets {

// The plots of an elevation comparison as Qt Charts, shared by the
// comparison dock and the report (which renders them offscreen). Qt Charts
// rather than VTK's charts: it is already the project's plotting library
// (loss curves, active-learning rounds), gives axes, legends and hover for
// free inside Qt layouts, and renders without an OpenGL context, so
// `banquise-cli compare` draws the same figures on a headless machine.
// Each function returns a new chart the caller owns.

// Scatter density of estimate against reference: one square per occupied
// cell, its colour the count on a log scale, and the 1:1 line.
QChart* densityChart(const models::DensityGrid& density, const QString& estimateName, const QString& referenceName);
// Histogram of the differences with the zero line.
QChart* differenceHistogramChart(const models::Histogram& histogram, const QString& title);
// Bias, RMSE and NMAD against distance from the SWOT nadir (the table's
// cross-track rows); an empty chart with a note when there are none.
QChart* crossTrackChart(const std::vector<models::MetricsRow>& table);
// Every map along a line; gaps where a map has no data. `pixelSize` in metres.
QChart* profileChart(const models::Profile& profile, const std::vector<QString>& names, double pixelSize);

// Draws a chart into an image (no window needed: a QApplication on any
// platform, offscreen included). Takes ownership of the chart.
QImage chartImage(QChart* chart, const QSize& size);

} // namespace banquise::widgets
