#include "scene/synthetic/SarSimulator.h"

#include <cmath>

namespace banquise::scene::synthetic {

std::vector<double> ewIncidenceAngles(int columns, double pixelSize)
{
    constexpr double kNear = 19.0;
    constexpr double kFar = 47.0;
    constexpr double kSwathMetres = 400000.0;
    const double sceneMetres = columns * pixelSize;
    const double offset = 0.5 * std::max(0.0, kSwathMetres - sceneMetres);
    std::vector<double> angles(columns);
    for (int c = 0; c < columns; ++c)
        angles[c] = kNear + (kFar - kNear) * std::min(1.0, (offset + (c + 0.5) * pixelSize) / kSwathMetres);
    return angles;
}

cv::Mat1f meanSigma0(const IceTruth& truth, const std::vector<double>& incidence, Polarisation polarisation)
{
    // dB at 30 deg and slope in dB per degree, by class: calm open water is
    // dark and falls steeply; young refrozen ice is dark; floes brighten
    // with roughness; ridges are bright. HV sits 8-14 dB below HH.
    struct Model {
        double at30;
        double slope;
    };
    const bool hh = polarisation == Polarisation::HH;
    const Model water{hh ? -21.0 : -33.0, -0.45};
    const Model refrozen{hh ? -20.0 : -30.0, -0.20};
    const Model ridge{hh ? -7.0 : -17.0, -0.10};
    const int rows = truth.surface.rows;
    const int cols = truth.surface.cols;
    cv::Mat1f sigma0(rows, cols);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const double dTheta = incidence[c] - 30.0;
            double db = 0.0;
            switch (truth.surface(r, c)) {
            case kOpenWater: db = water.at30 + water.slope * dTheta; break;
            case kRefrozenLead: db = refrozen.at30 + refrozen.slope * dTheta; break;
            case kRidge: db = ridge.at30 + ridge.slope * dTheta; break;
            default: db = (hh ? -17.0 : -26.0) + 8.0 * truth.roughness(r, c) - 0.22 * dTheta;
            }
            sigma0(r, c) = static_cast<float>(std::pow(10.0, db / 10.0));
        }
    return sigma0;
}

void applySpeckle(cv::Mat1f& sigma0, double looks, double noiseFloorLinear, std::mt19937& rng)
{
    std::gamma_distribution<float> speckle(static_cast<float>(looks), static_cast<float>(1.0 / looks));
    for (float& v : sigma0)
        v = static_cast<float>((v + noiseFloorLinear) * speckle(rng));
}

} // namespace banquise::scene::synthetic
