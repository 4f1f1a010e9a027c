#pragma once

#include <opencv2/core/mat.hpp>

#include <random>

namespace banquise::scene::synthetic {

struct WorldParameters;

// Surface classes of the truth (codes written to the truth GeoTIFF).
enum SurfaceClass : unsigned char { kOpenWater = 0, kRefrozenLead = 1, kFloe = 2, kRidge = 3 };
constexpr int kSurfaceClassCount = 4;

// How a surface looks to a C-band SAR beyond its class: the traps that make
// "dark = lead" wrong.
enum Appearance : unsigned char {
    kPlain = 0,
    kWindRoughened = 1, // open water roughened by the wind: bright, not dark
    kFrostFlowers = 2,  // frost flowers on young refrozen ice: bright
};

// The ice at the reference (SAR) time on the truth grid, drawn finer than
// any sensor.
struct IceTruth {
    cv::Mat1b surface;    // SurfaceClass
    cv::Mat1f freeboard;  // metres above the local sea surface
    cv::Mat1f roughness;  // 0..1, drives SAR backscatter
    cv::Mat1b appearance; // Appearance
    cv::Mat1i floeId;     // the floe (piece of the fracture network) each pixel belongs to, leads drawn over it
};

// Floes are the pieces of a network of closed fractures at successively
// finer scales (each level twice as many, 1.6 times shorter, down to the
// world's finest floe size), so that floe sizes follow a power law; each
// floe is first-year or multiyear ice, with its own freeboard and
// roughness, and deformed zones across floes raise both. Leads are drawn on top until
// they cover the world's lead area fraction: gently curving cracks whose
// widths follow the truncated power law p(w) ~ w^-a (per unit lead length,
// as lead-width distributions are measured), each open or refrozen, some
// wind-roughened or frost-flowered. Pressure ridges lie on floes.
// Deterministic for a given generator state.
IceTruth makeIceTruth(int sizePixels, double pixelSize, const WorldParameters& world, std::mt19937& rng);

// The inverse distribution function of the power law p(w) ~ w^-a
// truncated to [low, high], at u in [0, 1).
double truncatedPowerLawQuantile(double exponent, double low, double high, double u);

} // namespace banquise::scene::synthetic
