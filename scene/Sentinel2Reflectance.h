#pragma once

#include <string>

class GDALDataset;

namespace banquise::scene {

// What a Sentinel-2 product's user metadata says, for the catalogue.
struct Sentinel2Description {
    std::string level;      // "Level-1C" or "Level-2A"
    std::string spacecraft; // "Sentinel-2A", ...
    std::string baseline;   // processing baseline, e.g. "05.09"
    double time = 0.0;      // datatake sensing start, UTC seconds; 0 when absent
};

// Opens a Sentinel-2 L1C or L2A product (the SAFE folder, its MTD_MSIL1C.xml
// / MTD_MSIL2A.xml, or the zip as distributed) through GDAL's SENTINEL2
// driver and returns the red, green and blue bands (B04, B03, B02) at the
// finest resolution the product has them, as a VRT whose band scale and
// offset give reflectance: (DN + offset) / quantification, with the
// quantification value and the per-band radiometric offsets of the user
// metadata (TOA for L1C, BOA for L2A; the offsets exist since processing
// baseline 04.00 and GDAL 3.6 does not apply them). DN 0 is no data. The
// caller closes the dataset with GDALClose. Throws SceneError naming the
// file and the reason.
GDALDataset* openSentinel2Reflectance(const std::string& path, Sentinel2Description* description = nullptr);

// The user-product metadata file of a SAFE folder (MTD_MSIL1C.xml or
// MTD_MSIL2A.xml); empty when the folder holds none.
std::string sentinel2Metadata(const std::string& safeFolder);

} // namespace banquise::scene
