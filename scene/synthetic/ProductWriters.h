#pragma once

#include "scene/MapTypes.h"
#include "scene/SensorProfile.h"

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
    double freeboard = 0.0;
    int surfaceType = 0; // the profile's code for ocean, lead or floe
};

// An altimeter pass as netCDF (GDAL's multidimensional netCDF driver) in the
// layout its sensor profile gives: the product's variable names, storage
// types and scales, time epoch (TAI for CryoSat-2), surface-type codes.
void writeAltimeterTrack(const std::string& path, const AltimeterProfile& profile, const std::vector<AltimeterRecord>& records);

// SWOT KaRIn L2 LR Unsmoothed-like netCDF: groups left and right, each with
// 2-D (num_lines, num_pixels) latitude, longitude, cross_track_distance
// (metres, negative left), ssh_karin_2 (here the sea-ice freeboard height)
// and ssh_karin_2_qual, and time per line.
struct SwotSide {
    std::vector<double> lineTimes;
    cv::Mat1d latitude;
    cv::Mat1d longitude;
    cv::Mat1f crossTrackDistance; // metres from nadir, negative on the left
    cv::Mat1f height; // NaN where no data
    cv::Mat1b quality; // 0 good
};
void writeSwotSwath(const std::string& path, const SwotSide& left, const SwotSide& right);

// Truth rasters and drift on the analysis grid (GeoTIFF, Float32/UInt8).
void writeTruthRaster(const std::string& path, const AnalysisGrid& grid, const cv::Mat& values, double time,
                      const std::vector<std::string>& bandNames);

} // namespace banquise::scene::synthetic
