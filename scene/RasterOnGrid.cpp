#include "scene/RasterOnGrid.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/SceneError.h"

#include <gdal_priv.h>
#include <gdal_utils.h>

#include <cmath>
#include <cstdlib>
#include <memory>

namespace banquise::scene {

namespace {

bool onGridAlready(GDALDataset& source, const AnalysisGrid& grid)
{
    double t[6];
    const OGRSpatialReference* srs = source.GetSpatialRef();
    if (source.GetGeoTransform(t) != CE_None || !srs || t[2] != 0.0 || t[4] != 0.0)
        return false;
    const char* code = srs->GetAuthorityCode(nullptr);
    if (!code || std::atoi(code) != grid.epsg())
        return false;
    const AnalysisGrid own(grid.epsg(), t[0], t[3], t[1], source.GetRasterXSize(), source.GetRasterYSize());
    return -t[5] == t[1] && own.sameGeometry(grid);
}

DatasetPtr warpOntoGrid(GDALDataset* source, const std::string& file, const AnalysisGrid& grid, const std::string& resampling)
{
    const MapExtent e = grid.extent();
    const std::string targetSrs = "EPSG:" + std::to_string(grid.epsg());
    const std::vector<std::string> args = {
        "-of", "MEM", "-ot", "Float32", "-t_srs", targetSrs,
        "-te", std::to_string(e.xMin), std::to_string(e.yMin), std::to_string(e.xMax), std::to_string(e.yMax),
        "-ts", std::to_string(grid.width()), std::to_string(grid.height()),
        "-r", resampling, "-dstnodata", "nan", "-wo", "NUM_THREADS=ALL_CPUS"};
    double transform[6];
    std::vector<std::string> allArgs = args;
    if (source->GetGeoTransform(transform) != CE_None && source->GetGCPCount() > 0)
        allArgs.push_back("-tps"); // SAR geolocation grids: thin-plate spline through the GCPs
    std::vector<char*> argv;
    for (const auto& a : allArgs)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::unique_ptr<GDALWarpAppOptions, decltype(&GDALWarpAppOptionsFree)> options(
        GDALWarpAppOptionsNew(argv.data(), nullptr), GDALWarpAppOptionsFree);
    if (!options)
        throw SceneError(file, withGdalReason("invalid warp options"));
    GDALDatasetH sourceHandle = GDALDataset::ToHandle(source);
    int usageError = 0;
    DatasetPtr warped(GDALDataset::FromHandle(GDALWarp("", nullptr, 1, &sourceHandle, options.get(), &usageError)));
    if (!warped)
        throw SceneError(file, withGdalReason("cannot be warped onto the analysis grid"));
    return warped;
}

} // namespace

std::vector<std::vector<float>> readRasterOnGrid(GDALDataset& sourceDataset, const std::string& file, const AnalysisGrid& grid,
                                                 const std::string& resampling, bool* wasWarped)
{
    GDALDataset* source = &sourceDataset;
    if (source->GetRasterCount() < 1)
        throw SceneError(file, "has no raster band");
    double transform[6];
    if (source->GetGeoTransform(transform) != CE_None && source->GetGCPCount() == 0)
        throw SceneError(file, "has no georeferencing (neither geotransform nor GCPs)");
    if (!source->GetSpatialRef() && !source->GetGCPSpatialRef())
        throw SceneError(file, "has no CRS");

    // Same geometry: read as is; otherwise GDAL's warper resamples onto the grid.
    DatasetPtr warped;
    if (!onGridAlready(*source, grid))
        warped = warpOntoGrid(source, file, grid, resampling);
    if (wasWarped)
        *wasWarped = warped != nullptr;
    GDALDataset* onGrid = warped ? warped.get() : source;

    std::vector<std::vector<float>> bands;
    bool anyFinite = false;
    const std::size_t count = static_cast<std::size_t>(grid.width()) * grid.height();
    for (int b = 1; b <= onGrid->GetRasterCount(); ++b) {
        GDALRasterBand* band = onGrid->GetRasterBand(b);
        int hasNoData = 0;
        const double noData = band->GetNoDataValue(&hasNoData);
        std::vector<float> values(count);
        if (band->RasterIO(GF_Read, 0, 0, grid.width(), grid.height(), values.data(), grid.width(), grid.height(),
                           GDT_Float32, 0, 0) != CE_None)
            throw SceneError(file, withGdalReason("cannot read band " + std::to_string(b)));
        GDALRasterBand* sourceBand = source->GetRasterBand(std::min(b, source->GetRasterCount()));
        int hasScale = 0;
        int hasOffset = 0;
        const double scale = sourceBand->GetScale(&hasScale);
        const double offset = sourceBand->GetOffset(&hasOffset);
        for (float& v : values) {
            if (hasNoData && v == static_cast<float>(noData))
                v = std::nanf("");
            if (hasScale || hasOffset)
                v = static_cast<float>(v * (hasScale ? scale : 1.0) + (hasOffset ? offset : 0.0));
            anyFinite = anyFinite || std::isfinite(v);
            if (!std::isfinite(v))
                v = std::nanf("");
        }
        bands.push_back(std::move(values));
    }
    if (!anyFinite)
        throw SceneError(file, "no valid pixel on the analysis grid (no overlap, or all no-data)");
    return bands;
}

std::vector<std::vector<float>> readRasterOnGrid(const std::string& file, const AnalysisGrid& grid, const std::string& resampling)
{
    GdalSession::ensure();
    DatasetPtr source = openDataset(file);
    if (!source)
        throw SceneError(file, withGdalReason("cannot open as a raster"));
    return readRasterOnGrid(*source, file, grid, resampling);
}

} // namespace banquise::scene
