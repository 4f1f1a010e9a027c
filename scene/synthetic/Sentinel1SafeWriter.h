#pragma once

#include <opencv2/core/mat.hpp>

#include <string>
#include <vector>

namespace banquise::scene {
class AnalysisGrid;
}

namespace banquise::scene::synthetic {

// One polarisation channel on the product's image grid: calibrated sigma0
// (linear) for a GRD; for an SLC, the complex amplitude (real, imaginary)
// whose squared modulus is sigma0.
struct SarChannel {
    std::string polarisation; // "HH", "HV"
    cv::Mat1f sigma0;
    cv::Mat2f amplitude;
};

// What the product says about its acquisition.
struct SarAcquisition {
    std::string mission = "S1A";
    double startTime = 0.0; // UTC seconds of the first line
    int absoluteOrbit = 53000;
    bool complex = false;      // SLC (CInt16) rather than GRD (UInt16)
    std::string mode = "EW";   // acquisition mode: EW or IW
    std::string resolution = "M"; // GRD resolution class: M (EW GRDM) or H (IW GRDH)
    std::string swath = "EW";  // GRDs cover the whole swath (EW, IW), SLCs one sub-swath (EW1..EW5, IW1..IW3)
    std::vector<double> incidenceDegrees; // per column
};

// Writes a Sentinel-1 EW GRDM or IW GRDH (or SLC) product folder in the SAFE layout that ESA
// delivers and GDAL's SAFE driver reads: manifest.safe, one annotation
// (geolocation grid of GCPs, image information), calibration (sigma0, beta0,
// gamma LUTs) and noise file per polarisation, and the measurement GeoTIFF
// in UInt16 digital numbers with DN^2 / A^2 = sigma0. Image rows are
// azimuth lines and columns range samples of the grid. Returns the SAFE
// folder path (inside parent).
std::string writeSentinel1Safe(const std::string& parent, const AnalysisGrid& grid, const SarAcquisition& acquisition,
                               const std::vector<SarChannel>& channels);

// The sigma0 calibration constant A of column c: DN = sqrt(sigma0) * A.
double sigmaNoughtLut(int column, int columns);

} // namespace banquise::scene::synthetic
