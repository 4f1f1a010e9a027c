#include "scene/Sentinel1Calibrated.h"

#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/SceneError.h"
#include "scene/Sentinel1Calibration.h"

#include <gdal_priv.h>

#include <cmath>
#include <filesystem>
#include <memory>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {
std::string lower(std::string s)
{
    for (char& ch : s)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

// ESA names calibration files calibration-<mission>-<swath>-<product>-<pol>-...xml.
std::string calibrationFile(const fs::path& safe, const std::string& polarisation)
{
    const fs::path folder = safe / "annotation" / "calibration";
    const std::string key = "-" + lower(polarisation) + "-";
    if (fs::is_directory(folder))
        for (const auto& entry : fs::directory_iterator(folder)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind("calibration-", 0) == 0 && name.find(key) != std::string::npos)
                return entry.path().string();
        }
    throw SceneError(safe.string(), "no calibration annotation for polarisation " + polarisation);
}
} // namespace

GDALDataset* openCalibratedSentinel1(const std::string& manifestPath, const std::string& polarisation)
{
    GdalSession::ensure();
    DatasetPtr product = openDataset(manifestPath);
    if (!product)
        throw SceneError(manifestPath, std::string("cannot open as a Sentinel-1 SAFE product (") + GdalSession::lastError() + ")");
    if (!EQUAL(product->GetDriver()->GetDescription(), "SAFE"))
        throw SceneError(manifestPath, "is not a Sentinel-1 SAFE product");
    const char* type = product->GetMetadataItem("PRODUCT_TYPE");
    const bool complex = type && EQUAL(type, "SLC");
    if (!type || (!complex && !EQUAL(type, "GRD")))
        throw SceneError(manifestPath, std::string("is a ") + (type ? type : "unknown") + " product, neither GRD nor SLC");
    GDALRasterBand* band = nullptr;
    for (int b = 1; b <= product->GetRasterCount() && !band; ++b) {
        const char* pol = product->GetRasterBand(b)->GetMetadataItem("POLARIZATION");
        if (pol && EQUAL(pol, polarisation.c_str()))
            band = product->GetRasterBand(b);
    }
    if (!band)
        throw SceneError(manifestPath, "product has no " + polarisation + " polarisation");
    if (product->GetGCPCount() < 3)
        throw SceneError(manifestPath, "product has no geolocation grid");

    const Sentinel1Calibration calibration =
        Sentinel1Calibration::read(calibrationFile(fs::path(manifestPath).parent_path(), polarisation));
    const int width = product->GetRasterXSize();
    const int height = product->GetRasterYSize();
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    DatasetPtr sigma0(memory->Create("", width, height, 1, GDT_Float32, nullptr));
    sigma0->SetGCPs(product->GetGCPCount(), product->GetGCPs(), product->GetGCPSpatialRef());
    sigma0->GetRasterBand(1)->SetNoDataValue(std::nan(""));
    std::vector<float> row(width);
    std::vector<float> iq(complex ? 2 * static_cast<std::size_t>(width) : 0);
    for (int line = 0; line < height; ++line) {
        const CPLErr read = complex ? band->RasterIO(GF_Read, 0, line, width, 1, iq.data(), width, 1, GDT_CFloat32, 0, 0)
                                    : band->RasterIO(GF_Read, 0, line, width, 1, row.data(), width, 1, GDT_Float32, 0, 0);
        if (read != CE_None)
            throw SceneError(manifestPath, std::string("cannot read measurement (") + GdalSession::lastError() + ")");
        if (complex) // the modulus: calibration squares it
            for (int c = 0; c < width; ++c)
                row[c] = std::hypot(iq[2 * c], iq[2 * c + 1]);
        calibration.calibrateRow(line, row);
        sigma0->GetRasterBand(1)->RasterIO(GF_Write, 0, line, width, 1, row.data(), width, 1, GDT_Float32, 0, 0);
    }
    return sigma0.release();
}

} // namespace banquise::scene
