#include "scene/kinds/ProductFootprint.h"

#include "scene/UtcTime.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <memory>

namespace banquise::scene {

namespace {
// From a dataset's CRS to longitude and latitude (in that order); null when PROJ cannot.
std::unique_ptr<OGRCoordinateTransformation> lonLatTransform(const OGRSpatialReference& srs)
{
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(&srs, &wgs84));
}
} // namespace

void addLonLat(std::vector<LonLat>& footprint, double lon, double lat)
{
    if (std::isfinite(lon) && std::isfinite(lat))
        footprint.push_back({lon, lat});
}

void gcpFootprint(GDALDataset& ds, std::vector<LonLat>& footprint)
{
    const OGRSpatialReference* srs = ds.GetGCPSpatialRef();
    if (!srs)
        return;
    const auto toLonLat = lonLatTransform(*srs);
    for (int i = 0; toLonLat && i < ds.GetGCPCount(); ++i) {
        double x = ds.GetGCPs()[i].dfGCPX;
        double y = ds.GetGCPs()[i].dfGCPY;
        if (toLonLat->Transform(1, &x, &y))
            addLonLat(footprint, x, y);
    }
}

void rasterFootprint(GDALDataset& ds, std::vector<LonLat>& footprint)
{
    double t[6];
    const OGRSpatialReference* srs = ds.GetSpatialRef();
    if (!srs || ds.GetGeoTransform(t) != CE_None)
        return;
    const auto toLonLat = lonLatTransform(*srs);
    if (toLonLat)
        for (int i = 0; i <= 4; ++i)
            for (int j = 0; j <= 4; ++j) {
                double x = t[0] + t[1] * ds.GetRasterXSize() * i / 4.0;
                double y = t[3] + t[5] * ds.GetRasterYSize() * j / 4.0;
                if (toLonLat->Transform(1, &x, &y))
                    addLonLat(footprint, x, y);
            }
}

std::string rasterShape(GDALDataset& ds)
{
    const OGRSpatialReference* srs = ds.GetSpatialRef();
    const char* code = srs ? srs->GetAuthorityCode(nullptr) : nullptr;
    return (code ? "EPSG:" + std::string(code) : std::string("custom CRS")) + ", " + std::to_string(ds.GetRasterXSize()) + " x "
        + std::to_string(ds.GetRasterYSize());
}

DatasetPtr openPlacedRaster(const std::filesystem::path& file, DetectedProduct& product, std::string& shape, std::string& reason)
{
    DatasetPtr ds = openDataset(file.string(), GDAL_OF_RASTER);
    if (!ds) {
        reason = "GDAL cannot open it as a raster";
        return nullptr;
    }
    double t[6];
    const bool mapped = ds->GetGeoTransform(t) == CE_None && ds->GetSpatialRef();
    const bool controlled = ds->GetGCPCount() >= 3 && ds->GetGCPSpatialRef();
    if (!mapped && !controlled) {
        reason = "a raster without georeferencing (neither geotransform and CRS nor GCPs)";
        return nullptr;
    }
    product.path = file.string();
    shape = mapped ? rasterShape(*ds)
                   : std::to_string(ds->GetGCPCount()) + " GCPs, " + std::to_string(ds->GetRasterXSize()) + " x "
            + std::to_string(ds->GetRasterYSize());
    if (mapped)
        rasterFootprint(*ds, product.footprint);
    else
        gcpFootprint(*ds, product.footprint);
    return ds;
}

double metadataTime(const char* text)
{
    if (!text)
        return 0.0;
    std::string iso = text;
    if (!iso.empty() && iso.back() != 'Z' && iso.find('T') != std::string::npos)
        iso += "Z";
    return parseUtc(iso).value_or(0.0);
}

} // namespace banquise::scene
