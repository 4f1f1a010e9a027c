#include "scene/synthetic/SarSimulator.h"

#include "scene/synthetic/SensorMode.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace banquise::scene::synthetic {

namespace {
constexpr double kFwhmToSigma = 1.0 / 2.354820045;

// dB at 30 degrees and slope in dB per degree of incidence.
struct Backscatter {
    double at30;
    double slope;
};

// C-band backscatter by surface: calm open water is dark and falls
// steeply; wind-roughened water is brighter than most ice at mid incidence
// in HH but stays dark in HV; young refrozen ice is dark unless frost
// flowers cover it; floes brighten with roughness; ridges are bright. HV
// sits 8-14 dB below HH.
Backscatter backscatter(unsigned char surface, unsigned char appearance, float roughness, bool hh)
{
    switch (surface) {
    case kOpenWater:
        return appearance == kWindRoughened ? Backscatter{hh ? -8.0 : -27.0, -0.40} : Backscatter{hh ? -21.0 : -33.0, -0.45};
    case kRefrozenLead:
        return appearance == kFrostFlowers ? Backscatter{hh ? -9.0 : -20.0, -0.15} : Backscatter{hh ? -20.0 : -30.0, -0.20};
    case kRidge: return {hh ? -7.0 : -17.0, -0.10};
    default: return {(hh ? -17.0 : -26.0) + 8.0 * roughness, -0.22};
    }
}
} // namespace

std::vector<double> incidenceAngles(const SensorMode& mode, int columns, double pixelSize)
{
    const double sceneMetres = columns * pixelSize;
    const double offset = 0.5 * std::max(0.0, mode.swathWidthM - sceneMetres);
    std::vector<double> angles(columns);
    for (int c = 0; c < columns; ++c)
        angles[c] = mode.nearIncidenceDeg
            + (mode.farIncidenceDeg - mode.nearIncidenceDeg) * std::min(1.0, (offset + (c + 0.5) * pixelSize) / mode.swathWidthM);
    return angles;
}

cv::Mat1f meanSigma0(const IceTruth& truth, const std::vector<double>& incidence, Polarisation polarisation, bool falloff)
{
    const bool hh = polarisation == Polarisation::HH;
    const int rows = truth.surface.rows;
    const int cols = truth.surface.cols;
    cv::Mat1f decibels(rows, cols);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const Backscatter b = backscatter(truth.surface(r, c), truth.appearance(r, c), truth.roughness(r, c), hh);
            decibels(r, c) = static_cast<float>(b.at30 + (falloff ? b.slope * (incidence[c] - 30.0) : 0.0));
        }
    cv::Mat1f sigma0;
    cv::exp(decibels * (std::log(10.0) / 10.0), sigma0); // vectorised: 10^(dB/10)
    return sigma0;
}

cv::Mat1f senseSigma0(const cv::Mat1f& truthSigma0, double truthPixelSize, int factor, const SensorMode& mode)
{
    // The pixel's own mean is a box of one pixel (variance p^2/12); the
    // Gaussian supplies the rest of the cell's width.
    const double pixel = truthPixelSize * factor;
    auto sigmaPixels = [&](double fwhm) {
        const double variance = std::pow(fwhm * kFwhmToSigma, 2) - pixel * pixel / 12.0;
        return std::sqrt(std::max(variance, 0.0)) / truthPixelSize;
    };
    cv::Mat1f blurred;
    const double sx = sigmaPixels(mode.rangeResolutionM);
    const double sy = sigmaPixels(mode.azimuthResolutionM);
    if (sx > 0.05 || sy > 0.05)
        cv::GaussianBlur(truthSigma0, blurred, cv::Size(), std::max(sx, 0.05), std::max(sy, 0.05), cv::BORDER_REFLECT);
    else
        blurred = truthSigma0;
    if (factor == 1)
        return blurred;
    cv::Mat1f image;
    cv::resize(blurred, image, cv::Size(truthSigma0.cols / factor, truthSigma0.rows / factor), 0, 0, cv::INTER_AREA);
    return image;
}

cv::Mat1f noiseFloor(int rows, int columns, double pixelSize, const SensorMode& mode, double floorDb, bool scalloping)
{
    cv::Mat1f floor(rows, columns);
    if (!scalloping) {
        floor.setTo(std::pow(10.0, floorDb / 10.0));
        return floor;
    }
    // Each sub-swath's elevation antenna pattern leaves the noise floor
    // highest at its edges; its bursts modulate it along track (scalloping),
    // out of phase from one sub-swath to the next; the sub-swaths' gains differ.
    static const double kSubSwathOffsetDb[] = {0.0, 1.2, -0.6, 0.8, -0.3};
    const double offset = 0.5 * std::max(0.0, mode.swathWidthM - columns * pixelSize);
    const double subSwathWidth = mode.swathWidthM / mode.subSwaths;
    for (int c = 0; c < columns; ++c) {
        const double across = std::min(offset + (c + 0.5) * pixelSize, mode.swathWidthM - 1.0) / subSwathWidth;
        const int subSwath = static_cast<int>(across);
        const double u = across - subSwath;
        const double rangeDb = floorDb + kSubSwathOffsetDb[subSwath % 5] + 3.0 * (2.0 * u - 1.0) * (2.0 * u - 1.0) - 1.0;
        for (int r = 0; r < rows; ++r) {
            const double phase = 2.0 * M_PI * (r * pixelSize / mode.burstLengthM + 0.37 * subSwath);
            floor(r, c) = static_cast<float>(std::pow(10.0, (rangeDb + 0.8 * std::cos(phase)) / 10.0));
        }
    }
    return floor;
}

void applySpeckle(cv::Mat1f& sigma0, double looks, const cv::Mat1f& noiseFloorLinear, std::mt19937& rng)
{
    std::gamma_distribution<float> speckle(static_cast<float>(looks), static_cast<float>(1.0 / looks));
    for (int r = 0; r < sigma0.rows; ++r)
        for (int c = 0; c < sigma0.cols; ++c) {
            const float floor = noiseFloorLinear.empty() ? 0.0f : noiseFloorLinear(r, c);
            sigma0(r, c) = (sigma0(r, c) + floor) * speckle(rng);
        }
}

} // namespace banquise::scene::synthetic
