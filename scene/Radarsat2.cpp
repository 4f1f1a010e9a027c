#include "scene/Radarsat2.h"

#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/SceneError.h"
#include "scene/UtcTime.h"

#include <gdal_priv.h>

#include <cmath>
#include <filesystem>
#include <vector>

namespace banquise::scene {

namespace {
std::string productXml(const std::string& path)
{
    return std::filesystem::is_directory(path) ? (std::filesystem::path(path) / "product.xml").string() : path;
}

DatasetPtr openProduct(const std::string& xml, const std::string& prefix = "")
{
    GdalSession::ensure();
    DatasetPtr ds = openDataset(prefix + xml);
    if (!ds || !EQUAL(ds->GetDriver()->GetDescription(), "RS2"))
        throw SceneError(xml, withGdalReason(prefix.empty() ? "GDAL's RS2 driver does not open it as a RADARSAT-2 product"
                                                            : "GDAL's RS2 driver cannot calibrate it to sigma0"));
    return ds;
}
} // namespace

Radarsat2Product describeRadarsat2(const std::string& path)
{
    Radarsat2Product product;
    product.productXml = productXml(path);
    DatasetPtr ds = openProduct(product.productXml);
    if (const char* start = ds->GetMetadataItem("ACQUISITION_START_TIME"))
        product.time = parseUtc(start).value_or(0.0);
    if (const char* type = ds->GetMetadataItem("PRODUCT_TYPE"))
        product.productType = type;
    for (int b = 1; b <= ds->GetRasterCount(); ++b)
        if (const char* pol = ds->GetRasterBand(b)->GetMetadataItem("POLARIMETRIC_INTERP"))
            product.polarisations.push_back(pol);
    for (int i = 0; i < ds->GetGCPCount(); ++i)
        product.footprint.push_back({ds->GetGCPs()[i].dfGCPX, ds->GetGCPs()[i].dfGCPY});
    return product;
}

GDALDataset* openCalibratedRadarsat2(const std::string& path, const std::string& polarisation)
{
    const std::string xml = productXml(path);
    // GDAL's calibrated band reads whatever table the product names, and
    // crashes on none: checked on the plain product first.
    if (!openProduct(xml)->GetMetadataItem("SIGMA_NOUGHT_LUT"))
        throw SceneError(xml, "names no sigma-nought look-up table (lookupTable \"Sigma Nought\", before its image data): "
                              "cannot calibrate it (SSG and SPG products carry none)");
    DatasetPtr calibrated = openProduct(xml, "RADARSAT_2_CALIB:SIGMA0:");
    GDALRasterBand* band = nullptr;
    for (int b = 1; b <= calibrated->GetRasterCount() && !band; ++b) {
        const char* pol = calibrated->GetRasterBand(b)->GetMetadataItem("POLARIMETRIC_INTERP");
        if (pol && EQUAL(pol, polarisation.c_str()))
            band = calibrated->GetRasterBand(b);
    }
    if (!band)
        throw SceneError(xml, "has no " + polarisation + " band with a sigma-nought look-up table");
    if (calibrated->GetGCPCount() < 3)
        throw SceneError(xml, "has no geolocation grid (imageTiePoint) to place it");
    const int width = calibrated->GetRasterXSize();
    const int height = calibrated->GetRasterYSize();
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    DatasetPtr sigma0(memory->Create("", width, height, 1, GDT_Float32, nullptr));
    sigma0->SetGCPs(calibrated->GetGCPCount(), calibrated->GetGCPs(), calibrated->GetGCPSpatialRef());
    sigma0->GetRasterBand(1)->SetNoDataValue(std::nan(""));
    std::vector<float> row(width);
    for (int line = 0; line < height; ++line) {
        if (band->RasterIO(GF_Read, 0, line, width, 1, row.data(), width, 1, GDT_Float32, 0, 0) != CE_None)
            throw SceneError(xml, withGdalReason("cannot read its " + polarisation + " image"));
        for (float& v : row)
            if (!(v > 0.0f)) // zero DN: no data outside the swath
                v = std::nanf("");
        if (sigma0->GetRasterBand(1)->RasterIO(GF_Write, 0, line, width, 1, row.data(), width, 1, GDT_Float32, 0, 0) != CE_None)
            throw SceneError(xml, withGdalReason("cannot hold the calibrated image in memory"));
    }
    return sigma0.release();
}

} // namespace banquise::scene
