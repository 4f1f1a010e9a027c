#pragma once

// A SWOT L2_HR_Raster granule in the product's netCDF layout (x, y
// coordinates in metres of a UTM zone, the crs grid mapping, wse and
// wse_qual on the y x grid, y increasing northwards as in the product),
// written through GDAL's multidimensional netCDF API.
#include "common/NetCdfWriting.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace banquise::tests {

struct SwotHrRasterSpec {
    int epsg = 32633;
    double xMin = 500000.0; // west edge
    double yMin = 8600000.0; // south edge
    double pixel = 100.0;
    int width = 60;
    int height = 50;
    std::string start = "2024-03-14T09:12:33.000000Z";
    // Elevation and quality flag at a pixel centre's easting and northing.
    std::function<float(double, double)> wse;
    std::function<int(double, double)> quality;
};

inline void writeSwotHrRaster(const std::string& path, const SwotHrRasterSpec& s)
{
    const auto ds = createNetCdf4(path);
    auto root = ds->GetRootGroup();
    const auto text = writeText;
    text(root, "title", "Level 2 KaRIn High Rate Raster Data Product");
    text(root, "time_granule_start", s.start);
    auto y = root->CreateDimension("y", "HORIZONTAL_Y", "", s.height);
    auto x = root->CreateDimension("x", "HORIZONTAL_X", "", s.width);
    const auto write = [&](const char* name, const std::vector<std::shared_ptr<GDALDimension>>& dims, GDALDataType type,
                           const std::vector<double>& values) { return writeVariable(root, name, dims, values, type); };
    std::vector<double> xs(s.width), ys(s.height);
    for (int c = 0; c < s.width; ++c)
        xs[c] = s.xMin + (c + 0.5) * s.pixel;
    for (int r = 0; r < s.height; ++r)
        ys[r] = s.yMin + (r + 0.5) * s.pixel;
    auto xv = write("x", {x}, GDT_Float64, xs);
    text(xv, "standard_name", "projection_x_coordinate");
    text(xv, "units", "m");
    auto yv = write("y", {y}, GDT_Float64, ys);
    text(yv, "standard_name", "projection_y_coordinate");
    text(yv, "units", "m");
    OGRSpatialReference utm;
    utm.importFromEPSG(s.epsg);
    char* wkt = nullptr;
    utm.exportToWkt(&wkt);
    auto crs = root->CreateMDArray("crs", {}, GDALExtendedDataType::Create(GDT_Int32));
    text(crs, "grid_mapping_name", "transverse_mercator");
    text(crs, "crs_wkt", wkt);
    text(crs, "spatial_ref", wkt);
    CPLFree(wkt);
    std::vector<double> wse, quality;
    for (int r = 0; r < s.height; ++r)
        for (int c = 0; c < s.width; ++c) {
            wse.push_back(s.wse(xs[c], ys[r]));
            quality.push_back(s.quality(xs[c], ys[r]));
        }
    auto w = write("wse", {y, x}, GDT_Float32, wse);
    text(w, "units", "m");
    text(w, "grid_mapping", "crs");
    text(w, "coordinates", "y x");
    auto q = write("wse_qual", {y, x}, GDT_Byte, quality);
    text(q, "grid_mapping", "crs");
    text(q, "flag_meanings", "good suspect degraded bad");
}

} // namespace banquise::tests
