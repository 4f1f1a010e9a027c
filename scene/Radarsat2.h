#pragma once

#include "scene/MapTypes.h"

#include <string>
#include <vector>

class GDALDataset;

namespace banquise::scene {

// A RADARSAT-2 product (its folder or product.xml; GDAL's RS2 driver): when
// it was acquired, its polarisations, where it lies (the geolocation grid's
// tie points) and its product type.
struct Radarsat2Product {
    std::string productXml;
    double time = 0.0; // rawDataStartTime, UTC seconds
    std::vector<std::string> polarisations;
    std::vector<LonLat> footprint;
    std::string productType; // "SGF", "SCF", "SLC", ...
};
// Throws SceneError naming the file when GDAL's RS2 driver does not open it.
Radarsat2Product describeRadarsat2(const std::string& path);

// One polarisation calibrated to sigma0 (linear) with the product's
// sigma-nought look-up table (GDAL's RADARSAT_2_CALIB:SIGMA0), carrying the
// geolocation grid's GCPs, as an in-memory dataset the caller closes with
// GDALClose. Throws SceneError naming the file and the reason (no
// sigma-nought table: SSG/SPG products carry none; no such polarisation).
GDALDataset* openCalibratedRadarsat2(const std::string& path, const std::string& polarisation);

} // namespace banquise::scene
