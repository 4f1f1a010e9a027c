#pragma once

#include "scene/synthetic/IceTruth.h"

#include <opencv2/core/mat.hpp>

#include <random>
#include <vector>

namespace banquise::scene::synthetic {

struct SensorMode;

enum class Polarisation { HH, HV };

// Incidence angle (degrees) of each image column of the mode's swath, near
// to far range; a narrower scene sits centred in the swath.
std::vector<double> incidenceAngles(const SensorMode& mode, int columns, double pixelSize);

// Noise-free sigma0 (linear) of the truth at each column's incidence angle:
// backscatter by surface class, appearance and roughness, falling with
// incidence unless `falloff` is off (then every column sees 30 degrees).
cv::Mat1f meanSigma0(const IceTruth& truth, const std::vector<double>& incidence, Polarisation polarisation, bool falloff);

// What the sensor's resolution cell and pixel spacing make of a truth-grid
// sigma0 (linear, `factor` truth pixels to an image pixel): a Gaussian
// impulse response that, with the pixel's own averaging, has the mode's
// range and azimuth resolution (full width at half maximum), then the mean
// over each pixel. Linear in sigma0, so a surface narrower than the cell
// adds its area-weighted share and nothing more.
cv::Mat1f senseSigma0(const cv::Mat1f& truthSigma0, double truthPixelSize, int factor, const SensorMode& mode);

// Thermal noise floor (NESZ, linear) of every image pixel: `floorDb`, shaped
// across range by each sub-swath's antenna pattern and along track by burst
// scalloping when `scalloping` is on, flat otherwise.
cv::Mat1f noiseFloor(int rows, int columns, double pixelSize, const SensorMode& mode, double floorDb, bool scalloping);

// Turns mean sigma0 into measured sigma0, in place: the mean plus the
// thermal noise floor (empty: none), times fully developed speckle,
// Gamma(L, 1/L) for L equivalent looks.
void applySpeckle(cv::Mat1f& sigma0, double looks, const cv::Mat1f& noiseFloorLinear, std::mt19937& rng);

} // namespace banquise::scene::synthetic
