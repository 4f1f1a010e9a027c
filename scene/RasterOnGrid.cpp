#include "scene/RasterOnGrid.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/SceneError.h"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <gdal_utils.h>

#include <cmath>
#include <cstdlib>
#include <memory>

namespace banquise::scene {

bool isOnGrid(GDALDataset& source, const AnalysisGrid& grid)
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

namespace {

// The source's own pixel size in the grid's CRS, as GDAL would choose it
// for a warp there; 0 when GDAL cannot tell.
double sourcePixelOnGrid(GDALDataset* source, const AnalysisGrid& grid, bool thinPlateSpline)
{
    const std::string srs = "DST_SRS=" + grid.crsWkt();
    const char* options[] = {srs.c_str(), thinPlateSpline ? "METHOD=GCP_TPS" : nullptr, nullptr};
    void* transformer = GDALCreateGenImgProjTransformer2(GDALDataset::ToHandle(source), nullptr, const_cast<char**>(options));
    if (!transformer)
        return 0.0;
    double transform[6] = {};
    int pixels = 0, lines = 0;
    const CPLErr error = GDALSuggestedWarpOutput(GDALDataset::ToHandle(source), GDALGenImgProjTransform, transformer, transform, &pixels, &lines);
    GDALDestroyGenImgProjTransformer(transformer);
    return error == CE_None ? std::abs(transform[1]) : 0.0;
}

// Warps the source straight into the caller's band buffers (a MEM dataset
// over them): no copy of the warped image afterwards.
void warpInto(GDALDataset* source, const std::string& file, const AnalysisGrid& grid, const std::string& resampling,
              std::vector<std::vector<float>>& bands)
{
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    DatasetPtr target(memory->Create("", grid.width(), grid.height(), 0, GDT_Float32, nullptr));
    for (auto& band : bands) {
        char pointer[64] = {};
        CPLPrintPointer(pointer, band.data(), sizeof pointer);
        const std::string option = std::string("DATAPOINTER=") + pointer;
        const char* options[] = {option.c_str(), nullptr};
        target->AddBand(GDT_Float32, const_cast<char**>(options));
        target->GetRasterBand(target->GetRasterCount())->SetNoDataValue(std::nan(""));
    }
    double transform[6];
    grid.geoTransform(transform);
    target->SetGeoTransform(transform);
    target->SetProjection(grid.crsWkt().c_str());

    double sourceTransform[6];
    const bool thinPlateSpline = source->GetGeoTransform(sourceTransform) != CE_None && source->GetGCPCount() > 0;
    // Averaging is for pixels finer than the grid's; onto finer cells it
    // would blend neighbouring coarse cells (concentration grids), so the
    // nearest cell is taken there instead.
    const bool upsampling = resampling == "average" && sourcePixelOnGrid(source, grid, thinPlateSpline) >= grid.pixelSize();
    std::vector<std::string> args = {"-r", upsampling ? "near" : resampling, "-dstnodata", "nan", "-wo", "NUM_THREADS=ALL_CPUS"};
    if (thinPlateSpline)
        args.push_back("-tps"); // SAR geolocation grids: thin-plate spline through the GCPs
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::unique_ptr<GDALWarpAppOptions, decltype(&GDALWarpAppOptionsFree)> options(
        GDALWarpAppOptionsNew(argv.data(), nullptr), GDALWarpAppOptionsFree);
    if (!options)
        throw SceneError(file, withGdalReason("invalid warp options"));
    GDALDatasetH sourceHandle = GDALDataset::ToHandle(source);
    int usageError = 0;
    if (!GDALWarp(nullptr, GDALDataset::ToHandle(target.get()), 1, &sourceHandle, options.get(), &usageError))
        throw SceneError(file, withGdalReason("cannot be warped onto the analysis grid"));
}

} // namespace

bool makePhysical(GDALRasterBand& band, float* values, std::size_t count, bool noDataToNan)
{
    int hasNoData = 0;
    const double noData = band.GetNoDataValue(&hasNoData);
    int hasScale = 0;
    int hasOffset = 0;
    const double scale = band.GetScale(&hasScale);
    const double offset = band.GetOffset(&hasOffset);
    bool anyFinite = false;
    for (float* v = values; v != values + count; ++v) {
        if (noDataToNan && hasNoData && *v == static_cast<float>(noData))
            *v = std::nanf("");
        if (hasScale || hasOffset)
            *v = static_cast<float>(*v * (hasScale ? scale : 1.0) + (hasOffset ? offset : 0.0));
        if (std::isfinite(*v))
            anyFinite = true;
        else
            *v = std::nanf("");
    }
    return anyFinite;
}

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
    const std::size_t count = static_cast<std::size_t>(grid.width()) * grid.height();
    std::vector<std::vector<float>> bands(source->GetRasterCount(), std::vector<float>(count, std::nanf("")));
    const bool warp = !isOnGrid(*source, grid);
    if (wasWarped)
        *wasWarped = warp;
    if (warp)
        warpInto(source, file, grid, resampling, bands);
    bool anyFinite = false;
    for (int b = 1; b <= source->GetRasterCount(); ++b) {
        GDALRasterBand* sourceBand = source->GetRasterBand(b);
        std::vector<float>& values = bands[b - 1];
        if (!warp && sourceBand->RasterIO(GF_Read, 0, 0, grid.width(), grid.height(), values.data(), grid.width(), grid.height(),
                                          GDT_Float32, 0, 0) != CE_None)
            throw SceneError(file, withGdalReason("cannot read band " + std::to_string(b)));
        // The warper already made no-data NaN.
        anyFinite = makePhysical(*sourceBand, values.data(), values.size(), !warp) || anyFinite;
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
