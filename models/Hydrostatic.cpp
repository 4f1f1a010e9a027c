#include "models/Hydrostatic.h"

#include <cmath>

namespace banquise::models {

Thickness thicknessFromFreeboard(double freeboard, double freeboardSigma, bool snowCovered, const HydrostaticParameters& p)
{
    const double snow = snowCovered ? p.snowDepth : 0.0;
    const double snowSigma = snowCovered ? p.snowDepthSigma : 0.0;
    const double contrast = p.waterDensity - p.iceDensity;
    const double load = p.waterDensity * freeboard + p.snowDensity * snow;
    Thickness t;
    t.value = load / contrast;
    // Partial derivatives of h with respect to f, s, rho_s and rho_i.
    const double dF = p.waterDensity / contrast;
    const double dSnow = p.snowDensity / contrast;
    const double dSnowDensity = snow / contrast;
    const double dIceDensity = load / (contrast * contrast);
    t.sigma = std::sqrt(std::pow(dF * freeboardSigma, 2) + std::pow(dSnow * snowSigma, 2) + std::pow(dSnowDensity * (snowCovered ? p.snowDensitySigma : 0.0), 2)
                        + std::pow(dIceDensity * p.iceDensitySigma, 2));
    return t;
}

} // namespace banquise::models
