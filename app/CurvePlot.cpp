#include "app/CurvePlot.h"

#include "rendering/Plot.h"
#include "rendering/PlotImage.h"

#include <stdexcept>

namespace banquise::app {

void writeCurvePlot(const QString& path, const QString& title, const QString& xLabel, const QString& yLabel,
                    const std::vector<CurveSeries>& series)
{
    rendering::Plot plot{title, {xLabel}, {yLabel}, {}};
    for (std::size_t i = 0; i < series.size(); ++i) {
        rendering::PlotSeries line{series[i].name, rendering::SeriesStyle::LineWithPoints, rendering::curveColour(i), {}};
        for (const auto& [x, y] : series[i].points)
            line.points.emplace_back(x, y);
        plot.series.push_back(line);
    }
    rendering::fitAxes(plot);
    if (!rendering::plotImage(plot, QSize(900, 560)).save(path, "PNG"))
        throw std::runtime_error(path.toStdString() + ": cannot write the plot");
}

} // namespace banquise::app
