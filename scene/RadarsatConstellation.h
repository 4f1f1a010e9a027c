#pragma once

#include "scene/MapTypes.h"

#include <string>
#include <vector>

class GDALDataset;

namespace banquise::scene {

// A RADARSAT Constellation Mission product (its folder, its manifest.safe or
// its metadata/product.xml, rcmGsProductSchema): when it was acquired, its
// polarisations, where it lies (the geolocation grid's tie points), its
// product type and beam mode.
struct RcmProduct {
    std::string productXml;
    std::string satellite; // "RCM-1", "RCM-2", "RCM-3"
    double time = 0.0;     // rawDataStartTime, UTC seconds
    std::vector<std::string> polarisations;
    std::vector<LonLat> footprint;
    std::string productType; // "GRD", "GCD", "SLC", "MLC", ...
    std::string beamMode;    // "Medium Resolution 50m", "ScanSAR Low Noise", ...
};

// Whether `path` (a folder, a manifest.safe or a product.xml) is an RCM
// product: a product.xml in the RCM schema's namespace. Cheap: reads the
// start of one file.
bool isRcmProduct(const std::string& path);

// Throws SceneError naming the file and the reason (not an RCM product.xml,
// no polarisation, no image named).
RcmProduct describeRcm(const std::string& path);

// One polarisation of a detected product (GRD) calibrated to sigma0
// (linear) with the product's sigma-nought look-up table, sigma0 = (DN^2 +
// offset) / gain(range pixel), carrying the geolocation grid's GCPs, as an
// in-memory dataset the caller closes with GDALClose. GDAL 3.6 has no RCM
// driver (it came in 3.11), so the table is applied here; the image files
// are read by GDAL. No noise floor is subtracted (as the products deliver
// them: noiseSubtractionPerformed false). Throws SceneError naming the file
// and the reason: a missing image or table, a complex or geocoded product,
// no such polarisation, no geolocation grid.
GDALDataset* openCalibratedRcm(const std::string& path, const std::string& polarisation);

} // namespace banquise::scene
