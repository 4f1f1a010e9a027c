#include "scene/GriddedRaster.h"

#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/RasterOnGrid.h"
#include "scene/SceneError.h"
#include "scene/UtcTime.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace banquise::scene {

namespace {

double acquisitionTime(GDALDataset& ds)
{
    const char* time = ds.GetMetadataItem("ACQUISITION_TIME");
    return time ? parseUtc(time).value_or(0.0) : 0.0;
}

} // namespace

GriddedRaster readGriddedRaster(const std::string& file)
{
    GdalSession::ensure();
    if (!std::filesystem::exists(file))
        throw SceneError(file, "does not exist");
    DatasetPtr ds = openDataset(file);
    if (!ds || ds->GetRasterCount() == 0)
        throw SceneError(file, withGdalReason("cannot open as a raster"));
    const OGRSpatialReference* srs = ds->GetSpatialRef();
    if (!srs)
        throw SceneError(file, "has no coordinate reference system");
    if (srs->IsGeographic())
        throw SceneError(file, "is in geographic coordinates; a projected CRS (metres) is needed to compare maps");
    const char* code = srs->GetAuthorityCode(nullptr);
    if (!code)
        throw SceneError(file, "its CRS has no EPSG code");
    double t[6];
    if (ds->GetGeoTransform(t) != CE_None)
        throw SceneError(file, "has no geotransform");
    if (t[2] != 0.0 || t[4] != 0.0 || std::abs(t[1] + t[5]) > 1e-6 * std::abs(t[1]))
        throw SceneError(file, "is rotated or has non-square pixels");
    GriddedRaster out;
    out.grid = AnalysisGrid(std::atoi(code), t[0], t[3], t[1], ds->GetRasterXSize(), ds->GetRasterYSize());
    out.bands = readRasterOnGrid(*ds, file, out.grid, "near");
    out.time = acquisitionTime(*ds);
    return out;
}

double rasterAcquisitionTime(const std::string& file)
{
    GdalSession::ensure();
    DatasetPtr ds = openDataset(file);
    return ds ? acquisitionTime(*ds) : 0.0;
}

} // namespace banquise::scene
