#include "scene/MarkerLayer.h"

#include <cmath>

namespace banquise::scene {

MarkerLayer::MarkerLayer(LayerInfo info, MapExtent extent) : Layer(std::move(info)), m_extent(extent) {}

std::vector<double> MarkerLayer::valuesAt(const MapPoint& p) const
{
    for (std::size_t i = 0; i < m_markers.size(); ++i) {
        const Marker& m = m_markers[i];
        if (std::abs(p.x - m.position.x) <= m.halfSize && std::abs(p.y - m.position.y) <= m.halfSize)
            return {static_cast<double>(i)};
    }
    return {};
}

std::vector<float> MarkerLayer::sampleValues(std::size_t maxCount) const
{
    std::vector<float> out;
    for (std::size_t i = 0; i < m_markers.size() && out.size() < maxCount; ++i)
        out.push_back(static_cast<float>(i));
    return out;
}

void MarkerLayer::setMarkers(std::vector<Marker> markers)
{
    m_markers = std::move(markers);
    ++m_revision;
}

void MarkerLayer::setMarker(std::size_t index, const Marker& marker)
{
    m_markers.at(index) = marker;
    ++m_revision;
}

} // namespace banquise::scene
