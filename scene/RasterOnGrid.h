#pragma once

#include <cstddef>
#include <string>
#include <vector>

class GDALDataset;
class GDALRasterBand;

namespace banquise::scene {

class AnalysisGrid;

// The bands of a raster on the analysis grid, as float32 physical values
// (scale and offset applied, no-data as NaN): read as is when it is already
// on the grid, else warped with GDAL's warper (thin-plate spline through
// GCPs for SAR geolocation grids) with the given resampling ("bilinear",
// "near", "average", ...; "average" takes the nearest cell when the source's
// pixels are not finer than the grid's). Throws SceneError naming the file and the reason
// (no georeferencing, no CRS, no overlap). Runs on any thread.
std::vector<std::vector<float>> readRasterOnGrid(const std::string& file, const AnalysisGrid& grid, const std::string& resampling);
// `warped` (optional) tells whether the raster had to be warped.
std::vector<std::vector<float>> readRasterOnGrid(GDALDataset& source, const std::string& file, const AnalysisGrid& grid,
                                                 const std::string& resampling, bool* warped = nullptr);

// Whether a dataset has the grid's CRS, origin, pixel size and size (read as is, no warp).
bool isOnGrid(GDALDataset& source, const AnalysisGrid& grid);

// Raw values of a band made physical in place: no-data to NaN (when asked),
// scale and offset applied, infinities to NaN. True when any is finite.
bool makePhysical(GDALRasterBand& band, float* values, std::size_t count, bool noDataToNan);

} // namespace banquise::scene
