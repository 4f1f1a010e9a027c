#include "models/SpatialInterpolation.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace banquise::models {

double Variogram::covariance(double h) const
{
    return h <= 0.0 ? nugget + partialSill : partialSill * std::exp(-h / range);
}

Variogram fitVariogram(const std::vector<PointSample>& samples)
{
    if (samples.size() < 3)
        throw std::invalid_argument("a variogram needs at least three samples");
    double maxDistance = 0.0;
    for (std::size_t i = 0; i < samples.size(); ++i)
        for (std::size_t j = i + 1; j < samples.size(); ++j)
            maxDistance = std::max(maxDistance, std::hypot(samples[i].col - samples[j].col, samples[i].row - samples[j].row));
    constexpr int kBins = 20;
    const double binWidth = std::max(1e-6, 0.5 * maxDistance / kBins);
    std::vector<double> sum(kBins, 0.0);
    std::vector<double> count(kBins, 0.0);
    for (std::size_t i = 0; i < samples.size(); ++i)
        for (std::size_t j = i + 1; j < samples.size(); ++j) {
            const int bin = static_cast<int>(std::hypot(samples[i].col - samples[j].col, samples[i].row - samples[j].row) / binWidth);
            if (bin >= kBins)
                continue;
            const double d = samples[i].value - samples[j].value;
            sum[bin] += 0.5 * d * d;
            ++count[bin];
        }
    // For each candidate range the model is linear in (nugget, partial
    // sill): solve those by weighted least squares, keep the best range.
    Variogram best;
    double bestError = std::numeric_limits<double>::infinity();
    for (int k = 0; k < 40; ++k) {
        const double range = binWidth * std::pow(10.0, -1.0 + 3.0 * k / 39.0);
        double a11 = 0, a12 = 0, a22 = 0, b1 = 0, b2 = 0;
        for (int b = 0; b < kBins; ++b) {
            if (!count[b])
                continue;
            const double h = (b + 0.5) * binWidth;
            const double g = 1.0 - std::exp(-h / range);
            const double w = count[b];
            const double y = sum[b] / count[b];
            a11 += w;
            a12 += w * g;
            a22 += w * g * g;
            b1 += w * y;
            b2 += w * g * y;
        }
        const double det = a11 * a22 - a12 * a12;
        if (std::abs(det) < 1e-12)
            continue;
        Variogram v;
        v.range = range;
        v.nugget = std::max(0.0, (a22 * b1 - a12 * b2) / det);
        v.partialSill = std::max(1e-12, (b2 - a12 * v.nugget) / a22);
        double error = 0.0;
        for (int b = 0; b < kBins; ++b)
            if (count[b]) {
                const double h = (b + 0.5) * binWidth;
                const double model = v.nugget + v.partialSill * (1.0 - std::exp(-h / range));
                error += count[b] * std::pow(sum[b] / count[b] - model, 2);
            }
        if (error < bestError) {
            bestError = error;
            best = v;
        }
    }
    return best;
}

namespace {

cv::Size coarseSize(cv::Size size, int step)
{
    return {(size.width + step - 1) / step + 1, (size.height + step - 1) / step + 1};
}

// Evaluates f(col, row) at every step-th pixel centre, in parallel, and
// resamples the coarse field to full size (coarse node k sits at pixel k*step).
template <typename Field>
cv::Mat1f evaluateCoarse(cv::Size size, int step, const Field& field)
{
    const cv::Size coarse = coarseSize(size, step);
    cv::Mat1f values(coarse);
    cv::parallel_for_(cv::Range(0, coarse.height), [&](const cv::Range& rows) {
        for (int r = rows.start; r < rows.end; ++r)
            for (int c = 0; c < coarse.width; ++c)
                values(r, c) = static_cast<float>(field(c * step + 0.5, r * step + 0.5));
    });
    // Resampled a band of rows at a time: the coordinate maps of a whole
    // 10 000² grid would take 800 MB.
    constexpr int kBandRows = 256;
    cv::Mat1f full(size);
    for (int top = 0; top < size.height; top += kBandRows) {
        const int rows = std::min(kBandRows, size.height - top);
        cv::Mat1f mapX(rows, size.width), mapY(rows, size.width);
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < size.width; ++c) {
                mapX(r, c) = static_cast<float>(c) / step;
                mapY(r, c) = static_cast<float>(top + r) / step;
            }
        cv::Mat1f band = full.rowRange(top, top + rows);
        cv::remap(values, band, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    }
    return full;
}

// Sample indices bucketed on a square lattice, to visit only the samples
// near a point: a kriged node's far samples add nothing.
class SampleBuckets {
public:
    SampleBuckets(const std::vector<PointSample>& samples, double reach)
    {
        double right = 0.0;
        double bottom = 0.0;
        m_left = m_top = std::numeric_limits<double>::infinity();
        for (const PointSample& s : samples) {
            m_left = std::min(m_left, s.col);
            m_top = std::min(m_top, s.row);
            right = std::max(right, s.col);
            bottom = std::max(bottom, s.row);
        }
        constexpr double kMaxCellsPerSide = 256.0;
        m_cell = std::max({reach, (right - m_left) / kMaxCellsPerSide, (bottom - m_top) / kMaxCellsPerSide, 1e-6});
        m_columns = static_cast<int>((right - m_left) / m_cell) + 1;
        m_buckets.resize(static_cast<std::size_t>(m_columns) * (static_cast<int>((bottom - m_top) / m_cell) + 1));
        for (std::size_t i = 0; i < samples.size(); ++i)
            m_buckets[bucket(cellOf(samples[i].col, m_left), cellOf(samples[i].row, m_top))].push_back(static_cast<int>(i));
    }

    // Calls visit(i) for every sample within `reach` of (col, row), and some beyond it.
    template <typename Visit>
    void forEachNear(double col, double row, const Visit& visit) const
    {
        const int rows = static_cast<int>(m_buckets.size()) / m_columns;
        const int cx = cellOf(col, m_left);
        const int cy = cellOf(row, m_top);
        for (int y = std::max(0, cy - 1); y <= std::min(rows - 1, cy + 1); ++y)
            for (int x = std::max(0, cx - 1); x <= std::min(m_columns - 1, cx + 1); ++x)
                for (int i : m_buckets[bucket(x, y)])
                    visit(i);
    }

private:
    int cellOf(double v, double origin) const { return static_cast<int>(std::floor((v - origin) / m_cell)); }
    std::size_t bucket(int x, int y) const { return static_cast<std::size_t>(y) * m_columns + x; }

    double m_left = 0.0;
    double m_top = 0.0;
    double m_cell = 1.0;
    int m_columns = 1;
    std::vector<std::vector<int>> m_buckets;
};

} // namespace

cv::Mat1f inverseDistanceWeighting(const std::vector<PointSample>& samples, cv::Size size, int step)
{
    if (samples.empty())
        throw std::invalid_argument("inverse-distance weighting needs samples");
    return evaluateCoarse(size, step, [&](double col, double row) {
        double weights = 0.0;
        double sum = 0.0;
        for (const PointSample& s : samples) {
            const double d2 = (s.col - col) * (s.col - col) + (s.row - row) * (s.row - row);
            if (d2 < 1e-12)
                return s.value;
            const double w = 1.0 / d2; // power 2
            weights += w;
            sum += w * s.value;
        }
        return sum / weights;
    });
}

cv::Mat1f ordinaryKriging(const std::vector<PointSample>& samples, const Variogram& variogram, cv::Size size, int step)
{
    const int n = static_cast<int>(samples.size());
    if (n < 2)
        throw std::invalid_argument("kriging needs at least two samples");
    // Dual system [C 1; 1' 0] [b; a] = [z; 0]; then z*(x) = sum b_i C(x, x_i) + a.
    cv::Mat1d system(n + 1, n + 1, 0.0);
    cv::Mat1d rhs(n + 1, 1, 0.0);
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j)
            system(i, j) = variogram.covariance(std::hypot(samples[i].col - samples[j].col, samples[i].row - samples[j].row));
        system(i, n) = system(n, i) = 1.0;
        rhs(i) = samples[i].value;
    }
    cv::Mat1d solution;
    if (!cv::solve(system, rhs, solution, cv::DECOMP_LU))
        cv::solve(system, rhs, solution, cv::DECOMP_SVD); // coincident samples make it singular
    // Beyond kCutoffRanges ranges a sample's covariance is below 1e-7 of the
    // sill: each node sums the nearby samples only (on a 10 000² grid with
    // thousands of records, minutes otherwise).
    constexpr double kCutoffRanges = 16.0;
    const double cutoff = kCutoffRanges * variogram.range;
    const SampleBuckets buckets(samples, cutoff);
    return evaluateCoarse(size, step, [&](double col, double row) {
        double z = solution(n);
        buckets.forEachNear(col, row, [&](int i) {
            const double h = std::hypot(samples[i].col - col, samples[i].row - row);
            if (h < cutoff)
                z += solution(i) * variogram.partialSill * std::exp(-h / variogram.range);
        });
        return z;
    });
}

namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

double finiteMedian(const std::vector<float>& values)
{
    std::vector<double> finite;
    for (const float v : values)
        if (std::isfinite(v))
            finite.push_back(v);
    return median(finite);
}

} // namespace

DriftLine fitDriftLine(const std::vector<PointSample>& samples, const std::vector<float>& covariateAtSamples)
{
    if (covariateAtSamples.size() != samples.size())
        throw std::invalid_argument("a drift line needs one covariate value per sample");
    std::vector<double> x, y;
    for (std::size_t k = 0; k < samples.size(); ++k)
        if (std::isfinite(covariateAtSamples[k]) && std::isfinite(samples[k].value)) {
            x.push_back(covariateAtSamples[k]);
            y.push_back(samples[k].value);
        }
    DriftLine line;
    line.intercept = median(y);
    if (x.size() < 3)
        return line;
    // Huber's M-estimator on vertical residuals, written here because
    // cv::fitLine's robust fits minimise orthogonal distances, which would
    // mix dB with metres. 20 reweightings settle it well past float precision.
    constexpr double kHuber = 1.345;
    constexpr int kIterations = 20;
    std::vector<double> weight(x.size(), 1.0);
    for (int iteration = 0; iteration < kIterations; ++iteration) {
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (std::size_t k = 0; k < x.size(); ++k) {
            sw += weight[k];
            sx += weight[k] * x[k];
            sy += weight[k] * y[k];
            sxx += weight[k] * x[k] * x[k];
            sxy += weight[k] * x[k] * y[k];
        }
        const double spread = sw * sxx - sx * sx;
        if (spread <= 1e-12 * sw * sw)
            return line; // the covariate does not vary: no slope to fit
        line.slope = (sw * sxy - sx * sy) / spread;
        line.intercept = (sy - line.slope * sx) / sw;
        std::vector<double> residual(x.size());
        for (std::size_t k = 0; k < x.size(); ++k)
            residual[k] = y[k] - line.at(x[k]);
        const double centre = median(residual);
        std::vector<double> deviation(x.size());
        for (std::size_t k = 0; k < x.size(); ++k)
            deviation[k] = std::abs(residual[k] - centre);
        const double scale = 1.4826 * median(deviation);
        if (scale <= 0.0)
            break;
        for (std::size_t k = 0; k < x.size(); ++k)
            weight[k] = std::min(1.0, kHuber * scale / std::max(std::abs(residual[k]), 1e-12));
    }
    return line;
}

cv::Mat1f regressionKriging(const std::vector<PointSample>& samples, const std::vector<float>& covariateAtSamples,
                            const cv::Mat1f& covariate, int step)
{
    return regressionKriging(samples, covariateAtSamples, covariate, fitDriftLine(samples, covariateAtSamples), step);
}

cv::Mat1f regressionKriging(const std::vector<PointSample>& samples, const std::vector<float>& covariateAtSamples,
                            const cv::Mat1f& covariate, const DriftLine& line, int step)
{
    const double fallback = finiteMedian(covariateAtSamples);
    std::vector<PointSample> residuals = samples;
    for (std::size_t k = 0; k < samples.size(); ++k)
        residuals[k].value = samples[k].value - line.at(std::isfinite(covariateAtSamples[k]) ? covariateAtSamples[k] : fallback);
    cv::Mat1f map = ordinaryKriging(residuals, fitVariogram(residuals), covariate.size(), step);
    map.forEach([&](float& value, const int* at) {
        const float c = covariate(at[0], at[1]);
        value += static_cast<float>(line.at(std::isfinite(c) ? c : fallback));
    });
    return map;
}

} // namespace banquise::models
