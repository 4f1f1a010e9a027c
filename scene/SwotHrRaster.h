#pragma once

#include <string>

class GDALDataset;

namespace banquise::scene {

// Whether a netCDF file is a SWOT L2_HR_Raster granule (its height and
// quality variables, assets/products/swot_l2_hr_raster.json); and its time
// (UTC seconds, 0 when the granule does not say) and layer name.
struct SwotHrRasterInfo {
    bool recognised = false;
    double time = 0.0;
    std::string layerName;
    std::string units;
};
SwotHrRasterInfo describeSwotHrRaster(const std::string& file);

// The granule's water surface elevation on its own UTM grid (GDAL's netCDF
// driver reads the grid and its CRS), pixels whose quality flag is worse
// than the profile keeps set to no data (NaN), as an in-memory Float32
// dataset the caller closes with GDALClose. Throws SceneError naming the file
// and the reason (missing variable, no georeferencing, every pixel flagged).
GDALDataset* openSwotHrRaster(const std::string& file);

} // namespace banquise::scene
