#pragma once

#include "scene/MapTypes.h"

#include <optional>
#include <string>
#include <vector>

class GDALDataset;

namespace banquise::scene {

// One layer an AI4Arctic scene offers (SAR, ice chart, AMSR-2).
struct Ai4ArcticLayer {
    std::string name;      // "S1 HH sigma0", "Ice chart SIC", "AMSR-2 btemp_18_7h", ...
    std::string sensor;    // "Sentinel-1", "ice chart", "AMSR-2"
    std::string quantity;  // Layer quantity name ("sigma0", "sea_ice_concentration", "other")
    std::string units;
    std::string resampling; // bilinear for SAR power and brightness, near for chart codes
};

// An AI4Arctic / AutoICE challenge scene (netCDF, raw or ready-to-train),
// the variable names in assets/products/ai4arctic.json.
struct Ai4ArcticScene {
    bool readyToTrain = false; // RTT: 80 m, normalised SAR, chart as classes
    double time = 0.0;         // Sentinel-1 start, from the file name; 0 when absent
    int width = 0;             // SAR samples and lines
    int height = 0;
    std::vector<Ai4ArcticLayer> layers;
    std::vector<LonLat> footprint; // the geolocation grid's points
};

// What the file holds, or nothing when it is not an AI4Arctic scene (no
// primary SAR variable or no geolocation grid). Throws SceneError when it
// is one but its geolocation cannot be read.
std::optional<Ai4ArcticScene> describeAi4Arctic(const std::string& file);

// One layer (by its name in describeAi4Arctic) as an in-memory Float32
// dataset in the variable's own geometry with the geolocation grid as GCPs
// (EPSG:4326), physical values, no data as NaN:
// - SAR of a raw scene: sigma0 in linear power from the stored dB (so that
//   warping averages power, not decibels);
// - the raw ice chart: each pixel's polygon id looked up in the polygon
//   codes (SIGRID-3), total concentration CT in percent (ranges at their
//   middle, 9+/10 as 95 %, 10/10 as 100 %; bergy water, glacier and unknown
//   as no data), stage SA and form FA as their codes;
// - ready-to-train classes (SIC in tenths as percent, SOD, FLOE), fill 255 as no data;
// - AMSR-2 brightness temperatures on their 2 km grid (GCPs scaled to it).
// Read in strips of rows, within one band's memory. The caller closes it
// with GDALClose. Throws SceneError naming the file and the reason.
GDALDataset* openAi4ArcticLayer(const std::string& file, const std::string& layerName);

} // namespace banquise::scene
