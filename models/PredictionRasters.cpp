#include "models/PredictionRasters.h"

#include "models/SeaIceClasses.h"
#include "models/SeaIceModel.h"
#include "scene/AnalysisGrid.h"
#include "scene/GdalSession.h"
#include "scene/GeoTiffFile.h"
#include "scene/SceneError.h"

#include <gdal_priv.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <stdexcept>

namespace banquise::models {

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

struct PredictionRasterWriter::File {
    std::string path;
    GDALDataset* dataset = nullptr;
    std::function<cv::Mat(const Prediction&, const ThicknessMap&)> plane;
};

PredictionRasterWriter::PredictionRasterWriter(const scene::AnalysisGrid& grid, double time, const std::string& folder, bool elevation,
                                               const HydrostaticParameters& parameters)
    : m_height(grid.height()), m_parameters(parameters)
{
    namespace fs = std::filesystem;
    fs::create_directories(folder);
    auto add = [&](const char* name, GDALDataType type, const char* description, auto plane) {
        File file{(fs::path(folder) / name).string(), nullptr, plane};
        file.dataset = scene::createGeoTiff(file.path, grid, 1, type, time);
        m_files.push_back(file);
        GDALRasterBand* band = file.dataset->GetRasterBand(1);
        if (type == GDT_Byte) {
            band->SetNoDataValue(kNoClass);
            band->SetDescription(description);
        } else {
            band->SetNoDataValue(std::nan(""));
            file.dataset->SetMetadataItem("DESCRIPTION", description);
        }
        int blockColumns = 0;
        band->GetBlockSize(&blockColumns, &m_blockRows);
    };
    try {
        add("class.tif", GDT_Byte, "class: 0 floe, 1 open lead, 2 refrozen lead",
            [](const Prediction& p, const ThicknessMap&) -> cv::Mat { return p.classes; });
        add("probability.tif", GDT_Float32, "probability of the predicted class",
            [](const Prediction& p, const ThicknessMap&) -> cv::Mat { return p.probability; });
        add("entropy.tif", GDT_Float32, "predictive class entropy (nats), MC dropout",
            [](const Prediction& p, const ThicknessMap&) -> cv::Mat { return p.entropy; });
        add("despeckled_hh_db.tif", GDT_Float32, "despeckled sigma0 HH (dB)",
            [](const Prediction& p, const ThicknessMap&) -> cv::Mat { return p.despeckledDb; });
        if (elevation) {
            add("freeboard.tif", GDT_Float32, "freeboard (m)", [](const Prediction& p, const ThicknessMap&) -> cv::Mat { return p.elevation; });
            add("freeboard_std.tif", GDT_Float32, "freeboard standard deviation (m), MC dropout",
                [](const Prediction& p, const ThicknessMap&) -> cv::Mat { return p.elevationStd; });
            add("thickness.tif", GDT_Float32, "sea-ice thickness (m), hydrostatic equilibrium",
                [](const Prediction&, const ThicknessMap& t) -> cv::Mat { return t.thickness; });
            add("thickness_std.tif", GDT_Float32, "sea-ice thickness standard deviation (m)",
                [](const Prediction&, const ThicknessMap& t) -> cv::Mat { return t.sigma; });
        }
    } catch (...) {
        close();
        throw;
    }
}

PredictionRasterWriter::~PredictionRasterWriter()
{
    close();
}

void PredictionRasterWriter::close()
{
    for (File& file : m_files)
        if (file.dataset) {
            GDALClose(file.dataset);
            file.dataset = nullptr;
        }
}

void PredictionRasterWriter::write(int firstRow, const Prediction& rows)
{
    m_held.push(firstRow, rows);
    // Whole rows of blocks only, so that no block is written twice.
    const int end = m_held.endRow();
    const int ready = (end == m_height ? end : end / m_blockRows * m_blockRows) - m_held.firstRow();
    if (ready > 0) {
        const int first = m_held.firstRow();
        writeBlocks(m_held.pop(ready), first);
    }
}

void PredictionRasterWriter::writeBlocks(const Prediction& rows, int firstRow)
{
    const ThicknessMap thickness = rows.hasElevation() ? thicknessMap(rows, m_parameters) : ThicknessMap{};
    for (File& file : m_files) {
        const cv::Mat plane = file.plane(rows, thickness);
        GDALRasterBand* band = file.dataset->GetRasterBand(1);
        const GDALDataType type = plane.depth() == CV_8U ? GDT_Byte : GDT_Float32;
        if (band->RasterIO(GF_Write, 0, firstRow, plane.cols, plane.rows, const_cast<uchar*>(plane.ptr()), plane.cols, plane.rows, type,
                           static_cast<GSpacing>(plane.elemSize()), static_cast<GSpacing>(plane.step[0]))
            != CE_None)
            throw scene::SceneError(file.path, std::string("cannot write raster data (") + scene::GdalSession::lastError() + ")");
        file.dataset->FlushCache(); // the written blocks leave GDAL's cache
    }
}

std::vector<std::string> PredictionRasterWriter::finish()
{
    if (m_held.endRow() != m_height)
        throw std::logic_error("prediction rows missing before the grid's last row");
    std::vector<std::string> paths;
    for (File& file : m_files) {
        scene::GdalSession::lastError(); // forget earlier errors
        GDALClose(file.dataset);
        file.dataset = nullptr;
        if (const std::string error = scene::GdalSession::lastError(); !error.empty())
            throw scene::SceneError(file.path, "cannot complete the file (" + error + ")");
        paths.push_back(file.path);
    }
    return paths;
}

std::vector<std::string> writePredictionRasters(const Prediction& prediction, const scene::AnalysisGrid& grid, double time,
                                                const std::string& folder, const HydrostaticParameters& parameters)
{
    PredictionRasterWriter writer(grid, time, folder, prediction.hasElevation(), parameters);
    writer.write(0, prediction);
    return writer.finish();
}

} // namespace banquise::models
