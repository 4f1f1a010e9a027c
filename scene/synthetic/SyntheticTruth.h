#pragma once

#include <opencv2/core/mat.hpp>

#include <string>

namespace banquise::scene::synthetic {

// The truth of a synthetic scene on its analysis grid at the reference time,
// read back from its truth/ folder: what models and benchmarks score against.
struct SyntheticTruth {
    cv::Mat1b surface;   // SurfaceClass codes (IceTruth.h)
    cv::Mat1f freeboard; // metres
    cv::Mat1f sigma0Hh;  // speckle-free HH sigma0, linear (empty in scenes written before it existed)
    cv::Mat1f roughness; // floe roughness 0..1 (empty when the scene has none): uniform sigma0 per value, NaN where the cell mixes
    cv::Mat1b leadWidth; // LeadWidthCode (CellTruth.h); empty in scenes written before the truth was drawn finer than the SAR
};

// Throws SceneError naming the file when a truth raster is missing or unreadable.
SyntheticTruth readSyntheticTruth(const std::string& sceneFolder);

// Band `band` (1-based) of a raster as float; throws SceneError naming the file.
cv::Mat1f readFloatRaster(const std::string& path, int band = 1);

} // namespace banquise::scene::synthetic
