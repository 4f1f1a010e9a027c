#pragma once

#include "scene/synthetic/SynthOptions.h"

#include <string>
#include <vector>

namespace banquise::scene::synthetic {

// What was written, relative to the output folder.
// An altimeter's pass on a later date of a time series.
struct LaterPass {
    std::string profile; // SynthOptions::altimeters entry
    std::string file;
    double time = 0.0;   // UTC seconds, the pass's start
};

struct SynthProducts {
    std::string sar;       // first Sentinel-1 SAFE (reference time)
    std::string sarSecond; // second SAFE, the ice drifted
    std::vector<std::string> sarLater; // SAFEs of the dates after the second (SynthOptions::sarDates), in order
    std::string sarComplex; // single-look complex crop (SLC SAFE) at the reference time
    std::string sentinel2; // RGB VRT over the band GeoTIFFs
    std::string amsr2;
    std::vector<std::string> altimeters; // one netCDF per SynthOptions::altimeters entry, same order
    std::vector<LaterPass> laterAltimeters; // in a time series: every altimeter again on each later SAR date
    std::string swot;
    std::string buoys; // IABP table of the simulated buoys (empty without buoys)
    std::vector<std::string> truth;
};

// Generates one Arctic scene seen by every sensor, in the real products'
// layouts, with its ground truth and a provenance file recording every
// parameter, plus a Banquise scene.json over the rasters GDAL reads today.
// Written beside the target and renamed into place: a failure (bad
// options, full disk) leaves nothing half-written. Same options, same bytes.
SynthProducts writeSyntheticScene(const SynthOptions& options, const std::string& folder);

} // namespace banquise::scene::synthetic
