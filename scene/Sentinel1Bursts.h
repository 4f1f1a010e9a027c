#pragma once

#include <opencv2/core/mat.hpp>

#include <string>
#include <vector>

namespace banquise::scene {

// One burst of a Sentinel-1 TOPS SLC sub-swath, from its annotation's
// swathTiming/burstList: where it sits in the measurement image and which of
// its lines and samples hold data (ESA marks the rest -1).
struct Sentinel1Burst {
    int index = 0;            // 0-based, in acquisition order
    double azimuthTime = 0.0; // UTC seconds of its first line
    int firstLine = 0;        // in the measurement image
    int lines = 0;
    cv::Rect valid;           // the valid samples and lines, image coordinates
};

// The files of one sub-swath and polarisation of an SLC SAFE product
// (folder, or the /vsizip/ path of a zipped one): measurement GeoTIFF,
// product annotation and calibration annotation.
struct Sentinel1SwathFiles {
    std::string measurement;
    std::string annotation;
    std::string calibration;
};
// `swath` as "IW1", "EW2", ...; throws SceneError naming the SAFE when a file is missing.
Sentinel1SwathFiles sentinel1SwathFiles(const std::string& safe, const std::string& swath, const std::string& polarisation);

// The bursts of a product annotation; throws SceneError naming the file
// when it has no burst list (a GRD, or not an annotation).
std::vector<Sentinel1Burst> readSentinel1Bursts(const std::string& annotation);

// Calibrated complex samples of part of a burst (`window` in image
// coordinates, clipped to the burst's valid area): DN / A with A the sigma0
// LUT, so that |z|^2 is sigma0 and the phase is the product's. Channel 0 is
// the real part, 1 the imaginary. This keeps what speckle models of the
// MERLIN family need (real and imaginary parts), which the gridded sigma0
// layer does not. Throws SceneError naming the file and the reason.
cv::Mat2f readCalibratedBurst(const Sentinel1SwathFiles& files, const Sentinel1Burst& burst, const cv::Rect& window);

} // namespace banquise::scene
