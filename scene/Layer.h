#pragma once

#include "scene/MapTypes.h"

#include <string>
#include <vector>

namespace banquise::scene {

// Labels: the one editable kind, a user's class map (labeling::LabelLayer).
// Markers: points a workflow asks the user to look at (MarkerLayer).
// Pyramid: a raster read from disk by window (PyramidLayer).
enum class LayerKind { Raster, Track, Swath, Vectors, Labels, Markers, Pyramid };

// Tracks, vector fields, labels and markers are drawn over the images of a view.
inline bool isOverlay(LayerKind kind)
{
    return kind == LayerKind::Track || kind == LayerKind::Vectors || kind == LayerKind::Labels || kind == LayerKind::Markers;
}

// What a layer measures; rendering chooses its default colormap from it.
enum class Quantity {
    Sigma0,              // SAR backscatter, linear power
    Reflectance,         // optical, 0..1 (1 or 3 bands)
    SeaIceConcentration, // percent
    Freeboard,           // metres above the local sea surface
    SurfaceClass,        // class codes of the synthetic truth
    SeaIceClass,         // labelled or predicted classes: labeling::LabelCode (0 unknown, 1 floe, 2 open lead, 3 refrozen lead)
    DriftSpeed,          // ice or buoy drift, km/day
    Other
};

std::string toString(LayerKind kind);
std::string toString(Quantity quantity);
// Every `step`-th finite value, so that at most about maxCount are kept
// (all of them when maxCount is 0): a layer's sampleValues.
std::vector<float> finiteSample(const std::vector<float>& values, std::size_t maxCount);

// Unknown names map to Quantity::Other.
Quantity quantityFromString(const std::string& name);

// Where a layer comes from and when it was seen.
struct LayerInfo {
    std::string name;
    std::string sensor;
    std::string units;
    Quantity quantity = Quantity::Other;
    // Acquisition time, seconds since epoch (UTC).
    double time = 0.0;
    std::string sourceFile;
};

// Data of one layer, already on the scene's analysis grid. Immutable once
// loaded (labels excepted: they change as the user draws): display state
// lives in rendering's LayerStyle, not here.
class Layer {
public:
    explicit Layer(LayerInfo info) : m_info(std::move(info)) {}
    virtual ~Layer() = default;
    Layer(const Layer&) = delete;
    Layer& operator=(const Layer&) = delete;

    virtual LayerKind kind() const = 0;
    virtual MapExtent extent() const = 0;
    // Values under a map point: one per band for images, the record's value
    // for a track when a record's footprint covers the point; empty when
    // there is nothing (outside, NaN).
    virtual std::vector<double> valuesAt(const MapPoint& p) const = 0;
    // Finite values of the first band or of the records, for statistics.
    virtual std::vector<float> sampleValues(std::size_t maxCount) const = 0;

    const LayerInfo& info() const { return m_info; }
    const std::string& name() const { return m_info.name; }

private:
    LayerInfo m_info;
};

} // namespace banquise::scene
