#include "models/ElevationComparison.h"

#include "models/SeaIceClasses.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace banquise::models {

namespace {

constexpr double kDisplayPercentile = 0.98;
constexpr double kDensityLowPercentile = 0.005;
constexpr std::size_t kPercentileSample = 200000;

// Percentile of a sample of the values (every k-th value: enough for a display range).
double percentileOf(const std::vector<float>& values, double q)
{
    const std::size_t stride = std::max<std::size_t>(1, values.size() / kPercentileSample);
    std::vector<float> sample;
    for (std::size_t i = 0; i < values.size(); i += stride)
        sample.push_back(values[i]);
    if (sample.empty())
        return 0.0;
    const auto k = static_cast<std::size_t>(q * (sample.size() - 1));
    std::nth_element(sample.begin(), sample.begin() + k, sample.end());
    return sample[k];
}

int binOf(double v, double low, double high, int bins)
{
    const int b = static_cast<int>(std::floor((v - low) / (high - low) * bins));
    return std::clamp(b, 0, bins - 1);
}

std::string kilometres(double metres)
{
    return std::to_string(static_cast<long>(std::lround(metres / 1000.0)));
}

// The pairs of a subset of pixels, scored.
RegressionScores scoreWhere(const std::vector<float>& estimate, const std::vector<float>& reference, const std::vector<bool>& keep)
{
    std::vector<float> e;
    std::vector<float> r;
    for (std::size_t i = 0; i < keep.size(); ++i)
        if (keep[i]) {
            e.push_back(estimate[i]);
            r.push_back(reference[i]);
        }
    return scoreRegression(e, r);
}

} // namespace

const std::vector<std::string>& metricColumns()
{
    static const std::vector<std::string> columns{"comparison", "group", "subset", "count", "bias_m", "rmse_m", "mae_m", "nmad_m", "pearson_r", "slope", "intercept"};
    return columns;
}

std::vector<std::string> metricCells(const MetricsRow& row)
{
    const RegressionScores& s = row.scores;
    const auto fixed = [](double v) {
        char text[32];
        std::snprintf(text, sizeof text, "%.4f", v);
        return std::string(text);
    };
    return {row.comparison, row.group, row.subset, std::to_string(s.count), fixed(s.bias), fixed(s.rmse), fixed(s.mae), fixed(s.nmad), fixed(s.correlation), fixed(s.slope),
            fixed(s.intercept)};
}

const MetricsRow& ElevationComparison::row(const std::string& group, const std::string& subset) const
{
    for (const MetricsRow& r : table)
        if (r.group == group && r.subset == subset)
            return r;
    throw std::out_of_range("no metrics row " + group + "/" + subset);
}

ElevationComparison compareElevation(const cv::Mat1f& estimate, const cv::Mat1f& reference, const cv::Mat1b& classes,
                                     const cv::Mat1f& crossTrackDistance, const ComparisonOptions& options)
{
    CV_Assert(estimate.size() == reference.size());
    CV_Assert(classes.empty() || classes.size() == estimate.size());
    CV_Assert(crossTrackDistance.empty() || crossTrackDistance.size() == estimate.size());
    ElevationComparison out;
    out.difference.create(estimate.size());

    // The pixels both maps cover, once, in row-major order.
    std::vector<float> e;
    std::vector<float> r;
    std::vector<std::uint8_t> c;
    std::vector<float> distance;
    for (int row = 0; row < estimate.rows; ++row)
        for (int col = 0; col < estimate.cols; ++col) {
            const float a = estimate(row, col);
            const float b = reference(row, col);
            const bool both = std::isfinite(a) && std::isfinite(b);
            out.difference(row, col) = both ? a - b : std::nanf("");
            if (!both)
                continue;
            e.push_back(a);
            r.push_back(b);
            if (!classes.empty())
                c.push_back(classes(row, col));
            if (!crossTrackDistance.empty())
                distance.push_back(crossTrackDistance(row, col));
        }
    if (e.empty())
        throw std::runtime_error("the maps do not overlap: no pixel has both an estimate and a reference value");

    out.table.push_back({"", "overall", "all", scoreRegression(e, r)});
    if (!c.empty()) {
        for (int k = 0; k < kClassCount; ++k) {
            std::vector<bool> keep(c.size());
            for (std::size_t i = 0; i < c.size(); ++i)
                keep[i] = c[i] == k;
            out.table.push_back({"", "class", className(k), scoreWhere(e, r, keep)});
        }
        std::vector<bool> leads(c.size());
        for (std::size_t i = 0; i < c.size(); ++i)
            leads[i] = c[i] == kOpenLead || c[i] == kRefrozenLead;
        out.table.push_back({"", "class", "leads", scoreWhere(e, r, leads)});
    }
    if (!distance.empty()) {
        double farthest = 0.0;
        for (float d : distance)
            if (std::isfinite(d))
                farthest = std::max(farthest, static_cast<double>(std::abs(d)));
        const double width = options.crossTrackBinMetres;
        for (double from = 0.0; from < farthest; from += width) {
            std::vector<bool> keep(distance.size());
            for (std::size_t i = 0; i < distance.size(); ++i)
                keep[i] = std::abs(distance[i]) >= from && std::abs(distance[i]) < from + width;
            RegressionScores s = scoreWhere(e, r, keep);
            if (s.count)
                out.table.push_back({"", "cross-track", kilometres(from) + "-" + kilometres(from + width) + " km", s, from, from + width});
        }
    }

    std::vector<float> d(e.size());
    std::vector<float> magnitude(e.size());
    for (std::size_t i = 0; i < e.size(); ++i) {
        d[i] = e[i] - r[i];
        magnitude[i] = std::abs(d[i]);
    }
    out.differenceLimit = std::max(1e-3, percentileOf(magnitude, kDisplayPercentile));
    out.differences.low = -out.differenceLimit;
    out.differences.high = out.differenceLimit;
    out.differences.counts.assign(options.histogramBins, 0);
    for (float v : d)
        ++out.differences.counts[binOf(v, out.differences.low, out.differences.high, options.histogramBins)];

    // One square range for both axes, so the 1:1 line is the diagonal.
    std::vector<float> both(e);
    both.insert(both.end(), r.begin(), r.end());
    DensityGrid& density = out.density;
    density.low = percentileOf(both, kDensityLowPercentile);
    density.high = percentileOf(both, 1.0 - kDensityLowPercentile);
    if (density.high - density.low < 1e-6)
        density.high = density.low + 1e-3;
    density.bins = options.densityBins;
    density.counts.assign(static_cast<std::size_t>(density.bins) * density.bins, 0);
    for (std::size_t i = 0; i < e.size(); ++i) {
        const int col = binOf(r[i], density.low, density.high, density.bins);
        const int row = density.bins - 1 - binOf(e[i], density.low, density.high, density.bins);
        ++density.counts[static_cast<std::size_t>(row) * density.bins + col];
    }
    return out;
}

cv::Mat1f footprintAverage(const cv::Mat1f& map, int window)
{
    if (window <= 1)
        return map.clone();
    cv::Mat1f values = map.clone();
    cv::Mat1f weights(map.size(), 1.0f);
    for (int r = 0; r < map.rows; ++r)
        for (int c = 0; c < map.cols; ++c)
            if (!std::isfinite(values(r, c))) {
                values(r, c) = 0.0f;
                weights(r, c) = 0.0f;
            }
    cv::Mat1f sum;
    cv::Mat1f count;
    const cv::Size box(window, window);
    cv::boxFilter(values, sum, CV_32F, box, cv::Point(-1, -1), false, cv::BORDER_CONSTANT);
    cv::boxFilter(weights, count, CV_32F, box, cv::Point(-1, -1), false, cv::BORDER_CONSTANT);
    cv::Mat1f out(map.size());
    for (int r = 0; r < map.rows; ++r)
        for (int c = 0; c < map.cols; ++c)
            out(r, c) = std::isfinite(map(r, c)) && count(r, c) > 0.5f ? sum(r, c) / count(r, c) : std::nanf("");
    return out;
}

Profile profileAlong(const std::vector<cv::Mat1f>& maps, cv::Point2d from, cv::Point2d to)
{
    Profile profile;
    const double length = std::hypot(to.x - from.x, to.y - from.y);
    const int samples = std::max(2, static_cast<int>(std::ceil(length)) + 1);
    profile.values.assign(maps.size(), std::vector<float>(samples, std::nanf("")));
    for (int s = 0; s < samples; ++s) {
        const double t = static_cast<double>(s) / (samples - 1);
        profile.distance.push_back(t * length);
        // Pixel centres sit at integer coordinates + 0.5.
        const double x = from.x + t * (to.x - from.x) - 0.5;
        const double y = from.y + t * (to.y - from.y) - 0.5;
        const int x0 = static_cast<int>(std::floor(x));
        const int y0 = static_cast<int>(std::floor(y));
        const double fx = x - x0;
        const double fy = y - y0;
        for (std::size_t m = 0; m < maps.size(); ++m) {
            const cv::Mat1f& map = maps[m];
            const int xa = std::clamp(x0, 0, map.cols - 1), xb = std::clamp(x0 + 1, 0, map.cols - 1);
            const int ya = std::clamp(y0, 0, map.rows - 1), yb = std::clamp(y0 + 1, 0, map.rows - 1);
            if (x < -0.5 || y < -0.5 || x > map.cols - 0.5 || y > map.rows - 0.5)
                continue;
            const double v = (1 - fx) * (1 - fy) * map(ya, xa) + fx * (1 - fy) * map(ya, xb) + (1 - fx) * fy * map(yb, xa)
                             + fx * fy * map(yb, xb);
            profile.values[m][s] = static_cast<float>(v); // NaN when a neighbour is no-data
        }
    }
    return profile;
}

} // namespace banquise::models
