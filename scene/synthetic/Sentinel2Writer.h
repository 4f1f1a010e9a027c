#pragma once

#include <random>
#include <string>

namespace banquise::scene {
class AnalysisGrid;
}

namespace banquise::scene::synthetic {

struct IceTruth;
class DriftField;
struct SynthOptions;

// Sentinel-2 L2A-like bottom-of-atmosphere reflectance at 20 m in the UTM
// zone of the scene centre (not the SAR grid): bands B02, B03, B04 as
// UInt16 GeoTIFFs named as in a granule's IMG_DATA/R20m folder, DN =
// 10000 * reflectance + 1000 (the L2A offset since processing baseline
// 04.00, recorded as band scale and offset), 0 = no data. The ice is seen
// at the optical time (drift applied); clouds and their shadows cover part
// of the scene. Written strip by strip within a fixed memory bound. Also
// writes an RGB VRT (B04, B03, B02) over the bands. Returns the VRT path
// relative to folder.
std::string writeSentinel2(const std::string& folder, const AnalysisGrid& grid, const IceTruth& ice, const DriftField& drift,
                           double time, double referenceTime, std::mt19937& rng);

// EPSG code of the WGS 84 / UTM north zone holding a longitude.
int utmNorthEpsg(double longitude);

} // namespace banquise::scene::synthetic
