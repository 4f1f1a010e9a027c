#pragma once

#include <string>
#include <vector>

namespace banquise::scene::synthetic {

// The sea-ice world a synthetic scene is drawn from, independent of the
// sensors that see it. Regimes are parameter files in assets/regimes/ (their
// sources are written in them); a user's file has the same keys, all required.
struct WorldParameters {
    std::string name;              // regime name or parameter file
    double leadAreaFraction = 0.0; // share of the scene's area in leads (open or refrozen)
    double leadWidthExponent = 0.0; // a in p(w) ~ w^-a, per unit lead length
    double leadMinWidthM = 0.0;
    double leadMaxWidthM = 0.0;
    double openLeadShare = 0.0;      // of leads, the rest refrozen (nilas, young ice)
    double windRoughenedShare = 0.0; // of open leads: bright, not dark
    double frostFlowerShare = 0.0;   // of refrozen leads: bright young ice
    double floeMinSizeM = 0.0;       // finest fracture of the floe network
    double floeFreeboardM = 0.0;     // median freeboard of first-year level ice
    double multiyearShare = 0.0;     // of floes, multiyear ice: brighter and higher
    double multiyearFreeboardM = 0.0; // median freeboard of multiyear level ice
    double deformedShare = 0.0;      // of the ice area, deformed zones: brighter and 1.5 x higher
    bool hvScalloping = false;       // HV noise floor shaped by sub-swaths and bursts
    bool incidenceFalloff = false;   // sigma0 falls with incidence angle
};

// Reads a parameter file; throws SceneError naming the file and the missing,
// unknown or out-of-range key.
WorldParameters loadWorldParameters(const std::string& path);
// Writes a parameter file that loadWorldParameters reads back as `world`;
// throws SceneError naming the file when it cannot.
void saveWorldParameters(const WorldParameters& world, const std::string& path);
// A regime of assets/regimes/ by name; throws SceneError listing the known ones.
WorldParameters regimeParameters(const std::string& regime);
std::vector<std::string> regimeNames();

} // namespace banquise::scene::synthetic
