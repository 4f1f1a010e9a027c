#pragma once

#include <cstddef>
#include <string>

namespace banquise::labeling {

class LabelLayer;
class LabelSession;

// Labels as files other tools read: a byte GeoTIFF on the analysis grid
// (class codes, 255 unlabelled, colour table and class names), or polygons
// in a GeoPackage layer "labels" (class_code, class_name) in the grid's CRS;
// QGIS opens both. Throw scene::SceneError naming the file.
void exportLabelsGeoTiff(const LabelLayer& labels, const std::string& path);
void exportLabelsGeoPackage(const LabelLayer& labels, const std::string& path);

// Adds the labels of a GeoPackage, shapefile (any OGR vector) or GeoTIFF
// mask (any GDAL raster) in any CRS to the session's scene, reprojected to
// its grid, as one undoable import stored in one transaction. Returns the
// number of polygons. Throws scene::SceneError (unreadable file, no class,
// a class Banquise does not know, no overlap) before storing anything, or
// ProjectError when the project refuses them.
std::size_t importLabels(LabelSession& session, const std::string& path);

} // namespace banquise::labeling
