#pragma once

// A Sentinel-2 user product in ESA's SAFE layout (user metadata, tile
// metadata, JPEG 2000 bands in the granule's IMG_DATA), small enough for a
// test, written through GDAL so that GDAL's SENTINEL2 driver reads it as it
// reads a product from the Copernicus hub.
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace banquise::tests {

struct Sentinel2SafeSpec {
    bool levelTwoA = true;          // L2A (BOA) or L1C (TOA)
    std::string baseline = "05.09"; // offsets are written from 04.00 on
    int epsg = 32633;
    double ulx = 400000.0;
    double uly = 8700000.0;
    int width = 300; // 10 m pixels
    int height = 240;
    double quantification = 10000.0;
    double offset = -1000.0;
    std::string start = "2024-03-14T11:42:09.024Z";
    // Digital number of a band ("B02", "B03", "B04") at (column, row).
    std::function<int(const std::string&, int, int)> digitalNumber;
};

// Writes <folder>/<name>.SAFE and returns the SAFE folder's path.
inline std::string writeSentinel2Safe(const std::string& folder, const Sentinel2SafeSpec& s)
{
    namespace fs = std::filesystem;
    const std::string level = s.levelTwoA ? "2A" : "1C";
    const std::string tile = "T33XWG";
    const std::string name = "S2B_MSIL" + level + "_20240314T114209_N" + s.baseline.substr(0, 2) + s.baseline.substr(3, 2)
        + "_R066_" + tile + "_20240314T130000";
    const fs::path safe = fs::path(folder) / (name + ".SAFE");
    const std::string granule = "L" + level + "_" + tile + "_A036789_20240314T114209";
    const std::string imageFolder = s.levelTwoA ? "IMG_DATA/R10m" : "IMG_DATA";
    fs::create_directories(safe / "GRANULE" / granule / imageFolder);
    const std::vector<std::string> bands{"B02", "B03", "B04"};
    const std::map<std::string, int> bandId{{"B02", 1}, {"B03", 2}, {"B04", 3}};

    std::string images;
    GDALAllRegister();
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDriver* jp2 = GetGDALDriverManager()->GetDriverByName("JP2OpenJPEG");
    OGRSpatialReference srs;
    srs.importFromEPSG(s.epsg);
    double transform[6] = {s.ulx, 10.0, 0.0, s.uly, 0.0, -10.0};
    for (const auto& band : bands) {
        const std::string stem = tile + "_20240314T114209_" + band + (s.levelTwoA ? "_10m" : "");
        images += "<IMAGE_FILE>GRANULE/" + granule + "/" + imageFolder + "/" + stem + "</IMAGE_FILE>\n";
        GDALDataset* ds = mem->Create("", s.width, s.height, 1, GDT_UInt16, nullptr);
        ds->SetGeoTransform(transform);
        ds->SetSpatialRef(&srs);
        std::vector<GUInt16> values(static_cast<std::size_t>(s.width) * s.height);
        for (int r = 0; r < s.height; ++r)
            for (int c = 0; c < s.width; ++c)
                values[static_cast<std::size_t>(r) * s.width + c] = static_cast<GUInt16>(s.digitalNumber(band, c, r));
        if (ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, s.width, s.height, values.data(), s.width, s.height, GDT_UInt16, 0, 0) != CE_None)
            throw std::runtime_error("cannot fill the band " + band);
        const char* options[] = {"REVERSIBLE=YES", "QUALITY=100", nullptr};
        const fs::path file = safe / "GRANULE" / granule / imageFolder / (stem + ".jp2");
        GDALClose(jp2->CreateCopy(file.string().c_str(), ds, FALSE, const_cast<char**>(options), nullptr, nullptr));
        GDALClose(ds);
    }

    const std::string q = std::to_string(static_cast<int>(s.quantification));
    const bool offsets = s.baseline >= "04.00";
    std::string radiometry;
    if (s.levelTwoA) {
        radiometry = "<QUANTIFICATION_VALUES_LIST><BOA_QUANTIFICATION_VALUE unit=\"none\">" + q
            + "</BOA_QUANTIFICATION_VALUE><AOT_QUANTIFICATION_VALUE unit=\"none\">1000.0</AOT_QUANTIFICATION_VALUE>"
              "</QUANTIFICATION_VALUES_LIST>\n";
        if (offsets) {
            radiometry += "<BOA_ADD_OFFSET_VALUES_LIST>";
            for (const auto& [band, id] : bandId)
                radiometry += "<BOA_ADD_OFFSET band_id=\"" + std::to_string(id) + "\">" + std::to_string(static_cast<int>(s.offset)) + "</BOA_ADD_OFFSET>";
            radiometry += "</BOA_ADD_OFFSET_VALUES_LIST>\n";
        }
    } else {
        radiometry = "<QUANTIFICATION_VALUE unit=\"none\">" + q + "</QUANTIFICATION_VALUE>\n";
        if (offsets) {
            radiometry += "<Radiometric_Offset_List>";
            for (const auto& [band, id] : bandId)
                radiometry += "<RADIO_ADD_OFFSET band_id=\"" + std::to_string(id) + "\">" + std::to_string(static_cast<int>(s.offset)) + "</RADIO_ADD_OFFSET>";
            radiometry += "</Radiometric_Offset_List>\n";
        }
    }
    const std::string xsd = s.levelTwoA ? "User_Product_Level-2A.xsd" : "User_Product_Level-1C.xsd";
    std::ofstream(safe / ("MTD_MSIL" + level + ".xml"))
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<n1:Level-" << level << "_User_Product xmlns:n1=\"https://psd-14.sentinel2.eo.esa.int/PSD/" << xsd << "\">\n"
        << "<n1:General_Info><Product_Info>\n"
        << "<PRODUCT_START_TIME>" << s.start << "</PRODUCT_START_TIME><PRODUCT_STOP_TIME>" << s.start << "</PRODUCT_STOP_TIME>\n"
        << "<PRODUCT_URI>" << name << ".SAFE</PRODUCT_URI><PROCESSING_LEVEL>Level-" << level << "</PROCESSING_LEVEL>\n"
        << "<PRODUCT_TYPE>S2MSI" << level << "</PRODUCT_TYPE><PROCESSING_BASELINE>" << s.baseline << "</PROCESSING_BASELINE>\n"
        << "<Datatake datatakeIdentifier=\"GS2B_20240314T114209_036789_N" << s.baseline << "\"><SPACECRAFT_NAME>Sentinel-2B</SPACECRAFT_NAME>"
        << "<DATATAKE_SENSING_START>" << s.start << "</DATATAKE_SENSING_START></Datatake>\n"
        << "<Query_Options completeSingleTile=\"true\"><PRODUCT_FORMAT>SAFE_COMPACT</PRODUCT_FORMAT></Query_Options>\n"
        << "<Product_Organisation><Granule_List><Granule datastripIdentifier=\"DS\" granuleIdentifier=\"" << granule
        << "\" imageFormat=\"JPEG2000\">\n" << images << "</Granule></Granule_List></Product_Organisation>\n"
        << "</Product_Info><Product_Image_Characteristics>\n"
        << "<Special_Values><SPECIAL_VALUE_TEXT>NODATA</SPECIAL_VALUE_TEXT><SPECIAL_VALUE_INDEX>0</SPECIAL_VALUE_INDEX></Special_Values>\n"
        << "<Special_Values><SPECIAL_VALUE_TEXT>SATURATED</SPECIAL_VALUE_TEXT><SPECIAL_VALUE_INDEX>65535</SPECIAL_VALUE_INDEX></Special_Values>\n"
        << radiometry << "</Product_Image_Characteristics></n1:General_Info>\n"
        << "</n1:Level-" << level << "_User_Product>\n";
    std::ofstream(safe / "GRANULE" / granule / "MTD_TL.xml")
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<n1:Level-" << level << "_Tile_ID xmlns:n1=\"https://psd-14.sentinel2.eo.esa.int/PSD/S2_PDI_Level-" << level << "_Tile_Metadata.xsd\">\n"
        << "<n1:General_Info><SENSING_TIME>" << s.start << "</SENSING_TIME></n1:General_Info>\n"
        << "<n1:Geometric_Info><Tile_Geocoding><HORIZONTAL_CS_CODE>EPSG:" << s.epsg << "</HORIZONTAL_CS_CODE>\n"
        << "<Size resolution=\"10\"><NROWS>" << s.height << "</NROWS><NCOLS>" << s.width << "</NCOLS></Size>\n"
        << "<Geoposition resolution=\"10\"><ULX>" << s.ulx << "</ULX><ULY>" << s.uly << "</ULY><XDIM>10</XDIM><YDIM>-10</YDIM></Geoposition>\n"
        << "</Tile_Geocoding></n1:Geometric_Info></n1:Level-" << level << "_Tile_ID>\n";
    return safe.string();
}

} // namespace banquise::tests
