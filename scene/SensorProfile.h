#pragma once

#include <string>
#include <vector>

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
    // Products with several ground tracks (ICESat-2's six beams): each
    // beam's group (full path), its variables named relative to it. Empty:
    // one track whose variables sit at the root.
    std::vector<std::string> beams;
    std::vector<std::string> beamGroups;
    VariableSpec time;
    double timeEpoch = 0.0;   // UTC seconds of the time variable's zero
    double taiMinusUtc = 0.0; // seconds; TAI-stamped products (CryoSat-2) are ahead of UTC
    VariableSpec latitude;
    VariableSpec longitude;
    VariableSpec value;
    std::string valueQuantity = "freeboard"; // what the value is (Layer's Quantity names)
    // Heights above a mean sea surface (ICESat-2 ATL07) become freeboard:
    // minus the mean height of the lead records within this along-track
    // window (km); 0 when the value is freeboard already.
    double freeboardFromLeadsKm = 0.0;
    // Optional per-record uncertainty of the value (metres); records without
    // one take freeboardNoiseM.
    VariableSpec uncertainty;
    VariableSpec surfaceType;
    // Surface-type codes of each class (one or several; the first is what a
    // writer of the layout uses).
    std::vector<int> oceanCodes;
    std::vector<int> floeCodes;
    std::vector<int> leadCodes;
    // True when the codes are bits of a flag mask (CryoSat-2 sets several
    // flags in one value), false when they are plain class values.
    bool surfaceCodesAreBits = false;
    std::string flagMeanings;
    // Optional quality flag: records with any of rejectBits set are left out,
    // and, when goodValues are given, those whose flag is none of them.
    std::string qualityVariable;
    int qualityRejectBits = 0;
    std::vector<int> qualityGoodValues;
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

// Full name of a profile variable in a beam's group ("/gt1l/sea_ice_segments/latitude"),
// or the plain name for single-track products.
std::string variablePath(const AltimeterProfile& profile, std::size_t beam, const std::string& variable);

} // namespace banquise::scene
