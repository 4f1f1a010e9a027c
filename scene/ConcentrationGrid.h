#pragma once

#include <limits>
#include <string>
#include <vector>

class GDALDataset;

namespace banquise::scene {

// A gridded sea-ice concentration product in CF netCDF (OSI SAF OSI-401,
// OSI-408 and OSI-450 on polar stereographic or EASE-2 grids, NSIDC's
// concentration records, ...): any variable whose standard_name is
// sea_ice_area_fraction and which names a grid mapping; and the University
// of Bremen's ASI netCDF (asi-*.nc: GMT grids whose `z` is percent without
// a standard_name, the day in the file name).
struct ConcentrationGridInfo {
    bool recognised = false;
    std::string variable;
    std::string qualityVariable; // the product's status flag, empty when it has none
    bool fraction = false;       // units "1" (0..1), else percent
    double time = 0.0;           // UTC seconds of the first time step, 0 when the file does not say
    std::string source;          // who made it, from the global attributes
    // Raw stored values that are no concentration: declared flags and the valid range.
    std::vector<double> flags;
    double validMin = -std::numeric_limits<double>::infinity();
    double validMax = std::numeric_limits<double>::infinity();
};
// Throws SceneError naming the file when the variable is found but cannot
// be used: no grid mapping, units neither percent nor a fraction.
ConcentrationGridInfo describeConcentrationGrid(const std::string& file);

// The concentration in percent on the product's own grid (GDAL's netCDF
// driver reads the grid and its CRS), fill values, declared flags and raw
// values outside the valid range as no data (NaN), as an in-memory Float32
// dataset the caller closes with GDALClose. Throws SceneError naming the
// file and the reason (not a concentration grid, no georeferencing, no
// valid cell, a concentration above 100 % that is none of those).
GDALDataset* openConcentrationGrid(const std::string& file);
// The product's status flag on the same grid (Float32 codes, fill as NaN).
GDALDataset* openConcentrationQuality(const std::string& file);

} // namespace banquise::scene
