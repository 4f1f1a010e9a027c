#pragma once

#include <QColor>
#include <QPointF>
#include <QString>

#include <vector>

namespace banquise::rendering {

// A 2-D plot described once and drawn by either of two painters: a static
// image (rendering/PlotImage, QtGui only, for reports written by the
// headless CLI) or an interactive Qt Charts view (widgets/PlotChart, for
// the docks). Coordinates are in data units.

struct PlotAxis {
    QString title;
    double low = 0.0;
    double high = 1.0;
};

enum class SeriesStyle {
    Line,           // joined points; a NaN y breaks the line
    LineWithPoints, // the same with a dot at each point
    DashedLine,     // a reference line (1:1, zero)
    Squares,        // a filled square of `width` data units centred on each point (density cells)
    Bars,           // a bar of `width` data units from y = 0 to each point (histogram bins)
};

struct PlotSeries {
    QString name; // empty: not in the legend
    SeriesStyle style = SeriesStyle::Line;
    QColor colour = Qt::black;
    std::vector<QPointF> points;
    double width = 0.0; // Squares and Bars only
};

struct Plot {
    QString title;
    PlotAxis x;
    PlotAxis y;
    std::vector<PlotSeries> series;
};

// The colour of the i-th curve of a plot (Tableau 10, as matplotlib's).
QColor curveColour(std::size_t index);

// The range of every finite coordinate of the series, padded by `padding`
// of its span on y (at least `minimumPadding`); [0, 1] when there is none.
// For plots whose axes follow their data.
void fitAxes(Plot& plot, double padding = 0.05, double minimumPadding = 0.02);

// Round tick values (1, 2 or 5 times a power of ten) inside [low, high],
// about `wanted` of them, and the decimals their labels need.
std::vector<double> niceTicks(double low, double high, int wanted = 6);
int tickDecimals(const std::vector<double>& ticks);

} // namespace banquise::rendering
