#include "widgets/PlotChart.h"

#include <QAreaSeries>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace banquise::widgets {

namespace {

QValueAxis* axis(QChart* chart, Qt::Alignment side, const rendering::PlotAxis& spec)
{
    auto* a = new QValueAxis;
    a->setTitleText(spec.title);
    a->setRange(spec.low, spec.high);
    // The same round ticks as the static image.
    const std::vector<double> ticks = rendering::niceTicks(spec.low, spec.high);
    if (ticks.size() >= 2) {
        const double step = ticks[1] - ticks[0];
        a->setTickType(QValueAxis::TicksDynamic);
        a->setTickAnchor(ticks[0]);
        a->setTickInterval(step);
        a->setLabelFormat(QString("%.%1f").arg(rendering::tickDecimals(ticks)));
    }
    chart->addAxis(a, side);
    return a;
}

void attach(QChart* chart, QAbstractSeries* series, QValueAxis* x, QValueAxis* y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

// Qt Charts joins every point of a line: one line per run of finite
// points, only the first of them in the legend.
void addLine(QChart* chart, const rendering::PlotSeries& spec, QValueAxis* x, QValueAxis* y)
{
    const bool dashed = spec.style == rendering::SeriesStyle::DashedLine;
    QLineSeries* run = nullptr;
    bool named = false;
    for (const QPointF& p : spec.points) {
        if (!std::isfinite(p.x()) || !std::isfinite(p.y())) {
            run = nullptr;
            continue;
        }
        if (!run) {
            run = new QLineSeries;
            run->setName(spec.name);
            run->setPen(QPen(spec.colour, dashed ? 1.0 : 1.5, dashed ? Qt::DashLine : Qt::SolidLine));
            run->setPointsVisible(spec.style == rendering::SeriesStyle::LineWithPoints);
            attach(chart, run, x, y);
            if (named || spec.name.isEmpty())
                chart->legend()->markers(run).front()->setVisible(false);
            named = true;
        }
        run->append(p);
    }
}

void addBars(QChart* chart, const rendering::PlotSeries& spec, QValueAxis* x, QValueAxis* y)
{
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    for (const QPointF& p : spec.points) {
        upper->append(p.x() - 0.5 * spec.width, p.y());
        upper->append(p.x() + 0.5 * spec.width, p.y());
        lower->append(p.x() - 0.5 * spec.width, 0.0);
        lower->append(p.x() + 0.5 * spec.width, 0.0);
    }
    auto* bars = new QAreaSeries(upper, lower);
    bars->setName(spec.name);
    bars->setColor(spec.colour);
    bars->setBorderColor(Qt::darkGray);
    attach(chart, bars, x, y);
}

void addSquares(QChart* chart, const rendering::PlotSeries& spec, QValueAxis* x, QValueAxis* y)
{
    auto* squares = new QScatterSeries;
    squares->setName(spec.name);
    squares->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    squares->setColor(spec.colour);
    squares->setBorderColor(spec.colour);
    for (const QPointF& p : spec.points)
        squares->append(p);
    attach(chart, squares, x, y);
    // Markers are sized in pixels: as wide as `width` data units, whatever the chart's size.
    const double share = spec.width / std::max(1e-12, x->max() - x->min());
    QObject::connect(chart, &QChart::plotAreaChanged, squares,
                     [squares, share](const QRectF& area) { squares->setMarkerSize(std::max(2.0, std::ceil(area.width() * share))); });
}

} // namespace

QChart* chartOf(const rendering::Plot& plot)
{
    auto* chart = new QChart;
    chart->setTitle(plot.title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QValueAxis* x = axis(chart, Qt::AlignBottom, plot.x);
    QValueAxis* y = axis(chart, Qt::AlignLeft, plot.y);
    for (const rendering::PlotSeries& spec : plot.series)
        switch (spec.style) {
        case rendering::SeriesStyle::Squares:
            addSquares(chart, spec, x, y);
            break;
        case rendering::SeriesStyle::Bars:
            addBars(chart, spec, x, y);
            break;
        default:
            addLine(chart, spec, x, y);
        }
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

} // namespace banquise::widgets
