#pragma once

#include <string>

class GDALDataset;

namespace banquise::scene {

// Opens one polarisation of a Sentinel-1 GRD SAFE product calibrated to
// sigma0 (linear). GDAL's SAFE driver reads the digital numbers and the
// geolocation grid (GCPs) but calibrates only SLC products, so the sigma0
// LUT of the product's calibration annotation is applied here, in image
// geometry, before any warping. Returns an in-memory Float32 dataset with
// the product's GCPs (caller closes it with GDALClose); throws SceneError
// naming the file and the reason.
GDALDataset* openCalibratedSentinel1Grd(const std::string& manifestPath, const std::string& polarisation);

} // namespace banquise::scene
