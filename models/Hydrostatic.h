#pragma once

namespace banquise::models {

// Densities (kg/m^3) and snow of the freeboard-to-thickness conversion, with
// their one-sigma uncertainties. Defaults: sea water 1024; first-year ice 917
// and snow 320 as in the CryoSat-2 processing of Laxon et al. (2013); snow
// depth 0.20 +/- 0.08 m, the late-winter Beaufort Sea value of the Warren et
// al. (1999) climatology halved for first-year ice.
struct HydrostaticParameters {
    double waterDensity = 1024.0;
    double iceDensity = 917.0;
    double iceDensitySigma = 35.0; // covers first-year (917) to multiyear (882) ice
    double snowDensity = 320.0;
    double snowDensitySigma = 20.0;
    double snowDepth = 0.20;
    double snowDepthSigma = 0.08;
};

struct Thickness {
    double value = 0.0; // metres
    double sigma = 0.0; // metres, first-order propagation of every input's sigma
};

// Ice thickness from ice freeboard f (snow surface above the ice excluded)
// in hydrostatic equilibrium: h = (rho_w f + rho_s s) / (rho_w - rho_i).
// `snowCovered` false (leads) sets the snow load to zero.
Thickness thicknessFromFreeboard(double freeboard, double freeboardSigma, bool snowCovered, const HydrostaticParameters& p = {});

} // namespace banquise::models
