#include "scene/Sentinel2Reflectance.h"

#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/SafeFiles.h"
#include "scene/SceneError.h"
#include "scene/UtcTime.h"

#include <cpl_minixml.h>
#include <cpl_vsi.h>
#include <gdal_utils.h>

#include <array>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <vector>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {

// band_id of the user metadata: the index of the band in ESA's order.
constexpr std::array<const char*, 13> kBandOrder{"B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B10", "B11", "B12"};
// Red, green, blue: what the views show and the models' optical pseudo-labels read.
constexpr std::array<const char*, 3> kComposite{"B4", "B3", "B2"};

struct XmlCloser {
    void operator()(CPLXMLNode* node) const { CPLDestroyXMLNode(node); }
};

struct Radiometry {
    double quantification = 0.0;
    std::map<std::string, double> offsets; // band name -> DN offset
};

const CPLXMLNode* child(const CPLXMLNode* node, std::initializer_list<const char*> names)
{
    for (const char* name : names)
        if (const CPLXMLNode* found = node ? CPLGetXMLNode(const_cast<CPLXMLNode*>(node), name) : nullptr)
            return found;
    return nullptr;
}

// The user metadata's quantification and offsets. Level-1C keeps them under
// Product_Image_Characteristics as QUANTIFICATION_VALUE and
// Radiometric_Offset_List/RADIO_ADD_OFFSET, Level-2A as
// QUANTIFICATION_VALUES_LIST/BOA_QUANTIFICATION_VALUE and
// BOA_ADD_OFFSET_VALUES_LIST/BOA_ADD_OFFSET (baselines 02.xx prefix them L2A_).
Radiometry readRadiometry(const std::string& metadataFile)
{
    std::unique_ptr<CPLXMLNode, XmlCloser> root(CPLParseXMLFile(metadataFile.c_str()));
    if (!root)
        throw SceneError(metadataFile, withGdalReason("cannot parse the product metadata"));
    CPLStripXMLNamespace(root.get(), nullptr, TRUE);
    const CPLXMLNode* product = nullptr;
    for (const CPLXMLNode* n = root.get(); n && !product; n = n->psNext)
        if (n->eType == CXT_Element && CPLGetXMLNode(const_cast<CPLXMLNode*>(n), "General_Info"))
            product = n;
    const CPLXMLNode* characteristics =
        child(child(product, {"General_Info"}), {"Product_Image_Characteristics", "L2A_Product_Image_Characteristics"});
    if (!characteristics)
        throw SceneError(metadataFile, "has no Product_Image_Characteristics: not a Sentinel-2 user product");
    Radiometry r;
    const CPLXMLNode* list = child(characteristics, {"QUANTIFICATION_VALUES_LIST", "L1C_L2A_Quantification_Values_List"});
    const CPLXMLNode* value = list ? child(list, {"BOA_QUANTIFICATION_VALUE", "L2A_BOA_QUANTIFICATION_VALUE"})
                                   : child(characteristics, {"QUANTIFICATION_VALUE"});
    r.quantification = value ? CPLAtof(CPLGetXMLValue(const_cast<CPLXMLNode*>(value), nullptr, "0")) : 0.0;
    if (!(r.quantification > 0.0))
        throw SceneError(metadataFile, "gives no positive quantification value: cannot scale digital numbers to reflectance");
    const CPLXMLNode* offsets = child(characteristics, {"Radiometric_Offset_List", "BOA_ADD_OFFSET_VALUES_LIST"});
    for (const CPLXMLNode* o = offsets ? offsets->psChild : nullptr; o; o = o->psNext) {
        if (o->eType != CXT_Element)
            continue;
        const int id = atoi(CPLGetXMLValue(const_cast<CPLXMLNode*>(o), "band_id", "-1"));
        if (id >= 0 && id < static_cast<int>(kBandOrder.size()))
            r.offsets[kBandOrder[id]] = CPLAtof(CPLGetXMLValue(const_cast<CPLXMLNode*>(o), nullptr, "0"));
    }
    return r;
}

// The subdataset of the finest resolution that holds the composite's bands.
std::string compositeSubdataset(GDALDataset& product, const std::string& file)
{
    char** subdatasets = product.GetMetadata("SUBDATASETS");
    for (const char* resolution : {":10m:", ":20m:", ":60m:"})
        for (int i = 1;; ++i) {
            const char* name = CSLFetchNameValue(subdatasets, ("SUBDATASET_" + std::to_string(i) + "_NAME").c_str());
            if (!name)
                break;
            const char* desc = CSLFetchNameValue(subdatasets, ("SUBDATASET_" + std::to_string(i) + "_DESC").c_str());
            const std::string d = desc ? desc : "";
            if (std::string(name).find(resolution) != std::string::npos && d.find("B2,") != std::string::npos
                && d.find("B3,") != std::string::npos && d.find("B4") != std::string::npos)
                return name;
        }
    throw SceneError(file, "has no subdataset with the bands B02, B03 and B04");
}


// The red, green and blue band files the metadata lists (IMAGE_FILE, the
// JPEG 2000 extension left out) must all be there: GDAL's driver would fail
// only when reading, without naming the file.
void requireCompositeBandFiles(const std::string& metadataFile)
{
    const std::string base = fs::path(metadataFile).parent_path().string();
    std::string missing;
    for (const std::string& image : xmlValues(metadataFile, "IMAGE_FILE"))
        for (const char* band : {"B02", "B03", "B04"}) { // as the files name them
            const auto at = image.find(std::string("_") + band);
            const std::size_t after = at + 1 + std::strlen(band);
            VSIStatBufL stat;
            if (at != std::string::npos && (after == image.size() || image[after] == '_')
                && VSIStatL((base + "/" + image + ".jp2").c_str(), &stat) != 0)
                missing += (missing.empty() ? "" : ", ") + image + ".jp2";
        }
    if (!missing.empty())
        throw SceneError(metadataFile, "the product is incomplete: band files it lists are missing: " + missing);
}
} // namespace

std::string sentinel2Metadata(const std::string& safeFolder)
{
    for (const char* name : {"MTD_MSIL1C.xml", "MTD_MSIL2A.xml"})
        if (fs::is_regular_file(fs::path(safeFolder) / name))
            return (fs::path(safeFolder) / name).string();
    return {};
}

GDALDataset* openSentinel2Reflectance(const std::string& path, Sentinel2Description* description)
{
    GdalSession::ensure();
    const bool folder = fs::is_directory(path);
    const std::string file = folder ? sentinel2Metadata(path) : path;
    if (file.empty())
        throw SceneError(path, "holds neither MTD_MSIL1C.xml nor MTD_MSIL2A.xml: not a Sentinel-2 SAFE product");
    DatasetPtr product = openDataset(file);
    if (!product || !EQUAL(product->GetDriver()->GetDescription(), "SENTINEL2"))
        throw SceneError(file, withGdalReason("GDAL's SENTINEL2 driver does not open it"));
    const std::string level = product->GetMetadataItem("PROCESSING_LEVEL") ? product->GetMetadataItem("PROCESSING_LEVEL") : "";
    if (level != "Level-1C" && level != "Level-2A")
        throw SceneError(file, "is a " + (level.empty() ? std::string("Sentinel-2 product of unknown level") : level)
                                   + " product; Banquise reads Level-1C and Level-2A (orthorectified tiles)");
    // The user metadata: the file itself, or the one inside the zip.
    std::string metadataFile = file;
    if (!folder && fs::path(file).extension() == ".zip") {
        const std::string inside = "/vsizip/" + file;
        char** entries = VSIReadDirRecursive(inside.c_str());
        for (char** e = entries; e && *e; ++e) {
            const std::string name = fs::path(*e).filename().string();
            if (name == "MTD_MSIL1C.xml" || name == "MTD_MSIL2A.xml")
                metadataFile = inside + "/" + *e;
        }
        CSLDestroy(entries);
    }
    const Radiometry radiometry = readRadiometry(metadataFile);
    requireCompositeBandFiles(metadataFile);

    const std::string subdataset = compositeSubdataset(*product, file);
    DatasetPtr bands = openDataset(subdataset);
    if (!bands)
        throw SceneError(file, withGdalReason("cannot open its subdataset " + subdataset));
    std::vector<std::string> argv;
    for (const char* wanted : kComposite) {
        int found = 0;
        for (int b = 1; b <= bands->GetRasterCount() && !found; ++b) {
            const char* name = bands->GetRasterBand(b)->GetMetadataItem("BANDNAME");
            if (name && EQUAL(name, wanted))
                found = b;
        }
        if (!found)
            throw SceneError(file, std::string("its subdataset has no band ") + wanted);
        argv.insert(argv.end(), {"-b", std::to_string(found)});
    }
    argv.insert(argv.end(), {"-of", "VRT", "-a_nodata", "0"});
    std::vector<char*> args;
    for (auto& a : argv)
        args.push_back(a.data());
    args.push_back(nullptr);
    std::unique_ptr<GDALTranslateOptions, decltype(&GDALTranslateOptionsFree)> options(GDALTranslateOptionsNew(args.data(), nullptr),
                                                                                        GDALTranslateOptionsFree);
    // Written to memory and opened again: the VRT then opens its sources by
    // name, and outlives the subdataset opened here.
    static std::atomic<int> serial{0};
    const std::string vrt = "/vsimem/banquise_sentinel2_" + std::to_string(++serial) + ".vrt";
    GDALDatasetH written = GDALTranslate(vrt.c_str(), bands.get(), options.get(), nullptr);
    if (!written)
        throw SceneError(file, withGdalReason("cannot select its red, green and blue bands"));
    GDALClose(written);
    GDALDataset* composite = openDataset(vrt).release();
    VSIUnlink(vrt.c_str());
    if (!composite)
        throw SceneError(file, withGdalReason("cannot open the selection of its red, green and blue bands"));
    for (int b = 1; b <= 3; ++b) {
        GDALRasterBand* band = composite->GetRasterBand(b);
        const auto offset = radiometry.offsets.find(kComposite[b - 1]);
        band->SetScale(1.0 / radiometry.quantification);
        band->SetOffset((offset == radiometry.offsets.end() ? 0.0 : offset->second) / radiometry.quantification);
    }
    if (description) {
        description->level = level;
        const char* spacecraft = product->GetMetadataItem("DATATAKE_1_SPACECRAFT_NAME");
        description->spacecraft = spacecraft ? spacecraft : "Sentinel-2";
        const char* baseline = product->GetMetadataItem("PROCESSING_BASELINE");
        description->baseline = baseline ? baseline : "";
        const char* start = product->GetMetadataItem("DATATAKE_1_DATATAKE_SENSING_START");
        if (!start)
            start = product->GetMetadataItem("PRODUCT_START_TIME");
        const auto t = start ? parseUtc(start) : std::nullopt;
        description->time = t ? *t : 0.0;
    }
    composite->SetMetadataItem("ACQUISITION_TIME", product->GetMetadataItem("PRODUCT_START_TIME"));
    return composite;
}

} // namespace banquise::scene
