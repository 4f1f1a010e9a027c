#include "scene/MotionField.h"

#include "scene/SceneError.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace banquise::scene {

MotionField::MotionField(int columns, int rows, double spacing, double firstCol, double firstRow, std::vector<MotionVector> vectors)
    : m_columns(columns), m_rows(rows), m_spacing(spacing), m_firstCol(firstCol), m_firstRow(firstRow), m_vectors(std::move(vectors))
{
}

void MotionField::displacementAt(double col, double row, double& dx, double& dy) const
{
    const double u = std::clamp((col - m_firstCol) / m_spacing, 0.0, static_cast<double>(m_columns - 1));
    const double v = std::clamp((row - m_firstRow) / m_spacing, 0.0, static_cast<double>(m_rows - 1));
    const int i = std::min(static_cast<int>(u), std::max(0, m_columns - 2));
    const int j = std::min(static_cast<int>(v), std::max(0, m_rows - 2));
    const int i1 = std::min(i + 1, m_columns - 1);
    const int j1 = std::min(j + 1, m_rows - 1);
    const double fu = u - i;
    const double fv = v - j;
    auto at = [this](int a, int b) -> const MotionVector& { return m_vectors[static_cast<std::size_t>(b) * m_columns + a]; };
    dx = (1 - fv) * ((1 - fu) * at(i, j).dx + fu * at(i1, j).dx) + fv * ((1 - fu) * at(i, j1).dx + fu * at(i1, j1).dx);
    dy = (1 - fv) * ((1 - fu) * at(i, j).dy + fu * at(i1, j).dy) + fv * ((1 - fu) * at(i, j1).dy + fu * at(i1, j1).dy);
}

const MotionVector& MotionField::nearestVector(double col, double row) const
{
    const long i = std::clamp(std::lround((col - m_firstCol) / m_spacing), 0L, static_cast<long>(m_columns - 1));
    const long j = std::clamp(std::lround((row - m_firstRow) / m_spacing), 0L, static_cast<long>(m_rows - 1));
    return m_vectors[static_cast<std::size_t>(j) * m_columns + static_cast<std::size_t>(i)];
}

namespace {

// Gaussian sigma (pixels) of the smooth background taken from the images
// before matching: well above the 48 px patches, so that the texture they
// match stays.
constexpr double kBackgroundSigmaPx = 64.0;

// dB with no-data set to the image median, then a light Gaussian against speckle.
cv::Mat1f logIntensity(const std::vector<float>& sigma0, int width, int height)
{
    cv::Mat1f db(height, width);
    std::vector<float> finite;
    finite.reserve(sigma0.size() / 16 + 1);
    for (std::size_t i = 0; i < sigma0.size(); i += 16)
        if (std::isfinite(sigma0[i]) && sigma0[i] > 0.0f)
            finite.push_back(10.0f * std::log10(sigma0[i]));
    if (finite.empty())
        throw SceneError("", "SAR image has no valid pixel for drift estimation");
    std::nth_element(finite.begin(), finite.begin() + finite.size() / 2, finite.end());
    const float fill = finite[finite.size() / 2];
    for (int r = 0; r < height; ++r)
        for (int c = 0; c < width; ++c) {
            const float v = sigma0[static_cast<std::size_t>(r) * width + c];
            db(r, c) = std::isfinite(v) && v > 0.0f ? 10.0f * std::log10(v) : fill;
        }
    cv::GaussianBlur(db, db, cv::Size(), 1.0);
    // The sensor's incidence falloff and noise floor stay where they are
    // while the ice moves; on a small scene they outweigh the ice's texture
    // and hold the matcher (a 16 km series lost one link in three, 2 % of
    // its vectors measured). Their smooth background goes; the ice's edges stay.
    cv::Mat1f background;
    cv::resize(db, background, cv::Size(), 0.125, 0.125, cv::INTER_AREA);
    cv::GaussianBlur(background, background, cv::Size(), kBackgroundSigmaPx / 8.0);
    cv::resize(background, background, db.size(), 0.0, 0.0, cv::INTER_LINEAR);
    db -= background;
    return db;
}

// Parabolic sub-pixel offset of a peak from its two neighbours.
double subpixel(float left, float centre, float right)
{
    const double denominator = left - 2.0 * centre + right;
    return std::abs(denominator) < 1e-9 ? 0.0 : 0.5 * (left - right) / denominator;
}

// Finds the template of `first` centred at (x, y) in `second` around (x + px, y + py).
bool matchAt(const cv::Mat1f& first, const cv::Mat1f& second, double x, double y, double px, double py, int half, int radius,
             MotionVector& v)
{
    const int tx = cvRound(x) - half;
    const int ty = cvRound(y) - half;
    const int sx = cvRound(x + px) - half - radius;
    const int sy = cvRound(y + py) - half - radius;
    const int side = 2 * half;
    const cv::Rect templ(tx, ty, side, side);
    const cv::Rect search(sx, sy, side + 2 * radius, side + 2 * radius);
    const cv::Rect whole(0, 0, first.cols, first.rows);
    if ((templ & whole) != templ || (search & whole) != search)
        return false;
    cv::Mat1f score;
    cv::matchTemplate(second(search), first(templ), score, cv::TM_CCOEFF_NORMED);
    double best = 0.0;
    cv::Point peak;
    cv::minMaxLoc(score, nullptr, &best, nullptr, &peak);
    double ox = peak.x;
    double oy = peak.y;
    if (peak.x > 0 && peak.x < score.cols - 1)
        ox += subpixel(score(peak.y, peak.x - 1), score(peak.y, peak.x), score(peak.y, peak.x + 1));
    if (peak.y > 0 && peak.y < score.rows - 1)
        oy += subpixel(score(peak.y - 1, peak.x), score(peak.y, peak.x), score(peak.y + 1, peak.x));
    v.dx = (sx + ox) - tx;
    v.dy = (sy + oy) - ty;
    v.quality = best;
    return true;
}

// A robust affine model of the whole field (RANSAC over the good vectors):
// the fallback for vectors whose neighbourhood has no good vector.
bool fitAffine(const std::vector<MotionVector>& lattice, double minQuality, double threshold, cv::Matx23d& model)
{
    std::vector<cv::Point2f> from;
    std::vector<cv::Point2f> to;
    for (const MotionVector& v : lattice)
        if (v.measured && v.quality >= minQuality) {
            from.emplace_back(static_cast<float>(v.col), static_cast<float>(v.row));
            to.emplace_back(static_cast<float>(v.col + v.dx), static_cast<float>(v.row + v.dy));
        }
    if (from.size() < 6)
        return false;
    const cv::Mat affine = cv::estimateAffine2D(from, to, cv::noArray(), cv::RANSAC, threshold);
    if (affine.empty())
        return false;
    model = cv::Matx23d(affine);
    return true;
}

// Replaces weak vectors and outliers. On coarse levels an outlier departs
// from the field's robust affine model (at tens of kilometres a day of ice
// motion is close to affine, and a cluster of wrong coarse matches would
// otherwise agree with itself); on the finest level it departs from its
// 3x3 neighbours' median, so that shear across leads survives. A rejected
// vector takes the median of its good neighbours, else the affine model.
void rejectOutliers(std::vector<MotionVector>& lattice, int columns, int rows, double minQuality, double maxDeviation,
                    bool againstAffine)
{
    cv::Matx23d affine;
    const bool hasAffine = fitAffine(lattice, minQuality, 2.0 * maxDeviation, affine);
    auto affineAt = [&affine](const MotionVector& v, double& dx, double& dy) {
        dx = affine(0, 0) * v.col + affine(0, 1) * v.row + affine(0, 2) - v.col;
        dy = affine(1, 0) * v.col + affine(1, 1) * v.row + affine(1, 2) - v.row;
    };
    if (againstAffine && hasAffine)
        for (MotionVector& v : lattice) {
            double ax = 0.0;
            double ay = 0.0;
            affineAt(v, ax, ay);
            if (!v.measured || v.quality < minQuality || std::hypot(v.dx - ax, v.dy - ay) > maxDeviation) {
                v.dx = ax;
                v.dy = ay;
                v.measured = false;
            }
        }
    const std::vector<MotionVector> before = lattice;
    for (int j = 0; j < rows; ++j)
        for (int i = 0; i < columns; ++i) {
            std::vector<double> xs;
            std::vector<double> ys;
            for (int b = std::max(0, j - 1); b <= std::min(rows - 1, j + 1); ++b)
                for (int a = std::max(0, i - 1); a <= std::min(columns - 1, i + 1); ++a) {
                    const MotionVector& n = before[static_cast<std::size_t>(b) * columns + a];
                    if (n.measured && n.quality >= minQuality && (a != i || b != j)) {
                        xs.push_back(n.dx);
                        ys.push_back(n.dy);
                    }
                }
            MotionVector& v = lattice[static_cast<std::size_t>(j) * columns + i];
            double mx = v.dx;
            double my = v.dy;
            if (xs.size() >= 3) {
                std::nth_element(xs.begin(), xs.begin() + xs.size() / 2, xs.end());
                std::nth_element(ys.begin(), ys.begin() + ys.size() / 2, ys.end());
                mx = xs[xs.size() / 2];
                my = ys[ys.size() / 2];
            } else if (hasAffine) {
                affineAt(v, mx, my);
            } else {
                continue;
            }
            if (!v.measured || v.quality < minQuality || std::hypot(v.dx - mx, v.dy - my) > maxDeviation) {
                v.dx = mx;
                v.dy = my;
                v.measured = false;
            }
        }
}
} // namespace

MotionField estimateMotion(const std::vector<float>& first, const std::vector<float>& second, int width, int height,
                           const MotionOptions& o)
{
    const std::size_t expected = static_cast<std::size_t>(width) * height;
    if (first.size() != expected || second.size() != expected)
        throw SceneError("", "drift estimation needs two images of the same grid");
    std::vector<cv::Mat1f> pyramid1{logIntensity(first, width, height)};
    std::vector<cv::Mat1f> pyramid2{logIntensity(second, width, height)};
    for (int l = 0; l < o.pyramidLevels; ++l) {
        cv::Mat1f a;
        cv::Mat1f b;
        cv::pyrDown(pyramid1.back(), a);
        cv::pyrDown(pyramid2.back(), b);
        pyramid1.push_back(a);
        pyramid2.push_back(b);
    }

    // Bulk drift from the coarsest level.
    const cv::Mat1f& coarse1 = pyramid1.back();
    const cv::Mat1f& coarse2 = pyramid2.back();
    cv::Mat1f window;
    cv::createHanningWindow(window, coarse1.size(), CV_32F);
    const cv::Point2d bulk = cv::phaseCorrelate(coarse1, coarse2, window);

    const int margin = o.patch / 2 + 1;
    const int columns = std::max(1, (width - 2 * margin) / o.spacing + 1);
    const int rows = std::max(1, (height - 2 * margin) / o.spacing + 1);
    std::vector<MotionVector> lattice(static_cast<std::size_t>(columns) * rows);
    const double scaleTop = std::pow(2.0, o.pyramidLevels);
    for (int j = 0; j < rows; ++j)
        for (int i = 0; i < columns; ++i) {
            MotionVector& v = lattice[static_cast<std::size_t>(j) * columns + i];
            v.col = margin + i * o.spacing;
            v.row = margin + j * o.spacing;
            v.dx = bulk.x * scaleTop;
            v.dy = bulk.y * scaleTop;
        }

    for (int level = o.pyramidLevels; level >= 0; --level) {
        const double scale = std::pow(2.0, level);
        const int half = std::max(8, static_cast<int>(o.patch / 2 / std::max(1.0, scale / 2.0)));
        const int radius = level == o.pyramidLevels ? 2 * o.searchRadius : o.searchRadius;
        for (MotionVector& v : lattice) {
            MotionVector found = v;
            v.measured = matchAt(pyramid1[level], pyramid2[level], v.col / scale, v.row / scale, v.dx / scale, v.dy / scale, half,
                                 radius, found);
            if (v.measured) {
                v.dx = found.dx * scale;
                v.dy = found.dy * scale;
                v.quality = found.quality;
            }
        }
        rejectOutliers(lattice, columns, rows, o.minQuality, o.maxDeviation * scale, level > 0);
    }
    return MotionField(columns, rows, o.spacing, margin, margin, std::move(lattice));
}

} // namespace banquise::scene
