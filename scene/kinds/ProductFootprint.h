#pragma once

#include "scene/GdalDataset.h"
#include "scene/ProductCatalog.h"

#include <filesystem>
#include <string>
#include <vector>

class GDALDataset;

// What the product kinds share when they describe a file: where it lies, its
// shape, its time.
namespace banquise::scene {

void addLonLat(std::vector<LonLat>& footprint, double lon, double lat);

// The GCPs' positions in longitude and latitude.
void gcpFootprint(GDALDataset& ds, std::vector<LonLat>& footprint);

// A 5 x 5 lattice of a georeferenced raster's extent in longitude and latitude.
void rasterFootprint(GDALDataset& ds, std::vector<LonLat>& footprint);

// "EPSG:32634, 10980 x 10980"
std::string rasterShape(GDALDataset& ds);

// A raster that says where it lies (geotransform and CRS, or GCPs): sets the
// product's path and footprint and its shape ("EPSG:32634, 10980 x 10980" or
// "12 GCPs, 800 x 600"). Null, with the reason, otherwise.
DatasetPtr openPlacedRaster(const std::filesystem::path& file, DetectedProduct& product, std::string& shape, std::string& reason);

// An ISO-8601 time from product metadata ("Z" optional); 0 when absent or unreadable.
double metadataTime(const char* text);

} // namespace banquise::scene
