#include "scene/TrackLayer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace banquise::scene {

TrackLayer::TrackLayer(LayerInfo info, std::vector<TrackRecord> records, Footprint footprint)
    : Layer(std::move(info)), m_records(std::move(records)), m_footprint(footprint)
{
    std::vector<MapPoint> positions;
    for (const auto& r : m_records)
        positions.push_back(r.position);
    m_extent = extentOf(positions);
}

MapPoint TrackLayer::heading(std::size_t i) const
{
    if (m_records.size() < 2)
        return {1.0, 0.0};
    const int segment = m_records[i].segment;
    const std::size_t a = i > 0 && m_records[i - 1].segment == segment ? i - 1 : i;
    const std::size_t b = i + 1 < m_records.size() && m_records[i + 1].segment == segment ? i + 1 : i;
    const double dx = m_records[b].position.x - m_records[a].position.x;
    const double dy = m_records[b].position.y - m_records[a].position.y;
    const double norm = std::hypot(dx, dy);
    if (norm == 0.0)
        return {1.0, 0.0};
    return {dx / norm, dy / norm};
}

MapPolygon TrackLayer::footprintOutline(std::size_t i) const
{
    const MapPoint u = heading(i);
    const MapPoint v{-u.y, u.x};
    const double a = 0.5 * m_footprint.alongTrackM;
    const double c = 0.5 * m_footprint.acrossTrackM;
    const MapPoint& p = m_records[i].position;
    return {{p.x - a * u.x - c * v.x, p.y - a * u.y - c * v.y},
            {p.x + a * u.x - c * v.x, p.y + a * u.y - c * v.y},
            {p.x + a * u.x + c * v.x, p.y + a * u.y + c * v.y},
            {p.x - a * u.x + c * v.x, p.y - a * u.y + c * v.y}};
}

std::vector<double> TrackLayer::valuesAt(const MapPoint& p) const
{
    // The record whose footprint holds the point, nearest first; a linear
    // scan is fine at the 10^4 records of a scene's tracks.
    double best = std::numeric_limits<double>::max();
    const TrackRecord* found = nullptr;
    for (std::size_t i = 0; i < m_records.size(); ++i) {
        const MapPoint u = heading(i);
        const double dx = p.x - m_records[i].position.x;
        const double dy = p.y - m_records[i].position.y;
        const double along = dx * u.x + dy * u.y;
        const double across = -dx * u.y + dy * u.x;
        if (std::abs(along) > 0.5 * m_footprint.alongTrackM || std::abs(across) > 0.5 * m_footprint.acrossTrackM)
            continue;
        const double d = dx * dx + dy * dy;
        if (d < best && std::isfinite(m_records[i].value)) {
            best = d;
            found = &m_records[i];
        }
    }
    if (!found)
        return {};
    return {found->value};
}

std::vector<float> TrackLayer::sampleValues(std::size_t maxCount) const
{
    std::vector<float> out;
    const std::size_t step = maxCount == 0 ? 1 : std::max<std::size_t>(1, m_records.size() / maxCount);
    for (std::size_t i = 0; i < m_records.size(); i += step)
        if (std::isfinite(m_records[i].value))
            out.push_back(m_records[i].value);
    return out;
}

} // namespace banquise::scene
