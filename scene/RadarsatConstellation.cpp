#include "scene/RadarsatConstellation.h"

#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/SceneError.h"
#include "scene/UtcTime.h"

#include <cpl_minixml.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {

// An RCM product keeps its product.xml in metadata/, beside a manifest.safe.
fs::path productXmlOf(const fs::path& path)
{
    if (fs::is_directory(path))
        return fs::exists(path / "product.xml") ? path / "product.xml" : path / "metadata" / "product.xml";
    if (path.filename() == "manifest.safe")
        return path.parent_path() / "metadata" / "product.xml";
    return path;
}

CPLXMLTreeCloser parseXml(const fs::path& file, const std::string& what)
{
    if (!fs::exists(file))
        throw SceneError(file.string(), what + " is missing");
    CPLXMLTreeCloser tree(CPLParseXMLFile(file.string().c_str()));
    if (!tree)
        throw SceneError(file.string(), withGdalReason("is not readable XML"));
    CPLStripXMLNamespace(tree.get(), nullptr, TRUE);
    return tree;
}

const CPLXMLNode& productNode(const CPLXMLTreeCloser& tree, const fs::path& xml)
{
    const CPLXMLNode* product = CPLGetXMLNode(tree.get(), "=product");
    if (!product || !CPLGetXMLNode(product, "sceneAttributes.imageAttributes"))
        throw SceneError(xml.string(), "is not an RCM product.xml (no product.sceneAttributes.imageAttributes)");
    return *product;
}

std::string value(const CPLXMLNode& node, const char* path)
{
    return CPLGetXMLValue(&node, path, "");
}

// The element children of `parent` called `name`.
std::vector<const CPLXMLNode*> children(const CPLXMLNode* parent, const char* name)
{
    std::vector<const CPLXMLNode*> found;
    for (const CPLXMLNode* node = parent ? parent->psChild : nullptr; node; node = node->psNext)
        if (node->eType == CXT_Element && EQUAL(node->pszValue, name))
            found.push_back(node);
    return found;
}

std::string poleOf(const CPLXMLNode* node)
{
    return CPLGetXMLValue(node, "pole", "");
}

// gain(pixel) of a look-up table: entry k is at range pixel
// pixelFirstLutValue + k * stepSize (stepSize may be negative), linear in
// between, held beyond the ends (RCM product specification's mapping, as
// GDAL 3.11's RCM driver reads it).
std::vector<double> gainsPerPixel(const fs::path& file, int samples, double& offset)
{
    const CPLXMLTreeCloser tree = parseXml(file, "its sigma-nought look-up table");
    const CPLXMLNode* lut = CPLGetXMLNode(tree.get(), "=lut");
    if (!lut)
        throw SceneError(file.string(), "is not a look-up table (no <lut>)");
    offset = CPLAtof(CPLGetXMLValue(lut, "offset", "0"));
    const double first = CPLAtof(CPLGetXMLValue(lut, "pixelFirstLutValue", "0"));
    const double step = CPLAtof(CPLGetXMLValue(lut, "stepSize", "1"));
    std::vector<double> gains;
    std::istringstream text(CPLGetXMLValue(lut, "gains", ""));
    for (double g = 0.0; text >> g;)
        gains.push_back(g);
    const int declared = std::atoi(CPLGetXMLValue(lut, "numberOfValues", "-1"));
    if (gains.empty() || (declared >= 0 && declared != static_cast<int>(gains.size())))
        throw SceneError(file.string(), "has " + std::to_string(gains.size()) + " gains where numberOfValues says " + std::to_string(declared));
    if (std::any_of(gains.begin(), gains.end(), [](double g) { return !(g > 0.0); }))
        throw SceneError(file.string(), "has a gain that is not positive");
    std::vector<double> perPixel(static_cast<std::size_t>(samples));
    const double last = static_cast<double>(gains.size() - 1);
    for (int pixel = 0; pixel < samples; ++pixel) {
        const double t = step != 0.0 ? std::clamp((pixel - first) / step, 0.0, last) : 0.0;
        const std::size_t k = std::min(static_cast<std::size_t>(t), gains.size() - 1);
        const double next = gains[std::min(k + 1, gains.size() - 1)];
        perPixel[static_cast<std::size_t>(pixel)] = gains[k] + (t - static_cast<double>(k)) * (next - gains[k]);
    }
    return perPixel;
}

// The tie points of the geolocation grid as GCPs (longitude, latitude on WGS 84).
std::vector<GDAL_GCP> tiePoints(const CPLXMLNode& product)
{
    std::vector<GDAL_GCP> gcps;
    for (const CPLXMLNode* tie : children(CPLGetXMLNode(&product, "imageReferenceAttributes.geographicInformation.geolocationGrid"), "imageTiePoint")) {
        GDAL_GCP gcp{};
        gcp.dfGCPPixel = CPLAtof(CPLGetXMLValue(tie, "imageCoordinate.pixel", "0"));
        gcp.dfGCPLine = CPLAtof(CPLGetXMLValue(tie, "imageCoordinate.line", "0"));
        gcp.dfGCPX = CPLAtof(CPLGetXMLValue(tie, "geodeticCoordinate.longitude", "nan"));
        gcp.dfGCPY = CPLAtof(CPLGetXMLValue(tie, "geodeticCoordinate.latitude", "nan"));
        gcp.dfGCPZ = CPLAtof(CPLGetXMLValue(tie, "geodeticCoordinate.height", "0"));
        if (std::isfinite(gcp.dfGCPX) && std::isfinite(gcp.dfGCPY))
            gcps.push_back(gcp);
    }
    return gcps;
}

std::vector<std::string> polarisationsOf(const CPLXMLNode& product)
{
    std::vector<std::string> pols;
    std::istringstream text(value(product, "sourceAttributes.radarParameters.polarizations"));
    for (std::string pol; text >> pol;)
        pols.push_back(pol);
    return pols;
}

} // namespace

bool isRcmProduct(const std::string& path)
{
    std::ifstream in(productXmlOf(path));
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head.find("<product") != std::string::npos && head.find("rcmGsProductSchema") != std::string::npos;
}

RcmProduct describeRcm(const std::string& path)
{
    const fs::path xml = productXmlOf(path);
    const CPLXMLTreeCloser tree = parseXml(xml, "the product's metadata/product.xml");
    const CPLXMLNode& product = productNode(tree, xml);
    RcmProduct rcm;
    rcm.productXml = xml.string();
    rcm.satellite = value(product, "sourceAttributes.satellite");
    rcm.time = parseUtc(value(product, "sourceAttributes.rawDataStartTime")).value_or(0.0);
    rcm.polarisations = polarisationsOf(product);
    if (rcm.polarisations.empty())
        throw SceneError(xml.string(), "lists no polarisation (sourceAttributes.radarParameters.polarizations)");
    rcm.productType = value(product, "imageGenerationParameters.generalProcessingInformation.productType");
    rcm.beamMode = value(product, "sourceAttributes.beamMode");
    for (const GDAL_GCP& gcp : tiePoints(product))
        rcm.footprint.push_back({gcp.dfGCPX, gcp.dfGCPY});
    return rcm;
}

GDALDataset* openCalibratedRcm(const std::string& path, const std::string& polarisation)
{
    GdalSession::ensure();
    const fs::path xml = productXmlOf(path);
    const CPLXMLTreeCloser tree = parseXml(xml, "the product's metadata/product.xml");
    const CPLXMLNode& product = productNode(tree, xml);
    const std::string type = value(product, "imageGenerationParameters.generalProcessingInformation.productType");
    const std::string sampleType = value(product, "imageReferenceAttributes.rasterAttributes.sampleType");
    if (sampleType != "Magnitude Detected")
        throw SceneError(xml.string(), "is a " + type + " product of " + (sampleType.empty() ? "unstated" : sampleType)
                                           + " samples: Banquise reads detected RCM products (GRD)");
    if (type.rfind("GC", 0) == 0)
        throw SceneError(xml.string(), "is a geocoded " + type + " product: its look-up tables apply to the ground-range pixels it no longer has");

    const auto named = [&](const char* list, const char* what, const char* calibration) {
        for (const CPLXMLNode* node : children(CPLGetXMLNode(&product, list), what))
            if (EQUAL(poleOf(node).c_str(), polarisation.c_str())
                && (!calibration || EQUAL(CPLGetXMLValue(node, "sarCalibrationType", ""), calibration)))
                return std::string(CPLGetXMLValue(node, "", ""));
        return std::string();
    };
    const std::string image = named("sceneAttributes.imageAttributes", "ipdf", nullptr);
    if (image.empty())
        throw SceneError(xml.string(), "has no " + polarisation + " image (sceneAttributes.imageAttributes.ipdf pole=\"" + polarisation + "\")");
    const std::string table = named("imageReferenceAttributes", "lookupTableFileName", "Sigma Nought");
    if (table.empty())
        throw SceneError(xml.string(), "names no sigma-nought look-up table for " + polarisation
                                           + " (imageReferenceAttributes.lookupTableFileName sarCalibrationType=\"Sigma Nought\")");
    std::vector<GDAL_GCP> gcps = tiePoints(product);
    if (gcps.size() < 3)
        throw SceneError(xml.string(), "has no geolocation grid (imageTiePoint) to place it");

    const fs::path imageFile = (xml.parent_path() / image).lexically_normal();
    if (!fs::exists(imageFile))
        throw SceneError(imageFile.string(), "the " + polarisation + " image named by " + xml.string() + " is missing");
    DatasetPtr source = openDataset(imageFile.string());
    if (!source)
        throw SceneError(imageFile.string(), withGdalReason("GDAL cannot open the " + polarisation + " image"));
    const int width = source->GetRasterXSize();
    const int height = source->GetRasterYSize();
    const int samples = std::atoi(value(product, "sceneAttributes.imageAttributes.samplesPerLine").c_str());
    const int lines = std::atoi(value(product, "sceneAttributes.imageAttributes.numLines").c_str());
    if (width != samples || height != lines)
        throw SceneError(imageFile.string(), "is " + std::to_string(width) + " x " + std::to_string(height) + " where product.xml says "
                                                 + std::to_string(samples) + " x " + std::to_string(lines));
    double offset = 0.0;
    const std::vector<double> gain = gainsPerPixel(xml.parent_path() / "calibration" / table, width, offset);

    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    DatasetPtr sigma0(memory->Create("", width, height, 1, GDT_Float32, nullptr));
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    for (GDAL_GCP& gcp : gcps) {
        gcp.pszId = const_cast<char*>("");
        gcp.pszInfo = const_cast<char*>("");
    }
    sigma0->SetGCPs(static_cast<int>(gcps.size()), gcps.data(), &wgs84);
    sigma0->GetRasterBand(1)->SetNoDataValue(std::nan(""));
    std::vector<float> row(static_cast<std::size_t>(width));
    for (int line = 0; line < height; ++line) {
        if (source->GetRasterBand(1)->RasterIO(GF_Read, 0, line, width, 1, row.data(), width, 1, GDT_Float32, 0, 0) != CE_None)
            throw SceneError(imageFile.string(), withGdalReason("cannot read its line " + std::to_string(line)));
        for (int pixel = 0; pixel < width; ++pixel) {
            const double dn = row[static_cast<std::size_t>(pixel)];
            // Zero DN: no data outside the swath.
            row[static_cast<std::size_t>(pixel)] = dn > 0.0 ? static_cast<float>((dn * dn + offset) / gain[static_cast<std::size_t>(pixel)]) : std::nanf("");
        }
        if (sigma0->GetRasterBand(1)->RasterIO(GF_Write, 0, line, width, 1, row.data(), width, 1, GDT_Float32, 0, 0) != CE_None)
            throw SceneError(xml.string(), withGdalReason("cannot hold the calibrated image in memory"));
    }
    return sigma0.release();
}

} // namespace banquise::scene
