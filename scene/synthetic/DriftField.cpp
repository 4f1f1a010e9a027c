#include "scene/synthetic/DriftField.h"

#include "scene/AnalysisGrid.h"
#include "scene/synthetic/SynthOptions.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace banquise::scene::synthetic {

namespace {
constexpr double kDay = 86400.0;
constexpr double kPi = 3.14159265358979323846;
} // namespace

DriftField::DriftField(const SynthOptions& options, const MapPoint& centre)
    : m_centre(centre), m_velocityX(options.driftEastMetresPerDay / kDay),
      m_velocityY(options.driftNorthMetresPerDay / kDay), m_rotation(options.rotationDegreesPerDay * kPi / 180.0 / kDay),
      m_divergence(options.divergencePerDay / kDay)
{
}

void DriftField::affine(double dt, double m[2][2], double t[2]) const
{
    // Rotation by angle and isotropic stretch whose area factor is
    // exp(divergence * dt), about the centre, then the translation.
    const double angle = m_rotation * dt;
    const double stretch = std::exp(0.5 * m_divergence * dt);
    m[0][0] = stretch * std::cos(angle);
    m[0][1] = -stretch * std::sin(angle);
    m[1][0] = stretch * std::sin(angle);
    m[1][1] = stretch * std::cos(angle);
    t[0] = m_velocityX * dt;
    t[1] = m_velocityY * dt;
}

MapPoint DriftField::position(const MapPoint& p, double dt) const
{
    double m[2][2];
    double t[2];
    affine(dt, m, t);
    const double x = p.x - m_centre.x;
    const double y = p.y - m_centre.y;
    return {m_centre.x + m[0][0] * x + m[0][1] * y + t[0], m_centre.y + m[1][0] * x + m[1][1] * y + t[1]};
}

MapPoint DriftField::origin(const MapPoint& p, double dt) const
{
    double m[2][2];
    double t[2];
    affine(dt, m, t);
    const double x = p.x - m_centre.x - t[0];
    const double y = p.y - m_centre.y - t[1];
    const double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
    return {m_centre.x + (m[1][1] * x - m[0][1] * y) / det, m_centre.y + (-m[1][0] * x + m[0][0] * y) / det};
}

cv::Mat2f DriftField::pixelDisplacement(const AnalysisGrid& grid, double dt) const
{
    cv::Mat2f flow(grid.height(), grid.width());
    for (int r = 0; r < grid.height(); ++r)
        for (int c = 0; c < grid.width(); ++c) {
            const MapPoint p = grid.pixelCentre(c, r);
            const MapPoint q = position(p, dt);
            flow(r, c) = cv::Vec2f(static_cast<float>((q.x - p.x) / grid.pixelSize()),
                                   static_cast<float>(-(q.y - p.y) / grid.pixelSize()));
        }
    return flow;
}

cv::Mat DriftField::advect(const cv::Mat& reference, const AnalysisGrid& grid, double dt, int interpolation) const
{
    // Backward mapping: each pixel at the later time samples where its ice was.
    cv::Mat1f mapX(grid.height(), grid.width());
    cv::Mat1f mapY(grid.height(), grid.width());
    for (int r = 0; r < grid.height(); ++r)
        for (int c = 0; c < grid.width(); ++c) {
            const MapPoint from = origin(grid.pixelCentre(c, r), dt);
            double col = 0.0;
            double row = 0.0;
            grid.mapToPixel(from, col, row);
            mapX(r, c) = static_cast<float>(col - 0.5);
            mapY(r, c) = static_cast<float>(row - 0.5);
        }
    cv::Mat later;
    cv::remap(reference, later, mapX, mapY, interpolation, cv::BORDER_REFLECT_101);
    return later;
}

} // namespace banquise::scene::synthetic
