#pragma once

#include <optional>
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
// `manifestPath` may be inside a zip (see sentinel1ManifestPath).
GDALDataset* openCalibratedSentinel1(const std::string& manifestPath, const std::string& polarisation);

// The manifest GDAL's SAFE driver opens for a SAFE folder, its manifest.safe,
// or the zip the Copernicus hub distributes (through /vsizip/).
std::string sentinel1ManifestPath(const std::string& path);

// A bare Sentinel-1 measurement GeoTIFF (GCPs in the file), as ESA names it.
struct Sentinel1Measurement {
    std::string product;      // "GRD" or "SLC"
    std::string polarisation; // "HH", ...
    double time = 0.0;        // start, UTC seconds
    std::string calibrationFile; // found in ../annotation/calibration/ or beside it; empty when absent
};
// What the file name says, or nothing when it is not named as a measurement.
std::optional<Sentinel1Measurement> sentinel1Measurement(const std::string& tiff);
// The measurement calibrated to sigma0 with its calibration annotation, as
// openCalibratedSentinel1 does for a whole product; throws SceneError when
// the annotation cannot be found.
GDALDataset* openCalibratedSentinel1Measurement(const std::string& tiff);

} // namespace banquise::scene
