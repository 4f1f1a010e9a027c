#pragma once

#include <QString>

#include <utility>
#include <vector>

namespace banquise::app {

struct CurveSeries {
    QString name;
    std::vector<std::pair<double, double>> points; // (x, y)
};

// Writes a line chart of the series as a PNG (axes with ticks, a legend),
// for reports written without a window (banquise-cli al-simulate). Needs a
// QGuiApplication (fonts); throws std::runtime_error when the file cannot
// be written.
void writeCurvePlot(const QString& path, const QString& title, const QString& xLabel, const QString& yLabel,
                    const std::vector<CurveSeries>& series);

} // namespace banquise::app
