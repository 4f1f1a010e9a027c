#pragma once

#include "scene/Layer.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace banquise::scene {

// One marker: a square ring around a point of the map, so that what it
// marks stays visible inside it.
struct Marker {
    MapPoint position;
    double halfSize = 0.0;                // metres from the centre to the ring
    std::array<std::uint8_t, 3> colour{}; // sRGB
    bool emphasised = false;              // drawn thicker, with a crosshair (the one under focus)
};

// Points a workflow asks the user to look at (the pixels an active-learning
// model asks about). Its owner changes the markers as the user answers; the
// revision tells views to redraw. GUI thread only.
class MarkerLayer : public Layer {
public:
    explicit MarkerLayer(LayerInfo info, MapExtent extent);

    LayerKind kind() const override { return LayerKind::Markers; }
    MapExtent extent() const override { return m_extent; }
    // The index of the marker whose ring holds the point, as a value.
    std::vector<double> valuesAt(const MapPoint& p) const override;
    std::vector<float> sampleValues(std::size_t maxCount) const override;

    const std::vector<Marker>& markers() const { return m_markers; }
    void setMarkers(std::vector<Marker> markers);
    void setMarker(std::size_t index, const Marker& marker);
    std::uint64_t revision() const { return m_revision; }

private:
    MapExtent m_extent;
    std::vector<Marker> m_markers;
    std::uint64_t m_revision = 0;
};

} // namespace banquise::scene
