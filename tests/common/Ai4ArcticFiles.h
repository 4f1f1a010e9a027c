#pragma once

// AI4Arctic challenge scenes in the dataset's netCDF layouts (raw and
// ready-to-train), small, written through GDAL's netCDF driver. The SAR
// image is north-up in EPSG:3413 (40 m pixels from `x0`, `y0`) so that
// each pixel's true place is known; the geolocation grid is computed from it.
#include "common/CoordinateTransform.h"
#include "common/NetCdfWriting.h"

#include <gdal_priv.h>

#include <cmath>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace banquise::tests {

struct Ai4ArcticSpec {
    int width = 200; // SAR samples
    int height = 160;
    double x0 = -500000.0;
    double y0 = 200000.0;
    double pixel = 40.0;
    int gridPoints = 11;      // geolocation grid: gridPoints x gridPoints
    int amsrWidth = 20;       // the 2 km AMSR-2 grid's size (scaled to the scene here)
    int amsrHeight = 16;
    // Stored values at (column, row) of their own grid.
    std::function<float(int, int)> primaryDb;
    std::function<float(int, int)> secondaryDb;
    std::function<float(int, int)> chartId;   // raw: polygon id (NaN: no chart)
    std::vector<std::string> polygonCodes;    // raw: header then rows
    std::function<float(int, int)> btemp187h; // on the AMSR-2 grid
};

// Longitude and latitude of a point of the SAR image (pixel units from the top-left corner).
inline void ai4ArcticLonLat(const Ai4ArcticSpec& s, double pixelX, double pixelY, double& lon, double& lat)
{
    const auto t = transformBetween(3413, 4326);
    lon = s.x0 + s.pixel * pixelX;
    lat = s.y0 - s.pixel * pixelY;
    t->Transform(1, &lon, &lat);
}

inline std::vector<double> sampled(int width, int height, const std::function<float(int, int)>& f)
{
    std::vector<double> v(static_cast<std::size_t>(width) * height);
    for (int r = 0; r < height; ++r)
        for (int c = 0; c < width; ++c)
            v[static_cast<std::size_t>(r) * width + c] = f(c, r);
    return v;
}

// readyToTrain: the RTT layout (2-D geolocation grid, SIC classes, fill 255);
// else the raw one (1-D sar_grid_* points, polygon ids and codes).
inline void writeAi4ArcticScene(const std::string& path, const Ai4ArcticSpec& s, bool readyToTrain)
{
    const auto ds = createNetCdf4(path);
    auto root = ds->GetRootGroup();
    auto lines = root->CreateDimension("sar_lines", "", "", s.height);
    auto samples = root->CreateDimension("sar_samples", "", "", s.width);
    writeVariable(root, "nersc_sar_primary", {lines, samples}, sampled(s.width, s.height, s.primaryDb), GDT_Float32);
    writeVariable(root, "nersc_sar_secondary", {lines, samples}, sampled(s.width, s.height, s.secondaryDb), GDT_Float32);
    const int n = s.gridPoints;
    std::vector<double> line, sample, lat, lon;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const double l = std::round(i * (s.height - 1.0) / (n - 1.0));
            const double p = std::round(j * (s.width - 1.0) / (n - 1.0));
            double lo = 0.0, la = 0.0;
            // Raw grids name pixel indices; RTT points sit evenly (not rounded).
            const double pl = readyToTrain ? i * (s.height - 1.0) / (n - 1.0) : l;
            const double pp = readyToTrain ? j * (s.width - 1.0) / (n - 1.0) : p;
            ai4ArcticLonLat(s, pp + 0.5, pl + 0.5, lo, la);
            line.push_back(l);
            sample.push_back(p);
            lat.push_back(la);
            lon.push_back(lo);
        }
    if (readyToTrain) {
        auto a = root->CreateDimension("sar_grid2d_lines", "", "", n);
        auto b = root->CreateDimension("sar_grid2d_samples", "", "", n);
        writeVariable(root, "sar_grid2d_latitude", {a, b}, lat, GDT_Float64);
        writeVariable(root, "sar_grid2d_longitude", {a, b}, lon, GDT_Float64);
        // SIC in tenths: 10 on the left half, 6 on the right, fill 255 in the top-left corner.
        writeVariable(root, "SIC", {lines, samples},
                    sampled(s.width, s.height, [&](int c, int r) { return c < 10 && r < 10 ? 255.0f : c < s.width / 2 ? 10.0f : 6.0f; }),
                    GDT_Byte);
    } else {
        auto points = root->CreateDimension("sar_grid_points", "", "", static_cast<GUInt64>(n) * n);
        writeVariable(root, "sar_grid_line", {points}, line, GDT_Float64);
        writeVariable(root, "sar_grid_sample", {points}, sample, GDT_Float64);
        writeVariable(root, "sar_grid_latitude", {points}, lat, GDT_Float64);
        writeVariable(root, "sar_grid_longitude", {points}, lon, GDT_Float64);
        writeVariable(root, "polygon_icechart", {lines, samples}, sampled(s.width, s.height, s.chartId), GDT_Float64);
        auto codeRows = root->CreateDimension("polygon_rows", "", "", s.polygonCodes.size());
        auto codes = root->CreateMDArray("polygon_codes", {codeRows}, GDALExtendedDataType::CreateString());
        std::vector<const char*> text;
        for (const auto& row : s.polygonCodes)
            text.push_back(row.c_str());
        const GUInt64 start = 0;
        const size_t count = text.size();
        if (!codes || !codes->Write(&start, &count, nullptr, nullptr, GDALExtendedDataType::CreateString(), text.data()))
            throw std::runtime_error("cannot write polygon_codes");
    }
    auto amsrLines = root->CreateDimension("amsr2_lines", "", "", s.amsrHeight);
    auto amsrSamples = root->CreateDimension("amsr2_samples", "", "", s.amsrWidth);
    writeVariable(root, "btemp_18_7h", {amsrLines, amsrSamples}, sampled(s.amsrWidth, s.amsrHeight, s.btemp187h), GDT_Float64);
}

} // namespace banquise::tests
