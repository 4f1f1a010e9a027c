#include "app/ComparisonReport.h"

#include "app/ComparisonRun.h"
#include "app/ComparisonSources.h"
#include "rendering/ComparisonPlots.h"
#include "rendering/MapImage.h"
#include "rendering/PlotImage.h"
#include "scene/UtcTime.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTextStream>

#include <cmath>
#include <filesystem>
#include <stdexcept>

namespace banquise::app {

namespace fs = std::filesystem;

namespace {

const QSize kPlotSize(760, 520);
constexpr int kMapSide = 700;

QString html(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

void save(const QImage& image, const fs::path& path)
{
    if (!image.save(QString::fromStdString(path.string()), "PNG"))
        throw std::runtime_error(path.string() + ": cannot write the figure");
}

// A map with its colour bar under it.
QImage mapFigure(const cv::Mat1f& values, rendering::Colormap colormap, double low, double high, const QString& units)
{
    QImage map = rendering::mapImage(values, colormap, low, high, kMapSide);
    if (map.width() < kMapSide / 2) // small scenes: whole pixels, enlarged
        map = map.scaled(map.size() * (kMapSide / map.width()), Qt::KeepAspectRatio, Qt::FastTransformation);
    const QImage bar = rendering::colourBarImage(colormap, low, high, units, map.width());
    QImage figure(map.width(), map.height() + bar.height() + 4, QImage::Format_RGB32);
    figure.fill(Qt::white);
    QPainter painter(&figure);
    painter.drawImage(0, 0, map);
    painter.drawImage(0, map.height() + 4, bar);
    return figure;
}

// The grid row with the most pixels where both maps have data, from its
// first to its last such pixel: the report's profile.
std::pair<cv::Point2d, cv::Point2d> profileLine(const cv::Mat1f& difference)
{
    int bestRow = 0, bestCount = -1, first = 0, last = difference.cols - 1;
    for (int r = 0; r < difference.rows; ++r) {
        int count = 0, a = -1, b = -1;
        for (int c = 0; c < difference.cols; ++c)
            if (std::isfinite(difference(r, c))) {
                ++count;
                a = a < 0 ? c : a;
                b = c;
            }
        if (count > bestCount) {
            bestCount = count;
            bestRow = r;
            first = a;
            last = b;
        }
    }
    return {{first + 0.5, bestRow + 0.5}, {last + 0.5, bestRow + 0.5}};
}

void writeText(const fs::path& path, const QString& text)
{
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        throw std::runtime_error(path.string() + ": cannot create file");
    QTextStream(&file) << text;
    if (!file.flush())
        throw std::runtime_error(path.string() + ": cannot write (disk full?)");
}

QString csvField(const std::string& text)
{
    QString field = QString::fromStdString(text);
    return field.contains(',') ? '"' + field + '"' : field;
}

QString metricsCsv(const std::vector<models::MetricsRow>& rows)
{
    const auto line = [](const std::vector<std::string>& cells) {
        QStringList fields;
        for (const std::string& cell : cells)
            fields << csvField(cell);
        return fields.join(',');
    };
    QStringList lines{line(models::metricColumns())};
    for (const models::MetricsRow& row : rows)
        lines << line(models::metricCells(row));
    return lines.join('\n') + '\n';
}

QJsonObject scoresJson(const models::RegressionScores& s)
{
    return {{"count", static_cast<double>(s.count)}, {"bias_m", s.bias}, {"rmse_m", s.rmse}, {"mae_m", s.mae}, {"nmad_m", s.nmad},
            {"pearson_r", s.correlation}, {"slope", s.slope}, {"intercept", s.intercept}};
}

QString metricsJson(const ComparisonSources& sources, const ComparisonOutcome& outcome, const std::vector<models::MetricsRow>& rows)
{
    QJsonArray metrics;
    for (const models::MetricsRow& row : rows) {
        QJsonObject entry = scoresJson(row.scores);
        entry.insert("comparison", QString::fromStdString(row.comparison));
        entry.insert("group", QString::fromStdString(row.group));
        entry.insert("subset", QString::fromStdString(row.subset));
        metrics.append(entry);
    }
    QJsonObject figures;
    for (const auto& [name, value] : headlineFigures(outcome))
        figures.insert(QString::fromStdString(name), value);
    QJsonObject provenance;
    for (const auto& [what, value] : sources.provenance)
        provenance.insert(QString::fromStdString(what), QString::fromStdString(value));
    QJsonObject parameters;
    for (const auto& [what, value] : outcome.parameters)
        parameters.insert(QString::fromStdString(what), QString::fromStdString(value));
    QJsonArray notes;
    for (const std::string& note : sources.notes)
        notes.append(QString::fromStdString(note));
    const QJsonObject root{{"figures", figures}, {"metrics", metrics}, {"provenance", provenance}, {"parameters", parameters}, {"notes", notes},
                           {"footprint_window_px", outcome.footprintWindow}};
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

QString metricsTableHtml(const std::vector<models::MetricsRow>& rows)
{
    QString table = "<table class=\"metrics\"><tr>";
    for (const std::string& column : models::metricColumns())
        table += "<th>" + html(column) + "</th>";
    table += "</tr>\n";
    for (const models::MetricsRow& row : rows) {
        table += "<tr>";
        for (const std::string& cell : models::metricCells(row))
            table += "<td>" + html(cell) + "</td>";
        table += "</tr>\n";
    }
    return table + "</table>\n";
}

} // namespace

std::map<std::string, double> headlineFigures(const ComparisonOutcome& outcome)
{
    std::map<std::string, double> figures{{"swot_rmse_m", outcome.predictionVsSwot.overall().rmse}};
    if (outcome.krigingVsSwot)
        figures["swot_rmse_kriging_m"] = outcome.krigingVsSwot->overall().rmse;
    for (const auto& [name, scores] : outcome.againstTruth) {
        if (name == "prediction vs truth")
            figures["truth_rmse_m"] = scores.rmse;
        else if (name == "kriging vs truth")
            figures["truth_rmse_kriging_m"] = scores.rmse;
        else if (name == "SWOT vs truth")
            figures["swot_truth_rmse_m"] = scores.rmse;
    }
    if (outcome.leaveOneTrackOut) {
        figures["loto_rmse_m"] = outcome.leaveOneTrackOut->model.rmse;
        figures["loto_rmse_kriging_m"] = outcome.leaveOneTrackOut->kriging.rmse;
    }
    return figures;
}

std::string writeComparisonReport(const std::string& folder, const ComparisonSources& sources, const ComparisonOutcome& outcome)
{
    const fs::path root(folder);
    std::error_code error;
    fs::create_directories(root / "figures", error);
    if (error)
        throw std::runtime_error(folder + ": cannot create the report folder (" + error.message() + ")");
    const models::ElevationComparison& c = outcome.predictionVsSwot;
    const std::vector<models::MetricsRow> rows = reportRows(outcome);

    // Maps on one elevation range (the pairs' 0.5-99.5 % range), the difference symmetric.
    const double low = c.density.low;
    const double high = c.density.high;
    save(mapFigure(sources.estimate, rendering::Colormap::Sequential, low, high, "prediction (m)"), root / "figures/prediction.png");
    save(mapFigure(sources.swot, rendering::Colormap::Sequential, low, high, "SWOT (m)"), root / "figures/swot.png");
    save(mapFigure(c.difference, rendering::Colormap::Diverging, -c.differenceLimit, c.differenceLimit, "prediction - SWOT (m)"),
         root / "figures/difference.png");
    save(rendering::plotImage(rendering::densityPlot(c.density, "prediction", "SWOT"), kPlotSize), root / "figures/density.png");
    save(rendering::plotImage(rendering::differenceHistogramPlot(c.differences, "Prediction - SWOT"), kPlotSize),
         root / "figures/histogram.png");
    save(rendering::plotImage(rendering::crossTrackPlot(c.table), kPlotSize), root / "figures/cross_track.png");
    std::vector<cv::Mat1f> profiled{sources.estimate, sources.swot};
    std::vector<QString> names{"prediction", "SWOT"};
    if (!sources.kriging.empty()) {
        profiled.push_back(sources.kriging);
        names.push_back("kriging");
    }
    if (!sources.truth.empty()) {
        profiled.push_back(sources.truth);
        names.push_back("truth");
    }
    const auto [from, to] = profileLine(c.difference);
    save(rendering::plotImage(rendering::profilePlot(models::profileAlong(profiled, from, to), names, sources.grid.pixelSize()), kPlotSize),
         root / "figures/profile.png");

    writeText(root / "metrics.csv", metricsCsv(rows));
    writeText(root / "metrics.json", metricsJson(sources, outcome, rows));

    QString page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Banquise: elevation against SWOT</title>\n"
                   "<style>body{font-family:sans-serif;max-width:1400px;margin:auto}table{border-collapse:collapse;font-size:13px}"
                   "td,th{border:1px solid #bbb;padding:2px 6px;text-align:right}td:first-child,td:nth-child(2),td:nth-child(3){text-align:left}"
                   ".figures img{max-width:32%;margin:2px}.plots img{max-width:49%}</style></head><body>\n";
    page += "<h1>Elevation against SWOT</h1>\n<p>Written by Banquise on " + QDateTime::currentDateTimeUtc().toString(Qt::ISODate)
        + ". Prediction averaged over " + QString::number(outcome.footprintWindow) + " x " + QString::number(outcome.footprintWindow)
        + " pixels (SWOT's 250 m) before the comparison; differences are prediction - reference, in metres.</p>\n";
    page += "<h2>Summary</h2>\n<table class=\"summary\">";
    for (const auto& [name, value] : headlineFigures(outcome))
        page += "<tr><td>" + html(name) + "</td><td>" + QString::number(value, 'f', 4) + "</td></tr>";
    page += "</table>\n<h2>Maps</h2>\n<div class=\"figures\"><img src=\"figures/prediction.png\" alt=\"prediction\">"
            "<img src=\"figures/swot.png\" alt=\"SWOT\"><img src=\"figures/difference.png\" alt=\"difference\"></div>\n";
    page += "<h2>Plots</h2>\n<div class=\"plots\"><img src=\"figures/density.png\" alt=\"scatter density\">"
            "<img src=\"figures/histogram.png\" alt=\"histogram of differences\"><img src=\"figures/cross_track.png\" "
            "alt=\"metrics against distance from nadir\"><img src=\"figures/profile.png\" alt=\"profile\"></div>\n";
    page += "<p>Profile along grid row " + QString::number(static_cast<int>(from.y)) + ", columns " + QString::number(static_cast<int>(from.x))
        + " to " + QString::number(static_cast<int>(to.x)) + ".</p>\n";
    page += "<h2>Metrics</h2>\n<p>Also in <a href=\"metrics.csv\">metrics.csv</a> and <a href=\"metrics.json\">metrics.json</a>. "
            "LOTO rows: each altimeter track held out in turn, the maps made without it, scored on its records only.</p>\n";
    page += metricsTableHtml(rows);
    page += "<h2>Provenance</h2>\n<table class=\"provenance\">";
    for (const auto& list : {sources.provenance, outcome.parameters})
        for (const auto& [what, value] : list)
            page += "<tr><td>" + html(what) + "</td><td>" + html(value) + "</td></tr>";
    page += "</table>\n";
    if (!sources.notes.empty()) {
        page += "<h2>Notes</h2>\n<ul>";
        for (const std::string& note : sources.notes)
            page += "<li>" + html(note) + "</li>";
        page += "</ul>\n";
    }
    page += "</body></html>\n";
    const fs::path report = root / "report.html";
    writeText(report, page);
    return report.string();
}

} // namespace banquise::app
