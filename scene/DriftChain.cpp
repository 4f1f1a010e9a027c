#include "scene/DriftChain.h"

#include "scene/Feedback.h"
#include "scene/RasterLayer.h"
#include "scene/Scene.h"
#include "scene/SceneError.h"
#include "scene/UtcTime.h"

#include <algorithm>
#include <cmath>

namespace banquise::scene {

namespace {

constexpr int kInverseIterations = 8;

double linkSigma(const MotionField& field, double col, double row, double seconds)
{
    const MotionVector& v = field.nearestVector(col, row);
    const double match = v.measured ? kMatchedSigmaPx / std::max(v.quality, 0.125) : kFilledSigmaPx;
    const double deformation = kDeformationSigmaPxPerDay * seconds / 86400.0;
    return std::hypot(match, deformation);
}

} // namespace

DriftChain::DriftChain(int width, int height, std::vector<double> times, std::vector<MotionField> links)
    : m_times(std::move(times)), m_links(std::move(links)), m_width(width), m_height(height)
{
    if (m_times.size() < 2 || m_links.size() + 1 != m_times.size())
        throw SceneError("", "a drift chain needs one motion field between each two consecutive dates");
    for (std::size_t k = 1; k < m_times.size(); ++k)
        if (!(m_times[k] > m_times[k - 1]))
            throw SceneError("", "the SAR dates are out of order: " + formatUtc(m_times[k]) + " follows " + formatUtc(m_times[k - 1]));
}

void DriftChain::undoLink(int k, double share, double& col, double& row) const
{
    const MotionField& field = m_links.at(static_cast<std::size_t>(k));
    double x = col;
    double y = row;
    for (int i = 0; i < kInverseIterations; ++i) { // x + share * d(x) = (col, row)
        double dx = 0.0;
        double dy = 0.0;
        field.displacementAt(x, y, dx, dy);
        x = col - share * dx;
        y = row - share * dy;
    }
    col = x;
    row = y;
}

CarriedPosition DriftChain::carry(double col, double row, int from, int to) const
{
    if (from < 0 || to < 0 || from >= dates() || to >= dates())
        throw SceneError("", "no such date in the drift chain");
    CarriedPosition p{col, row, 0.0, true};
    double variance = 0.0;
    const auto inImage = [this](double c, double r) { return c >= 0.0 && r >= 0.0 && c <= m_width - 1.0 && r <= m_height - 1.0; };
    for (int k = from; k < to; ++k) { // forward: k -> k + 1
        const MotionField& field = m_links[static_cast<std::size_t>(k)];
        p.inside = p.inside && inImage(p.col, p.row);
        const double sigma = linkSigma(field, p.col, p.row, m_times[k + 1] - m_times[k]);
        variance += sigma * sigma;
        double dx = 0.0;
        double dy = 0.0;
        field.displacementAt(p.col, p.row, dx, dy);
        p.col += dx;
        p.row += dy;
    }
    for (int k = from - 1; k >= to; --k) { // backward: k + 1 -> k, where x + d(x) = p
        const MotionField& field = m_links[static_cast<std::size_t>(k)];
        undoLink(k, 1.0, p.col, p.row);
        p.inside = p.inside && inImage(p.col, p.row);
        const double sigma = linkSigma(field, p.col, p.row, m_times[k + 1] - m_times[k]);
        variance += sigma * sigma;
    }
    p.inside = p.inside && inImage(p.col, p.row);
    p.sigma = std::sqrt(variance);
    return p;
}

std::vector<std::shared_ptr<const RasterLayer>> sarDates(const Scene& scene)
{
    std::vector<std::shared_ptr<const RasterLayer>> dates;
    for (const auto& layer : scene.layers()) {
        auto raster = std::dynamic_pointer_cast<const RasterLayer>(layer);
        if (!raster || layer->kind() != LayerKind::Raster || layer->info().quantity != Quantity::Sigma0)
            continue;
        const bool seen = std::any_of(dates.begin(), dates.end(), [&](const auto& d) { return d->info().time == raster->info().time; });
        if (!seen)
            dates.push_back(raster);
    }
    std::stable_sort(dates.begin(), dates.end(), [](const auto& a, const auto& b) { return a->info().time < b->info().time; });
    return dates;
}

DriftChain estimateDriftChain(const Scene& scene, Feedback* feedback, std::vector<std::string>* leftOut)
{
    const auto dates = sarDates(scene);
    if (dates.size() < 2)
        throw SceneError("", "the scene has no two SAR sigma0 layers acquired at different times");
    const AnalysisGrid& grid = scene.grid();
    std::vector<double> times{dates.front()->info().time};
    std::vector<MotionField> links;
    const RasterLayer* previous = dates.front().get();
    for (std::size_t k = 1; k < dates.size(); ++k) {
        if (feedback) {
            if (feedback->isCancelled())
                throw SceneError("", "drift estimation cancelled");
            feedback->setProgress(static_cast<double>(k - 1) / (dates.size() - 1),
                                  "ice drift to " + formatUtc(dates[k]->info().time).substr(0, 10));
        }
        try {
            links.push_back(estimateMotion(previous->band(0), dates[k]->band(0), grid.width(), grid.height()));
        } catch (const SceneError& e) {
            if (leftOut)
                leftOut->push_back(dates[k]->name() + ": no drift from " + previous->name() + " (" + e.reason() + ")");
            continue;
        }
        times.push_back(dates[k]->info().time);
        previous = dates[k].get();
    }
    if (feedback)
        feedback->setProgress(1.0, "done");
    if (links.empty())
        throw SceneError("", "no drift could be estimated between any two of the scene's SAR dates");
    return DriftChain(grid.width(), grid.height(), std::move(times), std::move(links));
}

} // namespace banquise::scene
