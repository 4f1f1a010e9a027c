#include "scene/SwotHrRaster.h"

#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/SceneError.h"
#include "scene/SensorProfile.h"
#include "scene/UtcTime.h"

#include <cpl_json.h>
#include <gdal_priv.h>

#include <cmath>
#include <vector>

namespace banquise::scene {

namespace {
CPLJSONObject profile()
{
    const std::string file = assetsDirectory() + "/products/swot_l2_hr_raster.json";
    CPLJSONDocument document;
    if (!document.Load(file))
        throw SceneError(file, "cannot read the SWOT HR raster product profile");
    return document.GetRoot();
}

std::string subdataset(const std::string& file, const std::string& variable)
{
    return "NETCDF:\"" + file + "\":" + variable;
}
} // namespace

SwotHrRasterInfo describeSwotHrRaster(const std::string& file)
{
    GdalSession::ensure();
    SwotHrRasterInfo info;
    const CPLJSONObject p = profile();
    DatasetPtr ds = openDataset(file, GDAL_OF_MULTIDIM_RASTER);
    const auto root = ds ? ds->GetRootGroup() : nullptr;
    if (!root || !root->OpenMDArray(p.GetString("height/variable")) || !root->OpenMDArray(p.GetString("quality/variable")))
        return info;
    info.recognised = true;
    info.layerName = p.GetString("height/layer");
    info.units = p.GetString("height/units");
    for (const CPLJSONObject& name : p.GetArray("time_attributes")) {
        const auto attribute = root->GetAttribute(name.ToString());
        const char* text = attribute ? attribute->ReadAsString() : nullptr;
        if (const auto t = text ? parseUtc(text) : std::nullopt; t && info.time == 0.0)
            info.time = *t;
    }
    return info;
}

GDALDataset* openSwotHrRaster(const std::string& file)
{
    GdalSession::ensure();
    const CPLJSONObject p = profile();
    DatasetPtr height = openDataset(subdataset(file, p.GetString("height/variable")));
    DatasetPtr quality = openDataset(subdataset(file, p.GetString("quality/variable")));
    if (!height || !quality)
        throw SceneError(file, withGdalReason("has no " + p.GetString("height/variable") + " and " + p.GetString("quality/variable")
                                              + " variables GDAL's netCDF driver reads"));
    double transform[6];
    if (height->GetGeoTransform(transform) != CE_None || !height->GetSpatialRef())
        throw SceneError(file, "its height grid has no georeferencing (x, y and the crs grid mapping)");
    const int width = height->GetRasterXSize();
    const int rows = height->GetRasterYSize();
    if (quality->GetRasterXSize() != width || quality->GetRasterYSize() != rows)
        throw SceneError(file, "its quality flag is not on the height's grid");
    const int worstKept = p.GetInteger("quality/worst_kept", 1);
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    DatasetPtr out(memory->Create("", width, rows, 1, GDT_Float32, nullptr));
    out->SetGeoTransform(transform);
    out->SetSpatialRef(height->GetSpatialRef());
    out->GetRasterBand(1)->SetNoDataValue(NAN);
    GDALRasterBand* h = height->GetRasterBand(1);
    int hasFill = 0;
    const double fill = h->GetNoDataValue(&hasFill);
    const double scale = h->GetScale();
    const double offset = h->GetOffset();
    std::vector<double> values(width);
    std::vector<int> flags(width);
    std::vector<float> kept(width);
    long long valid = 0;
    for (int r = 0; r < rows; ++r) {
        if (h->RasterIO(GF_Read, 0, r, width, 1, values.data(), width, 1, GDT_Float64, 0, 0) != CE_None
            || quality->GetRasterBand(1)->RasterIO(GF_Read, 0, r, width, 1, flags.data(), width, 1, GDT_Int32, 0, 0) != CE_None)
            throw SceneError(file, withGdalReason("cannot read its height and quality"));
        for (int c = 0; c < width; ++c) {
            const bool good = std::isfinite(values[c]) && !(hasFill && values[c] == fill) && flags[c] >= 0 && flags[c] <= worstKept;
            kept[c] = good ? static_cast<float>(values[c] * scale + offset) : NAN;
            valid += good;
        }
        if (out->GetRasterBand(1)->RasterIO(GF_Write, 0, r, width, 1, kept.data(), width, 1, GDT_Float32, 0, 0) != CE_None)
            throw SceneError(file, withGdalReason("cannot hold its height in memory"));
    }
    if (valid == 0)
        throw SceneError(file, "every pixel is flagged worse than " + std::to_string(worstKept) + " or fill: nothing to show");
    return out.release();
}

} // namespace banquise::scene
