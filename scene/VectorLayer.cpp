#include "scene/VectorLayer.h"

#include "scene/AnalysisGrid.h"
#include "scene/MotionField.h"

#include <algorithm>
#include <cmath>

namespace banquise::scene {

VectorLayer::VectorLayer(LayerInfo info, std::vector<VectorArrow> arrows, double spacing)
    : Layer(std::move(info)), m_arrows(std::move(arrows)), m_spacing(spacing)
{
    std::vector<MapPoint> positions;
    for (const auto& a : m_arrows)
        positions.push_back(a.position);
    m_extent = extentOf(positions);
}

std::vector<double> VectorLayer::valuesAt(const MapPoint& p) const
{
    const VectorArrow* nearest = nullptr;
    double best = 0.25 * m_spacing * m_spacing; // within half a cell
    for (const auto& a : m_arrows) {
        const double d = (a.position.x - p.x) * (a.position.x - p.x) + (a.position.y - p.y) * (a.position.y - p.y);
        if (d <= best) {
            best = d;
            nearest = &a;
        }
    }
    if (!nearest)
        return {};
    return {nearest->value};
}

std::vector<float> VectorLayer::sampleValues(std::size_t maxCount) const
{
    std::vector<float> out;
    const std::size_t step = maxCount == 0 ? 1 : std::max<std::size_t>(1, m_arrows.size() / maxCount);
    for (std::size_t i = 0; i < m_arrows.size(); i += step)
        out.push_back(m_arrows[i].value);
    return out;
}

std::shared_ptr<VectorLayer> makeDriftLayer(const MotionField& field, const AnalysisGrid& grid, double firstTime, double secondTime,
                                            int stride)
{
    const double days = (secondTime - firstTime) / 86400.0;
    if (stride <= 0)
        stride = std::max(1, (field.columns() + 19) / 20);
    std::vector<VectorArrow> arrows;
    for (int j = 0; j < field.rows(); j += stride)
        for (int i = 0; i < field.columns(); i += stride) {
        const MotionVector& v = field.vectors()[static_cast<std::size_t>(j) * field.columns() + i];
        VectorArrow a;
        a.position = grid.pixelCentre(static_cast<int>(v.col), static_cast<int>(v.row));
        a.dx = v.dx * grid.pixelSize();
        a.dy = -v.dy * grid.pixelSize();
        a.value = static_cast<float>(std::hypot(a.dx, a.dy) / 1000.0 / days);
        a.measured = v.measured;
        arrows.push_back(a);
    }
    const double spacing = field.vectors().size() > 1
        ? stride * std::hypot(field.vectors()[1].col - field.vectors()[0].col, field.vectors()[1].row - field.vectors()[0].row)
            * grid.pixelSize()
        : grid.pixelSize();
    return std::make_shared<VectorLayer>(LayerInfo{"Ice drift", "Sentinel-1", "km/day", Quantity::DriftSpeed, firstTime, ""},
                                         std::move(arrows), spacing);
}

} // namespace banquise::scene
