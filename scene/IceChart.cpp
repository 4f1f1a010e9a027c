#include "scene/IceChart.h"

#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/SceneError.h"
#include "scene/Sigrid3Codes.h"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace banquise::scene {

namespace {
constexpr const char* kFields[] = {"CT", "CA", "CB", "CC", "SA", "SB", "SC", "FA", "FB", "FC"};
constexpr int kCellsAcross = 2000;

int fieldIndex(OGRFeatureDefn& definition, const std::string& upper)
{
    for (int i = 0; i < definition.GetFieldCount(); ++i) {
        std::string name = definition.GetFieldDefn(i)->GetNameRef();
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
        if (name == upper)
            return i;
    }
    return -1;
}

OGRLayer* chartLayer(GDALDataset* ds)
{
    return ds && ds->GetLayerCount() > 0 ? ds->GetLayer(0) : nullptr;
}

// The value of a polygon's code for the field: percent, a code, or NaN
// when empty or -9; throws when the code is not SIGRID-3's.
double decode(const std::string& text, const std::string& field, long long polygon, const std::string& file)
{
    std::string trimmed = text;
    trimmed.erase(0, trimmed.find_first_not_of(" \t"));
    trimmed.erase(trimmed.find_last_not_of(" \t") + 1);
    if (trimmed.empty() || trimmed == "-9" || trimmed == "-09")
        return NAN;
    char* end = nullptr;
    const long code = std::strtol(trimmed.c_str(), &end, 10);
    const bool concentration = field[0] == 'C';
    const bool valid = end && *end == '\0'
        && (concentration ? isSigrid3Concentration(static_cast<int>(code))
                          : field[0] == 'S' ? isSigrid3Stage(static_cast<int>(code)) : isSigrid3Form(static_cast<int>(code)));
    if (!valid)
        throw SceneError(file, "polygon " + std::to_string(polygon) + ": " + field + " code '" + trimmed + "' is not a SIGRID-3 "
                                   + (concentration ? "concentration" : field[0] == 'S' ? "stage of development" : "form of ice"));
    return concentration ? sigrid3Concentration(static_cast<int>(code)) : static_cast<double>(code);
}
} // namespace

IceChartInfo describeIceChart(const std::string& file)
{
    GdalSession::ensure();
    IceChartInfo info;
    DatasetPtr ds = openDataset(file, GDAL_OF_VECTOR);
    OGRLayer* layer = chartLayer(ds.get());
    if (!layer)
        return info;
    for (const char* field : kFields)
        if (fieldIndex(*layer->GetLayerDefn(), field) >= 0)
            info.fields.push_back(field);
    info.recognised = !info.fields.empty() && info.fields.front() == "CT";
    info.polygons = layer->GetFeatureCount();
    return info;
}

GDALDataset* openIceChartField(const std::string& file, const std::string& field)
{
    GdalSession::ensure();
    DatasetPtr ds = openDataset(file, GDAL_OF_VECTOR);
    OGRLayer* layer = chartLayer(ds.get());
    if (!layer)
        throw SceneError(file, withGdalReason("GDAL cannot open it as a vector chart"));
    const int index = fieldIndex(*layer->GetLayerDefn(), field);
    if (index < 0)
        throw SceneError(file, "has no SIGRID-3 field " + field);
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    OGREnvelope extent;
    if (!srs || layer->GetExtent(&extent) != OGRERR_NONE || extent.MaxX <= extent.MinX || extent.MaxY <= extent.MinY)
        throw SceneError(file, "its polygons have no CRS or no extent: cannot place the chart");
    const double cell = std::max(extent.MaxX - extent.MinX, extent.MaxY - extent.MinY) / kCellsAcross;
    const int width = std::max(1, static_cast<int>(std::ceil((extent.MaxX - extent.MinX) / cell)));
    const int height = std::max(1, static_cast<int>(std::ceil((extent.MaxY - extent.MinY) / cell)));
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    DatasetPtr out(memory->Create("", width, height, 1, GDT_Float32, nullptr));
    double transform[6] = {extent.MinX, cell, 0.0, extent.MaxY, 0.0, -cell};
    out->SetGeoTransform(transform);
    out->SetSpatialRef(srs);
    GDALRasterBand* band = out->GetRasterBand(1);
    band->SetNoDataValue(NAN);
    band->Fill(NAN);
    std::vector<OGRGeometryH> geometries;
    std::vector<double> values;
    layer->ResetReading();
    for (auto& feature : *layer) {
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry)
            continue;
        const double value = decode(feature->IsFieldSetAndNotNull(index) ? feature->GetFieldAsString(index) : "", field,
                                    feature->GetFID(), file);
        if (std::isnan(value))
            continue;
        geometries.push_back(OGRGeometry::ToHandle(geometry->clone()));
        values.push_back(value);
    }
    int bands[] = {1};
    const CPLErr burnt = geometries.empty() ? CE_None
                                            : GDALRasterizeGeometries(out.get(), 1, bands, static_cast<int>(geometries.size()), geometries.data(),
                                                                      nullptr, nullptr, values.data(), nullptr, nullptr, nullptr);
    for (OGRGeometryH g : geometries)
        OGR_G_DestroyGeometry(g);
    if (burnt != CE_None)
        throw SceneError(file, withGdalReason("cannot burn its polygons onto a raster"));
    if (geometries.empty())
        throw SceneError(file, "no polygon gives a " + field + " value");
    return out.release();
}

} // namespace banquise::scene
