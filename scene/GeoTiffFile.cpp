#include "scene/GeoTiffFile.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalSession.h"
#include "scene/SceneError.h"
#include "scene/UtcTime.h"

#include <gdal_priv.h>

#include <cmath>

namespace banquise::scene {

GDALDataset* createGeoTiff(const std::string& path, const AnalysisGrid& grid, int bands, GDALDataType type, double time)
{
    GdalSession::ensure();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    // Floating-point predictor for floats, horizontal differencing otherwise.
    const char* options[] = {"COMPRESS=DEFLATE", "TILED=YES", "INTERLEAVE=BAND",
                             type == GDT_Float32 ? "PREDICTOR=3" : "PREDICTOR=2", nullptr};
    GDALDataset* ds = driver->Create(path.c_str(), grid.width(), grid.height(), bands, type, const_cast<char**>(options));
    if (!ds)
        throw SceneError(path, std::string("cannot create GeoTIFF (") + GdalSession::lastError() + ")");
    double transform[6];
    grid.geoTransform(transform);
    ds->SetGeoTransform(transform);
    ds->SetProjection(grid.crsWkt().c_str());
    ds->SetMetadataItem("ACQUISITION_TIME", formatUtc(time).c_str());
    return ds;
}

void writeFloatGeoTiff(const std::string& path, const AnalysisGrid& grid, const std::vector<std::vector<float>>& bands, double time,
                       const std::vector<std::pair<std::string, std::string>>& metadata)
{
    GDALDataset* ds = createGeoTiff(path, grid, static_cast<int>(bands.size()), GDT_Float32, time);
    for (const auto& [name, value] : metadata)
        ds->SetMetadataItem(name.c_str(), value.c_str());
    bool ok = true;
    for (std::size_t b = 0; b < bands.size() && ok; ++b) {
        GDALRasterBand* band = ds->GetRasterBand(static_cast<int>(b) + 1);
        band->SetNoDataValue(std::nan(""));
        ok = band->RasterIO(GF_Write, 0, 0, grid.width(), grid.height(), const_cast<float*>(bands[b].data()), grid.width(),
                            grid.height(), GDT_Float32, 0, 0) == CE_None;
    }
    GDALClose(ds);
    if (!ok)
        throw SceneError(path, std::string("cannot write raster data (") + GdalSession::lastError() + ")");
}

} // namespace banquise::scene
