#include "scene/Sentinel1Calibrated.h"

#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/SafeFiles.h"
#include "scene/SceneError.h"
#include "scene/Sentinel1Calibration.h"
#include "scene/UtcTime.h"

#include <gdal_priv.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <regex>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {
// ESA names calibration files calibration-<mission>-<swath>-<product>-<pol>-...xml.
std::string calibrationFile(const std::string& safe, const std::string& polarisation)
{
    const std::string found = safeFileWith(safe + "/annotation/calibration", "calibration-", "-" + lowerCase(polarisation) + "-");
    if (found.empty())
        throw SceneError(safe, "no calibration annotation for polarisation " + polarisation
                                   + missingPartsNote(safe, {"calibration-", "-" + lowerCase(polarisation) + "-"}));
    return found;
}

// sigma0 = |DN|^2 / A^2 of one band, row by row, into a Float32 dataset in
// memory carrying the source's GCPs.
GDALDataset* calibrated(GDALDataset& source, GDALRasterBand& band, bool complex, const Sentinel1Calibration& calibration,
                        const std::string& file)
{
    if (source.GetGCPCount() < 3)
        throw SceneError(file, "product has no geolocation grid");
    const int width = source.GetRasterXSize();
    const int height = source.GetRasterYSize();
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    DatasetPtr sigma0(memory->Create("", width, height, 1, GDT_Float32, nullptr));
    sigma0->SetGCPs(source.GetGCPCount(), source.GetGCPs(), source.GetGCPSpatialRef());
    sigma0->GetRasterBand(1)->SetNoDataValue(std::nan(""));
    std::vector<float> row(width);
    std::vector<float> iq(complex ? 2 * static_cast<std::size_t>(width) : 0);
    for (int line = 0; line < height; ++line) {
        const CPLErr read = complex ? band.RasterIO(GF_Read, 0, line, width, 1, iq.data(), width, 1, GDT_CFloat32, 0, 0)
                                    : band.RasterIO(GF_Read, 0, line, width, 1, row.data(), width, 1, GDT_Float32, 0, 0);
        if (read != CE_None)
            throw SceneError(file, std::string("cannot read measurement (") + GdalSession::lastError() + ")");
        if (complex) // the modulus: calibration squares it
            for (int c = 0; c < width; ++c)
                row[c] = std::hypot(iq[2 * c], iq[2 * c + 1]);
        calibration.calibrateRow(line, row);
        if (sigma0->GetRasterBand(1)->RasterIO(GF_Write, 0, line, width, 1, row.data(), width, 1, GDT_Float32, 0, 0) != CE_None)
            throw SceneError(file, withGdalReason("cannot hold the calibrated image in memory"));
    }
    return sigma0.release();
}
} // namespace

std::string sentinel1ManifestPath(const std::string& path)
{
    const fs::path p(path);
    if (lowerCase(p.extension().string()) == ".zip") // the hub's zip holds <name>.SAFE/
        return "/vsizip/" + path + "/" + p.stem().string() + ".SAFE/manifest.safe";
    if (fs::is_directory(p))
        return (p / "manifest.safe").string();
    return path;
}

std::optional<Sentinel1Measurement> sentinel1Measurement(const std::string& tiff)
{
    // s1a-ew-grd-hh-20240314t160512-20240314t160516-053000-066a1b-001.tiff
    static const std::regex pattern("^(s1[a-d])-([a-z]+[0-9]?)-(grd|slc)-(hh|hv|vv|vh)-([0-9]{8}t[0-9]{6})-.*\\.tiff?$");
    const fs::path path(tiff);
    const std::string name = lowerCase(path.filename().string());
    std::smatch m;
    if (!std::regex_match(name, m, pattern))
        return std::nullopt;
    Sentinel1Measurement measurement;
    measurement.product = m[3].str() == "grd" ? "GRD" : "SLC";
    measurement.polarisation = m[4].str();
    for (char& ch : measurement.polarisation)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    const std::string t = m[5].str();
    const auto time = parseUtc(t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 2) + "T" + t.substr(9, 2) + ":" + t.substr(11, 2) + ":"
                               + t.substr(13, 2) + "Z");
    measurement.time = time ? *time : 0.0;
    // In its SAFE (measurement/ beside annotation/), or copied next to its calibration file.
    const std::string calibrationName = "calibration-" + path.stem().string() + ".xml";
    for (const fs::path& candidate : {path.parent_path().parent_path() / "annotation" / "calibration" / calibrationName,
                                      path.parent_path() / calibrationName})
        if (fs::is_regular_file(candidate))
            measurement.calibrationFile = candidate.string();
    return measurement;
}

GDALDataset* openCalibratedSentinel1Measurement(const std::string& tiff)
{
    GdalSession::ensure();
    const auto measurement = sentinel1Measurement(tiff);
    if (!measurement)
        throw SceneError(tiff, "is not named as a Sentinel-1 measurement (s1a-ew-grd-hh-<start>-...tiff)");
    if (measurement->calibrationFile.empty())
        throw SceneError(tiff, "has no calibration annotation (calibration-" + fs::path(tiff).stem().string()
                                   + ".xml) in ../annotation/calibration/ or beside it: cannot calibrate to sigma0");
    DatasetPtr source = openDataset(tiff);
    if (!source || source->GetRasterCount() < 1)
        throw SceneError(tiff, withGdalReason("cannot open as a raster"));
    return calibrated(*source, *source->GetRasterBand(1), measurement->product == "SLC",
                      Sentinel1Calibration::read(measurement->calibrationFile), tiff);
}

GDALDataset* openCalibratedSentinel1(const std::string& manifestPath, const std::string& polarisation)
{
    GdalSession::ensure();
    const std::string safe = fs::path(manifestPath).parent_path().string();
    DatasetPtr product = openDataset(manifestPath);
    if (!product)
        throw SceneError(manifestPath, std::string("cannot open as a Sentinel-1 SAFE product (") + GdalSession::lastError() + ")"
                                           + missingPartsNote(safe, {}));
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
        throw SceneError(manifestPath, "product has no " + polarisation + " polarisation"
                                           + missingPartsNote(safe, {"-" + lowerCase(polarisation) + "-"}));
    return calibrated(*product, *band, complex, Sentinel1Calibration::read(calibrationFile(safe, polarisation)), manifestPath);
}

} // namespace banquise::scene
