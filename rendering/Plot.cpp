#include "rendering/Plot.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace banquise::rendering {

QColor curveColour(std::size_t index)
{
    static const QColor colours[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44), QColor(214, 39, 40),
                                     QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(127, 127, 127),
                                     QColor(188, 189, 34), QColor(23, 190, 207)};
    return colours[index % std::size(colours)];
}

void fitAxes(Plot& plot, double padding, double minimumPadding)
{
    double xLow = INFINITY, xHigh = -INFINITY, yLow = INFINITY, yHigh = -INFINITY;
    for (const PlotSeries& s : plot.series)
        for (const QPointF& p : s.points)
            if (std::isfinite(p.x()) && std::isfinite(p.y())) {
                xLow = std::min(xLow, p.x());
                xHigh = std::max(xHigh, p.x());
                yLow = std::min(yLow, p.y());
                yHigh = std::max(yHigh, p.y());
            }
    if (xLow > xHigh) {
        xLow = yLow = 0.0;
        xHigh = yHigh = 1.0;
    }
    if (xHigh - xLow < 1e-12)
        xHigh = xLow + 1.0;
    const double pad = std::max(minimumPadding, padding * (yHigh - yLow));
    plot.x.low = xLow;
    plot.x.high = xHigh;
    plot.y.low = yLow - pad;
    plot.y.high = yHigh + pad;
}

std::vector<double> niceTicks(double low, double high, int wanted)
{
    if (!(high > low) || !std::isfinite(low) || !std::isfinite(high))
        return {low};
    const double rough = (high - low) / std::max(1, wanted);
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    double step = power;
    for (double factor : {1.0, 2.0, 5.0, 10.0})
        if (factor * power >= rough) {
            step = factor * power;
            break;
        }
    std::vector<double> ticks;
    for (double t = std::ceil(low / step - 1e-9) * step; t <= high + 1e-9 * step; t += step)
        ticks.push_back(std::abs(t) < 1e-12 * step ? 0.0 : t);
    return ticks;
}

int tickDecimals(const std::vector<double>& ticks)
{
    if (ticks.size() < 2)
        return 2;
    return std::clamp(static_cast<int>(-std::floor(std::log10(ticks[1] - ticks[0]) + 1e-9)), 0, 6);
}

} // namespace banquise::rendering
