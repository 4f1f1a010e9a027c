#pragma once

#include <opencv2/core/mat.hpp>

#include <memory>

namespace banquise::scene {
class RasterLayer;
class Scene;
} // namespace banquise::scene

namespace banquise::models {

// Band 1 of a sigma0 layer in dB on its grid, NaN where not positive.
cv::Mat1f decibelsOf(const scene::RasterLayer& sigma0);

// The cross-polarised sigma0 acquired with `primary` (within a second), if any.
std::shared_ptr<const scene::RasterLayer> crossPolarisedOf(const scene::Scene& scene, const scene::RasterLayer& primary);

} // namespace banquise::models
