#include "scene/GeoTiffFile.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalSession.h"
#include "scene/SceneError.h"
#include "scene/UtcTime.h"

#include <gdal_priv.h>

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

} // namespace banquise::scene
