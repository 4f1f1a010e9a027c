#pragma once

#include <string>

namespace banquise::scene::synthetic {

// A Sentinel-1 acquisition mode as its Level-1 GRD product sees the ice
// (ESA, Sentinel-1 Product Definition, S1-RS-MDA-52-7440, GRD resolution
// and ENL tables): the pixel spacing, the resolution cell and the looks, the
// swath's incidence range and sub-swaths, and how fine the synthetic truth
// is drawn beneath it.
struct SensorMode {
    std::string name;         // "EW", "IW"
    std::string resolution;   // GRD class: "M" (EW GRDM), "H" (IW GRDH)
    double pixelSpacingM;
    double rangeResolutionM;   // across track (image columns)
    double azimuthResolutionM; // along track (image rows)
    double looks;              // equivalent number of looks
    double swathWidthM;
    double nearIncidenceDeg;
    double farIncidenceDeg;
    int subSwaths;
    double burstLengthM; // along-track length of a TOPS burst: the period of noise scalloping
    double truthPixelM;  // the truth is drawn this fine, a quarter of the pixel spacing
};

// "ew" or "iw" (any case); throws SceneError naming the mode otherwise.
const SensorMode& sensorMode(const std::string& name);

} // namespace banquise::scene::synthetic
