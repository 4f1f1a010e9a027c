#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace banquise::scene {

class AnalysisGrid;

// A class code and its name, written with class maps so that GIS software
// shows names, not numbers.
struct ClassName {
    int code = 0;
    std::string name;
    std::uint8_t red = 0, green = 0, blue = 0;
};

// One polygon of a class in grid pixel coordinates (column, row). Rings
// (outer boundary, then holes) are chained into one point list, each closed
// and joined back to the first point, so that an even-odd fill of the list
// fills the polygon with its holes.
struct ClassPolygon {
    int code = 0;
    std::vector<std::pair<double, double>> points;
};

// Writes a byte class map on the grid (`noData` where unlabelled) as a
// GeoTIFF with a colour table and category names. Throws SceneError.
void writeClassGeoTiff(const std::string& path, const AnalysisGrid& grid, const std::vector<std::uint8_t>& classes,
                       std::uint8_t noData, const std::vector<ClassName>& names);

// Writes the class map as polygons (GDAL polygonize, 8-connected) in a
// GeoPackage layer "labels" with fields class_code and class_name, in the
// grid's CRS. Throws SceneError.
void writeClassPolygons(const std::string& path, const AnalysisGrid& grid, const std::vector<std::uint8_t>& classes,
                        std::uint8_t noData, const std::vector<ClassName>& names);

// Polygons of equal class (8-connected) of a class raster, in pixel
// coordinates, `noData` left out.
std::vector<ClassPolygon> classPolygons(int width, int height, const std::vector<std::uint8_t>& classes, std::uint8_t noData);

// Reads class polygons from a vector file (GeoPackage, shapefile, any OGR
// format in any CRS: reprojected to the grid) whose features carry a class
// as an integer field class_code (or class), or a name field class_name
// (or class) found in `codesByName`; or from a raster mask of class codes
// (any GDAL raster in any CRS, warped to the grid by nearest neighbour;
// `noData` and its own no-data value skipped), polygonized. Parts outside
// the grid are clipped. Throws SceneError naming the file: no class field,
// no overlap with the grid, unknown class names.
std::vector<ClassPolygon> readClassPolygons(const std::string& path, const AnalysisGrid& grid,
                                            const std::map<std::string, int>& codesByName, std::uint8_t noData);

} // namespace banquise::scene
