#pragma once

#include <gdal.h> // GDALDataType

#include <string>
#include <utility>
#include <vector>

class GDALDataset;

namespace banquise::scene {

class AnalysisGrid;

// Creates a tiled, deflate-compressed GeoTIFF on a grid with its CRS,
// geotransform and ACQUISITION_TIME metadata; the caller writes the bands
// and closes it (GDALClose). Throws SceneError naming the file.
GDALDataset* createGeoTiff(const std::string& path, const AnalysisGrid& grid, int bands, GDALDataType type, double time);

// Writes float bands (NaN no-data) on a grid as a GeoTIFF, with metadata
// items (name, value) on the dataset. Throws SceneError naming the file.
void writeFloatGeoTiff(const std::string& path, const AnalysisGrid& grid, const std::vector<std::vector<float>>& bands, double time,
                       const std::vector<std::pair<std::string, std::string>>& metadata = {});

} // namespace banquise::scene
