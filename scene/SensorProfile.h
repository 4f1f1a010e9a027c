#pragma once

#include <string>

namespace banquise::scene {

// A netCDF variable as a product stores it: name, storage type ("int16",
// "int32", "float32", "float64") and the scale that turns storage into
// physical units.
struct VariableSpec {
    std::string name;
    std::string type;
    double scale = 1.0;
    std::string units;
};

// How one nadir-altimeter product lays out its along-track records
// (assets/sensors/<name>.json).
struct AltimeterProfile {
    std::string sensor;
    std::string product;
    std::string dimension;
    VariableSpec time;
    double timeEpoch = 0.0;   // UTC seconds of the time variable's zero
    double taiMinusUtc = 0.0; // seconds; TAI-stamped products (CryoSat-2) are ahead of UTC
    VariableSpec latitude;
    VariableSpec longitude;
    VariableSpec value;
    VariableSpec surfaceType;
    int oceanCode = 0;
    int floeCode = 0;
    int leadCode = 0;
    // True when the codes are bits of a flag mask (CryoSat-2 sets several
    // flags in one value), false when they are plain class values.
    bool surfaceCodesAreBits = false;
    std::string flagMeanings;
    // Optional quality flag: records with any of rejectBits set are left out.
    std::string qualityVariable;
    int qualityRejectBits = 0;
    double footprintAlongM = 0.0;
    double footprintAcrossM = 0.0;
    double recordSpacingM = 0.0;
    double freeboardNoiseM = 0.0;
};

// The folder of Banquise's assets: $BANQUISE_ASSETS_DIR, else the source
// tree's assets/ recorded at build time.
std::string assetsDirectory();

// Loads assets/sensors/<name>.json; throws SceneError naming the file and
// the missing field.
AltimeterProfile loadAltimeterProfile(const std::string& name);

} // namespace banquise::scene
