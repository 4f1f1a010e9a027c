#pragma once

#include "scene/TrackLayer.h"

#include <string>
#include <vector>

namespace banquise::scene {

class AnalysisGrid;
struct AltimeterProfile;

// The records of a nadir-altimeter netCDF product laid out as its sensor
// profile says (CryoSat-2 L2, Sentinel-3 SRAL, SARAL/AltiKa), through GDAL's
// multidimensional API: scale and fill honoured, TAI times turned to UTC,
// surface-type codes mapped, positions projected to the grid. Records with
// no position or value, or off the grid, are left out. Throws SceneError
// (file and reason) when a variable is missing or no record is on the grid.
std::vector<TrackRecord> readAltimeterRecords(const std::string& file, const AltimeterProfile& profile, const AnalysisGrid& grid);

} // namespace banquise::scene
