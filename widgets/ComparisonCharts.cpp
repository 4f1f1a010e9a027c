#include "widgets/ComparisonCharts.h"

#include "rendering/Colormap.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace banquise::widgets {

namespace {

constexpr int kDensityLevels = 6;

QValueAxis* axis(QChart* chart, Qt::Alignment side, const QString& title, double low, double high)
{
    auto* a = new QValueAxis;
    a->setTitleText(title);
    a->setRange(low, high);
    a->setLabelFormat("%.2f");
    chart->addAxis(a, side);
    return a;
}

void attach(QChart* chart, QAbstractSeries* series, QValueAxis* x, QValueAxis* y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

QColor colourOf(rendering::Colormap map, double t)
{
    const rendering::Rgb c = rendering::colourAt(map, t);
    return QColor(c[0], c[1], c[2]);
}

QChart* newChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

} // namespace

QChart* densityChart(const models::DensityGrid& density, const QString& estimateName, const QString& referenceName)
{
    QChart* chart = newChart(QObject::tr("%1 against %2 (pairs per cell, log scale)").arg(estimateName, referenceName));
    QValueAxis* x = axis(chart, Qt::AlignBottom, referenceName + " (m)", density.low, density.high);
    QValueAxis* y = axis(chart, Qt::AlignLeft, estimateName + " (m)", density.low, density.high);
    std::size_t most = 1;
    for (std::size_t n : density.counts)
        most = std::max(most, n);
    const double cell = (density.high - density.low) / std::max(1, density.bins);
    std::vector<QScatterSeries*> levels;
    for (int level = 0; level < kDensityLevels; ++level) {
        auto* series = new QScatterSeries;
        series->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        const QColor colour = colourOf(rendering::Colormap::Warm, 0.15 + 0.85 * level / (kDensityLevels - 1.0));
        series->setColor(colour);
        series->setBorderColor(colour);
        const double from = std::pow(static_cast<double>(most), static_cast<double>(level) / kDensityLevels);
        const double to = std::pow(static_cast<double>(most), static_cast<double>(level + 1) / kDensityLevels);
        series->setName(QString("%1-%2").arg(std::ceil(from)).arg(std::floor(to)));
        levels.push_back(series);
    }
    for (int i = 0; i < density.bins; ++i)
        for (int j = 0; j < density.bins; ++j) {
            const std::size_t n = density.at(i, j);
            if (!n)
                continue;
            const double t = most > 1 ? std::log(static_cast<double>(n)) / std::log(static_cast<double>(most)) : 1.0;
            const int level = std::min(kDensityLevels - 1, static_cast<int>(t * kDensityLevels));
            levels[level]->append(density.low + (i + 0.5) * cell, density.low + (j + 0.5) * cell);
        }
    for (QScatterSeries* series : levels)
        attach(chart, series, x, y);
    auto* identity = new QLineSeries;
    identity->setName("1:1");
    identity->append(density.low, density.low);
    identity->append(density.high, density.high);
    identity->setPen(QPen(Qt::black, 1, Qt::DashLine));
    attach(chart, identity, x, y);
    // Squares as wide as a cell, whatever the chart's size.
    QObject::connect(chart, &QChart::plotAreaChanged, chart, [levels, bins = density.bins](const QRectF& area) {
        for (QScatterSeries* series : levels)
            series->setMarkerSize(std::max(2.0, std::ceil(area.width() / std::max(1, bins))));
    });
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

QChart* differenceHistogramChart(const models::Histogram& histogram, const QString& title)
{
    QChart* chart = newChart(title);
    std::size_t most = 1;
    for (std::size_t n : histogram.counts)
        most = std::max(most, n);
    QValueAxis* x = axis(chart, Qt::AlignBottom, QObject::tr("difference (m)"), histogram.low, histogram.high);
    QValueAxis* y = axis(chart, Qt::AlignLeft, QObject::tr("pixels"), 0.0, most * 1.05);
    y->setLabelFormat("%.0f");
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    for (std::size_t b = 0; b < histogram.counts.size(); ++b) {
        const double left = histogram.low + b * histogram.binWidth();
        upper->append(left, histogram.counts[b]);
        upper->append(left + histogram.binWidth(), histogram.counts[b]);
        lower->append(left, 0.0);
        lower->append(left + histogram.binWidth(), 0.0);
    }
    auto* bars = new QAreaSeries(upper, lower);
    bars->setName(QObject::tr("differences"));
    bars->setColor(colourOf(rendering::Colormap::Diverging, 0.2));
    bars->setBorderColor(Qt::darkGray);
    attach(chart, bars, x, y);
    auto* zero = new QLineSeries;
    zero->setName(QObject::tr("zero"));
    zero->append(0.0, 0.0);
    zero->append(0.0, most * 1.05);
    zero->setPen(QPen(Qt::black, 1, Qt::DashLine));
    attach(chart, zero, x, y);
    return chart;
}

QChart* crossTrackChart(const std::vector<models::MetricsRow>& table)
{
    QChart* chart = newChart(QObject::tr("Agreement against distance from the SWOT nadir"));
    auto* bias = new QLineSeries;
    auto* rmse = new QLineSeries;
    auto* nmad = new QLineSeries;
    bias->setName(QObject::tr("bias"));
    rmse->setName(QObject::tr("RMSE"));
    nmad->setName(QObject::tr("NMAD"));
    double low = 0.0, high = 0.0, far = 1.0;
    for (const models::MetricsRow& row : table) {
        if (row.group != "cross-track")
            continue;
        const double centre = 0.5 * (row.fromMetres + row.toMetres) / 1000.0;
        const double to = row.toMetres / 1000.0;
        bias->append(centre, row.scores.bias);
        rmse->append(centre, row.scores.rmse);
        nmad->append(centre, row.scores.nmad);
        low = std::min({low, row.scores.bias});
        high = std::max({high, row.scores.rmse, row.scores.nmad});
        far = std::max(far, to);
    }
    QValueAxis* x = axis(chart, Qt::AlignBottom, QObject::tr("distance from nadir (km)"), 0.0, far);
    x->setLabelFormat("%.0f");
    const double pad = 0.1 * std::max(0.01, high - low);
    QValueAxis* y = axis(chart, Qt::AlignLeft, QObject::tr("metres"), low - pad, high + pad);
    for (QLineSeries* s : {bias, rmse, nmad}) {
        s->setPointsVisible(true);
        attach(chart, s, x, y);
    }
    if (rmse->count() == 0)
        chart->setTitle(QObject::tr("No distance from the SWOT nadir in this product"));
    return chart;
}

QChart* profileChart(const models::Profile& profile, const std::vector<QString>& names, double pixelSize)
{
    QChart* chart = newChart(QObject::tr("Profile"));
    const double length = profile.distance.empty() ? 1.0 : profile.distance.back() * pixelSize / 1000.0;
    double low = 0.0, high = 0.0;
    for (const auto& values : profile.values)
        for (float v : values)
            if (std::isfinite(v)) {
                low = std::min(low, static_cast<double>(v));
                high = std::max(high, static_cast<double>(v));
            }
    QValueAxis* x = axis(chart, Qt::AlignBottom, QObject::tr("distance along the line (km)"), 0.0, std::max(length, 1e-3));
    x->applyNiceNumbers();
    x->setLabelFormat("%.1f");
    const double pad = 0.05 * std::max(0.01, high - low);
    QValueAxis* y = axis(chart, Qt::AlignLeft, QObject::tr("elevation (m)"), low - pad, high + pad);
    const QList<QColor> colours{QColor(33, 102, 172), QColor(178, 24, 43), QColor(77, 146, 33), QColor(118, 42, 131), Qt::darkGray};
    for (std::size_t m = 0; m < profile.values.size(); ++m) {
        // One series per run of valid samples: Qt Charts would join across gaps.
        QLineSeries* run = nullptr;
        bool named = false;
        for (std::size_t s = 0; s < profile.distance.size(); ++s) {
            const float v = profile.values[m][s];
            if (!std::isfinite(v)) {
                run = nullptr;
                continue;
            }
            if (!run) {
                run = new QLineSeries;
                run->setPen(QPen(colours[static_cast<int>(m % colours.size())], 1.5));
                run->setName(m < names.size() ? names[m] : QString());
                attach(chart, run, x, y);
                if (named)
                    chart->legend()->markers(run).front()->setVisible(false);
                named = true;
            }
            run->append(profile.distance[s] * pixelSize / 1000.0, v);
        }
    }
    return chart;
}

QImage chartImage(QChart* chart, const QSize& size)
{
    QChartView view(chart); // owns the chart from here
    view.setRenderHint(QPainter::Antialiasing);
    view.resize(size);
    return view.grab().toImage();
}

} // namespace banquise::widgets
