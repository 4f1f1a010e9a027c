#pragma once

#include <gdal.h> // GDALDataType

#include <string>

class GDALDataset;

namespace banquise::scene {

class AnalysisGrid;

// Creates a tiled, deflate-compressed GeoTIFF on a grid with its CRS,
// geotransform and ACQUISITION_TIME metadata; the caller writes the bands
// and closes it (GDALClose). Throws SceneError naming the file.
GDALDataset* createGeoTiff(const std::string& path, const AnalysisGrid& grid, int bands, GDALDataType type, double time);

} // namespace banquise::scene
