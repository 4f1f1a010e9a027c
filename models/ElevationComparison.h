#pragma once

#include "models/Scores.h"

#include <opencv2/core/mat.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace banquise::models {

// An elevation map against a reference on the same grid (SWOT, or the
// truth of a synthetic scene): the difference map and the figures of a
// validation section, computed once and shared by the views, the plots,
// the report and its CSV.

struct ComparisonOptions {
    double crossTrackBinMetres = 10000.0; // width of the distance-from-nadir bins
    int histogramBins = 60;
    int densityBins = 64;
};

// Counts of values in equal bins over [low, high]; values outside go to the end bins.
struct Histogram {
    double low = 0.0;
    double high = 1.0;
    std::vector<std::size_t> counts;
    double binWidth() const { return counts.empty() ? 0.0 : (high - low) / counts.size(); }
    double binCentre(std::size_t bin) const { return low + (bin + 0.5) * binWidth(); }
};

// 2-D counts of (reference, estimate) pairs over one square range: row
// `bins - 1 - j` holds estimate bin j (top row = highest), column i reference bin i.
struct DensityGrid {
    double low = 0.0;
    double high = 1.0;
    int bins = 0;
    std::vector<std::size_t> counts; // row-major, bins x bins
    std::size_t at(int referenceBin, int estimateBin) const
    {
        return counts[static_cast<std::size_t>(bins - 1 - estimateBin) * bins + referenceBin];
    }
};

// One line of the metrics table: what was compared and how well.
struct MetricsRow {
    std::string comparison; // which maps ("prediction vs SWOT"); empty inside one comparison
    std::string group;  // "overall", "class", "cross-track" or "track"
    std::string subset; // "all", a class name, or a distance bin ("10-20 km")
    RegressionScores scores;
    // Cross-track rows: the bin's |distance from nadir|, metres (NaN otherwise).
    double fromMetres = std::nan("");
    double toMetres = std::nan("");
};

// Column names of a metrics row (comparison, group, subset, then the
// figures) and the row as text, in one format for every table, file and
// report that shows them (figures with 4 decimals).
const std::vector<std::string>& metricColumns();
std::vector<std::string> metricCells(const MetricsRow& row);

struct ElevationComparison {
    cv::Mat1f difference; // estimate - reference, NaN where either is missing
    // Symmetric display range of the difference map: 98th percentile of |d|.
    double differenceLimit = 0.0;
    // Overall; per class (floe, open lead, refrozen lead, leads = both
    // lead classes) when classes are given; per bin of |cross-track
    // distance| when distances are given.
    std::vector<MetricsRow> table;
    Histogram differences;
    DensityGrid density;

    const RegressionScores& overall() const { return table.front().scores; }
    // The row of a group and subset; throws std::out_of_range when absent.
    const MetricsRow& row(const std::string& group, const std::string& subset) const;
};

// Compares two maps of one grid. `classes` (SeaIceClass, kNoClass none) and
// `crossTrackDistance` (metres, signed) are optional (empty). Throws
// std::runtime_error when no pixel has both maps finite.
ElevationComparison compareElevation(const cv::Mat1f& estimate, const cv::Mat1f& reference, const cv::Mat1b& classes = {},
                                     const cv::Mat1f& crossTrackDistance = {}, const ComparisonOptions& options = {});

// The map as a coarser sensor sees it: the mean of the finite pixels in a
// `window` x `window` box around each pixel (NaN where the box has none, or
// where the pixel itself is NaN). A 40 m map is compared with SWOT's 250 m
// pixels after averaging over about 6 x 6 pixels.
cv::Mat1f footprintAverage(const cv::Mat1f& map, int window);

// Values of each map along a straight line in pixel coordinates (0,0 the
// top-left corner of the first pixel), one sample
// per pixel step (bilinear, NaN outside or next to no-data): a profile plot.
struct Profile {
    std::vector<double> distance;             // pixels from the start
    std::vector<std::vector<float>> values;   // per map, per sample
};
Profile profileAlong(const std::vector<cv::Mat1f>& maps, cv::Point2d from, cv::Point2d to);

} // namespace banquise::models
