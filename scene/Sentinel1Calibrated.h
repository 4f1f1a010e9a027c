#pragma once

#include <string>

class GDALDataset;

namespace banquise::scene {

// Opens one polarisation of a Sentinel-1 SAFE product (GRD, or one
// sub-swath of an SLC) calibrated to sigma0 (linear): |DN|^2 / A^2 with A
// the sigma0 LUT of the product's calibration annotation, applied here in
// image geometry before any warping. GDAL's SAFE driver reads the digital
// numbers and the geolocation grid (GCPs); GDAL 3.6 lists calibrated
// subdatasets for SLC products but returns uncalibrated intensities, and
// none for GRD. Returns an in-memory Float32 dataset with
// the product's GCPs (caller closes it with GDALClose); throws SceneError
// naming the file and the reason.
GDALDataset* openCalibratedSentinel1(const std::string& manifestPath, const std::string& polarisation);

} // namespace banquise::scene
