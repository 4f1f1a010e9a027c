#include "rendering/ComparisonPlots.h"

#include "rendering/Colormap.h"

#include <QObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace banquise::rendering {

namespace {

constexpr int kDensityLevels = 6;

QColor colourOf(Colormap map, double t)
{
    const Rgb c = colourAt(map, t);
    return QColor(c[0], c[1], c[2]);
}

PlotSeries referenceLine(const QString& name, QPointF from, QPointF to)
{
    return {name, SeriesStyle::DashedLine, Qt::black, {from, to}};
}

} // namespace

Plot densityPlot(const models::DensityGrid& density, const QString& estimateName, const QString& referenceName)
{
    Plot plot{QObject::tr("%1 against %2 (pairs per cell, log scale)").arg(estimateName, referenceName),
              {referenceName + " (m)", density.low, density.high},
              {estimateName + " (m)", density.low, density.high},
              {}};
    std::size_t most = 1;
    for (std::size_t n : density.counts)
        most = std::max(most, n);
    const double cell = (density.high - density.low) / std::max(1, density.bins);
    for (int level = 0; level < kDensityLevels; ++level) {
        const double from = std::pow(static_cast<double>(most), static_cast<double>(level) / kDensityLevels);
        const double to = std::pow(static_cast<double>(most), static_cast<double>(level + 1) / kDensityLevels);
        plot.series.push_back({QString("%1-%2").arg(std::ceil(from)).arg(std::floor(to)), SeriesStyle::Squares,
                               colourOf(Colormap::Warm, 0.15 + 0.85 * level / (kDensityLevels - 1.0)), {}, cell});
    }
    for (int i = 0; i < density.bins; ++i)
        for (int j = 0; j < density.bins; ++j) {
            const std::size_t n = density.at(i, j);
            if (!n)
                continue;
            const double t = most > 1 ? std::log(static_cast<double>(n)) / std::log(static_cast<double>(most)) : 1.0;
            const int level = std::min(kDensityLevels - 1, static_cast<int>(t * kDensityLevels));
            plot.series[level].points.emplace_back(density.low + (i + 0.5) * cell, density.low + (j + 0.5) * cell);
        }
    plot.series.push_back(referenceLine("1:1", {density.low, density.low}, {density.high, density.high}));
    return plot;
}

Plot differenceHistogramPlot(const models::Histogram& histogram, const QString& title)
{
    std::size_t most = 1;
    for (std::size_t n : histogram.counts)
        most = std::max(most, n);
    Plot plot{title, {QObject::tr("difference (m)"), histogram.low, histogram.high}, {QObject::tr("pixels"), 0.0, most * 1.05}, {}};
    PlotSeries bars{QObject::tr("differences"), SeriesStyle::Bars, colourOf(Colormap::Diverging, 0.2), {}, histogram.binWidth()};
    for (std::size_t b = 0; b < histogram.counts.size(); ++b)
        bars.points.emplace_back(histogram.binCentre(b), static_cast<double>(histogram.counts[b]));
    plot.series.push_back(bars);
    plot.series.push_back(referenceLine(QObject::tr("zero"), {0.0, 0.0}, {0.0, most * 1.05}));
    return plot;
}

Plot crossTrackPlot(const std::vector<models::MetricsRow>& table)
{
    PlotSeries bias{QObject::tr("bias"), SeriesStyle::LineWithPoints, curveColour(0), {}};
    PlotSeries rmse{QObject::tr("RMSE"), SeriesStyle::LineWithPoints, curveColour(1), {}};
    PlotSeries nmad{QObject::tr("NMAD"), SeriesStyle::LineWithPoints, curveColour(2), {}};
    double low = 0.0, high = 0.0, far = 1.0;
    for (const models::MetricsRow& row : table) {
        if (row.group != "cross-track")
            continue;
        const double centre = 0.5 * (row.fromMetres + row.toMetres) / 1000.0;
        bias.points.emplace_back(centre, row.scores.bias);
        rmse.points.emplace_back(centre, row.scores.rmse);
        nmad.points.emplace_back(centre, row.scores.nmad);
        low = std::min({low, row.scores.bias});
        high = std::max({high, row.scores.rmse, row.scores.nmad});
        far = std::max(far, row.toMetres / 1000.0);
    }
    const double pad = 0.1 * std::max(0.01, high - low);
    const QString title = rmse.points.empty() ? QObject::tr("No distance from the SWOT nadir in this product")
                                              : QObject::tr("Agreement against distance from the SWOT nadir");
    return {title, {QObject::tr("distance from nadir (km)"), 0.0, far}, {QObject::tr("metres"), low - pad, high + pad}, {bias, rmse, nmad}};
}

Plot profilePlot(const models::Profile& profile, const std::vector<QString>& names, double pixelSize)
{
    const double length = profile.distance.empty() ? 1.0 : profile.distance.back() * pixelSize / 1000.0;
    double low = 0.0, high = 0.0;
    Plot plot{QObject::tr("Profile"), {QObject::tr("distance along the line (km)"), 0.0, std::max(length, 1e-3)}, {QObject::tr("elevation (m)")}, {}};
    for (std::size_t m = 0; m < profile.values.size(); ++m) {
        PlotSeries line{m < names.size() ? names[m] : QString(), SeriesStyle::Line, curveColour(m), {}};
        for (std::size_t s = 0; s < profile.distance.size(); ++s) {
            const float v = profile.values[m][s];
            line.points.emplace_back(profile.distance[s] * pixelSize / 1000.0, std::isfinite(v) ? v : std::numeric_limits<double>::quiet_NaN());
            if (std::isfinite(v)) {
                low = std::min(low, static_cast<double>(v));
                high = std::max(high, static_cast<double>(v));
            }
        }
        plot.series.push_back(line);
    }
    const double pad = 0.05 * std::max(0.01, high - low);
    plot.y.low = low - pad;
    plot.y.high = high + pad;
    return plot;
}

} // namespace banquise::rendering
