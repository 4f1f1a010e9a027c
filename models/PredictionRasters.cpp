#include "models/PredictionRasters.h"

#include "models/SeaIceClasses.h"
#include "models/SeaIceModel.h"
#include "scene/AnalysisGrid.h"
#include "scene/GeoTiffFile.h"
#include "scene/SceneError.h"

#include <gdal_priv.h>

#include <cmath>
#include <filesystem>

namespace banquise::models {

namespace {

std::vector<float> plane(const cv::Mat1f& m)
{
    return std::vector<float>(m.begin(), m.end());
}

} // namespace

ThicknessMap thicknessMap(const Prediction& prediction, const HydrostaticParameters& parameters)
{
    ThicknessMap map;
    map.thickness = cv::Mat1f(prediction.elevation.size(), std::nanf(""));
    map.sigma = cv::Mat1f(prediction.elevation.size(), std::nanf(""));
    for (int r = 0; r < map.thickness.rows; ++r)
        for (int c = 0; c < map.thickness.cols; ++c) {
            const float f = prediction.elevation(r, c);
            if (!std::isfinite(f))
                continue;
            const std::uint8_t k = prediction.classes(r, c);
            if (k == kOpenLead) {
                map.thickness(r, c) = 0.0f; // open water
                map.sigma(r, c) = 0.0f;
                continue;
            }
            const Thickness t = thicknessFromFreeboard(std::max(0.0f, f), prediction.elevationStd(r, c), k == kFloe, parameters);
            map.thickness(r, c) = static_cast<float>(t.value);
            map.sigma(r, c) = static_cast<float>(t.sigma);
        }
    return map;
}

std::vector<std::string> writePredictionRasters(const Prediction& prediction, const scene::AnalysisGrid& grid, double time,
                                                const std::string& folder, const HydrostaticParameters& parameters)
{
    namespace fs = std::filesystem;
    fs::create_directories(folder);
    std::vector<std::string> written;
    const std::string classPath = (fs::path(folder) / "class.tif").string();
    GDALDataset* classes = scene::createGeoTiff(classPath, grid, 1, GDT_Byte, time);
    GDALRasterBand* band = classes->GetRasterBand(1);
    band->SetNoDataValue(kNoClass);
    band->SetDescription("class: 0 floe, 1 open lead, 2 refrozen lead");
    const CPLErr status = band->RasterIO(GF_Write, 0, 0, grid.width(), grid.height(), const_cast<std::uint8_t*>(prediction.classes.ptr()),
                                         grid.width(), grid.height(), GDT_Byte, 0, 0);
    GDALClose(classes);
    if (status != CE_None)
        throw scene::SceneError(classPath, "cannot write the class raster");
    written.push_back(classPath);

    auto write = [&](const char* name, const cv::Mat1f& values, const char* description) {
        const std::string path = (fs::path(folder) / name).string();
        scene::writeFloatGeoTiff(path, grid, {plane(values)}, time, {{"DESCRIPTION", description}});
        written.push_back(path);
    };
    write("probability.tif", prediction.probability, "probability of the predicted class");
    write("entropy.tif", prediction.entropy, "predictive class entropy (nats), MC dropout");
    write("despeckled_hh_db.tif", prediction.despeckledDb, "despeckled sigma0 HH (dB)");
    if (!prediction.elevation.empty()) {
        write("freeboard.tif", prediction.elevation, "freeboard (m)");
        write("freeboard_std.tif", prediction.elevationStd, "freeboard standard deviation (m), MC dropout");
        const ThicknessMap thickness = thicknessMap(prediction, parameters);
        write("thickness.tif", thickness.thickness, "sea-ice thickness (m), hydrostatic equilibrium");
        write("thickness_std.tif", thickness.sigma, "sea-ice thickness standard deviation (m)");
    }
    return written;
}

} // namespace banquise::models
