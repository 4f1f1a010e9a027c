#pragma once

#include "scene/MapTypes.h"

#include <opencv2/core/mat.hpp>

namespace banquise::scene {
class AnalysisGrid;
}

namespace banquise::scene::synthetic {

struct SynthOptions;

// Smooth ice motion about the scene centre: a translation, a solid-body
// rotation and a uniform divergence, all per day. Positions at the
// reference time move to position(p, dt) after dt seconds.
class DriftField {
public:
    DriftField(const SynthOptions& options, const MapPoint& centre);

    // Where the ice at p (reference time) is dt seconds later.
    MapPoint position(const MapPoint& p, double dtSeconds) const;
    // Where the ice now at p was at the reference time (exact inverse).
    MapPoint origin(const MapPoint& p, double dtSeconds) const;
    // Displacement in grid pixels (x right, y down) of every pixel of the
    // grid after dt: the truth of a drift estimate between two dates.
    cv::Mat2f pixelDisplacement(const AnalysisGrid& grid, double dtSeconds) const;
    // The image of a reference-time raster seen dt seconds later.
    cv::Mat advect(const cv::Mat& reference, const AnalysisGrid& grid, double dtSeconds, int interpolation) const;

private:
    // The linear map and offset of motion after dt (affine, exact).
    void affine(double dtSeconds, double m[2][2], double t[2]) const;

    MapPoint m_centre;
    double m_velocityX;
    double m_velocityY;
    double m_rotation;   // radians per second
    double m_divergence; // 1/s, on area
};

} // namespace banquise::scene::synthetic
