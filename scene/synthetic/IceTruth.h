#pragma once

#include <opencv2/core/mat.hpp>

#include <random>

namespace banquise::scene::synthetic {

// Surface classes of the truth (codes written to the truth GeoTIFF).
enum SurfaceClass : unsigned char { kOpenWater = 0, kRefrozenLead = 1, kFloe = 2, kRidge = 3 };

// The ice at the reference (SAR) time on the analysis grid.
struct IceTruth {
    cv::Mat1b surface;   // SurfaceClass
    cv::Mat1f freeboard; // metres above the local sea surface
    cv::Mat1f roughness; // 0..1, drives SAR backscatter
};

// Fragmentation model: cracks at successively finer scales (each level more
// numerous, shorter and narrower: ~1 km down to one pixel) split the pack;
// the pieces are floes, whose sizes then follow a power law as in observed
// floe size distributions. Each crack is an open or a refrozen lead; short
// pressure ridges lie on floes. Deterministic for a given generator state.
IceTruth makeIceTruth(int sizePixels, double pixelSize, std::mt19937& rng);

} // namespace banquise::scene::synthetic
