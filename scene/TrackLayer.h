#pragma once

#include "scene/Layer.h"

#include <cstdint>
#include <vector>

namespace banquise::scene {

// Surface type flag of an altimeter record (CryoSat-2 L2 convention order).
enum class SurfaceType : std::uint8_t { Unknown = 0, Ocean = 1, Lead = 2, Floe = 3 };

struct TrackRecord {
    MapPoint position; // grid CRS
    LonLat lonLat;
    double time = 0.0; // seconds since epoch, UTC
    float value = 0.0f;
    float sigma = 0.0f; // NaN when the product gives none
    SurfaceType surface = SurfaceType::Unknown;
    // Which ground track of the product (ICESat-2 beam) the record is on:
    // headings and drawn lines never join two.
    int segment = 0;
};

// Footprint of one record: a rectangle along x across the track heading.
struct Footprint {
    double alongTrackM = 0.0;
    double acrossTrackM = 0.0;
};

// A nadir altimeter track: records in acquisition order.
class TrackLayer : public Layer {
public:
    TrackLayer(LayerInfo info, std::vector<TrackRecord> records, Footprint footprint);

    LayerKind kind() const override { return LayerKind::Track; }
    MapExtent extent() const override { return m_extent; }
    std::vector<double> valuesAt(const MapPoint& p) const override;
    std::vector<float> sampleValues(std::size_t maxCount) const override;

    const std::vector<TrackRecord>& records() const { return m_records; }
    const Footprint& footprint() const { return m_footprint; }
    // Unit vector of the local track heading at record i (from neighbours).
    MapPoint heading(std::size_t i) const;
    // The four corners of record i's footprint rectangle.
    MapPolygon footprintOutline(std::size_t i) const;

private:
    std::vector<TrackRecord> m_records;
    Footprint m_footprint;
    MapExtent m_extent;
};

} // namespace banquise::scene
