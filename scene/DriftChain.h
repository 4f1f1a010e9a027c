#pragma once

#include "scene/MotionField.h"

#include <memory>
#include <string>
#include <vector>

namespace banquise::scene {

class AnalysisGrid;
class Feedback;
class RasterLayer;
class Scene;

// Where the ice seen at a pixel of one date is at another date, in pixels
// of the grid, and how sure that is (one sigma, pixels).
struct CarriedPosition {
    double col = 0.0;
    double row = 0.0;
    double sigma = 0.0;
    bool inside = true; // false: the path left the image, where no drift is known
};

// The ice's position uncertainty after one link, by how the link's vector
// nearest the position was found: a measured vector by its correlation
// peak (0.25 px at a peak of 1, 1 px at 0.25), a vector filled from its
// neighbours 2 px; and the deformation between lattice nodes that no
// vector sees, 0.5 px a day. Links add in quadrature.
constexpr double kMatchedSigmaPx = 0.25;
constexpr double kFilledSigmaPx = 2.0;
constexpr double kDeformationSigmaPxPerDay = 0.5;

// Ice drift across a sequence of SAR dates: one motion field per pair of
// consecutive dates, composed to carry any date's pixels to any other date
// (a long gap is matched link by link, where the ice changes little between
// looks, instead of across the whole gap).
class DriftChain {
public:
    // Images of width x height pixels; links[k] is the motion from date k to
    // date k + 1. Throws SceneError unless there is one link fewer than
    // dates and the times increase.
    DriftChain(int width, int height, std::vector<double> times, std::vector<MotionField> links);

    int dates() const { return static_cast<int>(m_times.size()); }
    double time(int date) const { return m_times.at(static_cast<std::size_t>(date)); }
    const MotionField& link(int k) const { return m_links.at(static_cast<std::size_t>(k)); }

    // Forward link by link; backward by inverting each link (fixed point).
    CarriedPosition carry(double col, double row, int from, int to) const;
    // Where the ice at (col, row), moved by `share` of link k's motion from
    // date k, was at date k (in place; share 1 undoes the whole link).
    void undoLink(int k, double share, double& col, double& row) const;

private:
    std::vector<double> m_times;
    std::vector<MotionField> m_links;
    int m_width = 0;
    int m_height = 0;
};

// A scene's SAR dates: the first sigma0 layer of each acquisition time (the
// manifest lists a product's polarisations HH first), by time.
std::vector<std::shared_ptr<const RasterLayer>> sarDates(const Scene& scene);

// The links between a scene's consecutive SAR dates. A date no drift can be
// estimated to (no valid pixel, no overlap) is left out and the chain links
// over it; `leftOut` (when given) names each with the reason. Throws
// SceneError when fewer than two dates remain. Feedback: progress per
// link, cancel between links.
DriftChain estimateDriftChain(const Scene& scene, Feedback* feedback = nullptr, std::vector<std::string>* leftOut = nullptr);

} // namespace banquise::scene
