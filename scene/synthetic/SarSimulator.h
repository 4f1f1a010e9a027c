#pragma once

#include "scene/synthetic/IceTruth.h"

#include <opencv2/core/mat.hpp>

#include <random>
#include <vector>

namespace banquise::scene::synthetic {

enum class Polarisation { HH, HV };

// Incidence angle (degrees) of each image column of an EW swath: 19 deg at
// near range to 47 deg at far range over 400 km; a narrower scene sits
// centred in the swath.
std::vector<double> ewIncidenceAngles(int columns, double pixelSize);

// Noise-free sigma0 (linear) of the truth at each column's incidence angle:
// backscatter by surface class and roughness, falling with incidence.
cv::Mat1f meanSigma0(const IceTruth& truth, const std::vector<double>& incidence, Polarisation polarisation);

// Turns mean sigma0 into measured sigma0, in place: the mean plus the
// thermal noise floor (HV), times fully developed speckle, Gamma(L, 1/L)
// for L equivalent looks.
void applySpeckle(cv::Mat1f& sigma0, double looks, double noiseFloorLinear, std::mt19937& rng);

} // namespace banquise::scene::synthetic
