#pragma once

#include "scene/MapTypes.h"

#include <opencv2/core/mat.hpp>

#include <string>
#include <vector>

namespace banquise::scene {
class AnalysisGrid;
}

namespace banquise::scene::synthetic {

// AMSR-2 sea-ice concentration like the Bremen ASI GeoTIFFs: percent as
// UInt8 on a 6.25 km polar-stereographic grid, 255 = no data.
void writeAmsr2Concentration(const std::string& path, const AnalysisGrid& grid, const cv::Mat1b& percent, double time);

// One along-track record of a nadir altimeter.
struct AltimeterRecord {
    double time = 0.0; // UTC seconds
    LonLat lonLat;
    float freeboard = 0.0f;
    float uncertainty = 0.0f;
    int surfaceType = 0; // CryoSat-2 L2 flag: 0 unknown, 1 open ocean, 2 lead, 3 floe
};

// CryoSat-2 L2-like netCDF (GDAL multidimensional netCDF driver): 20 Hz
// dimension time_20_ku with time_20_ku (s since 2000-01-01), lat_poca_20_ku
// and lon_poca_20_ku (int32, scale 1e-6 deg), freeboard_20_ku,
// freeboard_unc_20_ku and flag_surf_type_class_20_ku, global attributes
// with the sensing start.
void writeCryoSat2Track(const std::string& path, const std::vector<AltimeterRecord>& records);

// SWOT KaRIn L2 LR Unsmoothed-like netCDF: groups left and right, each with
// 2-D (num_lines, num_pixels) latitude, longitude, ssh_karin_2 (here the
// sea-ice freeboard height) and ssh_karin_2_qual, and time per line.
struct SwotSide {
    std::vector<double> lineTimes;
    cv::Mat1d latitude;
    cv::Mat1d longitude;
    cv::Mat1f height; // NaN where no data
    cv::Mat1b quality; // 0 good
};
void writeSwotSwath(const std::string& path, const SwotSide& left, const SwotSide& right);

// Truth rasters and drift on the analysis grid (GeoTIFF, Float32/UInt8).
void writeTruthRaster(const std::string& path, const AnalysisGrid& grid, const cv::Mat& values, double time,
                      const std::vector<std::string>& bandNames);

} // namespace banquise::scene::synthetic
