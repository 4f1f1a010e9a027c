#pragma once

#include <gdal_priv.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace banquise::tests {

// Sets the quality flag of every pixel of both sides of a SWOT L2 LR
// netCDF to bad (2); false when the file cannot be updated.
inline bool flagEverySwotPixel(const std::string& file)
{
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(
        static_cast<GDALDataset*>(GDALOpenEx(file.c_str(), GDAL_OF_MULTIDIM_RASTER | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
    if (!ds)
        return false;
    for (const char* side : {"left", "right"}) {
        auto quality = ds->GetRootGroup()->OpenGroup(side)->OpenMDArray("ssh_karin_2_qual");
        std::vector<size_t> count;
        std::size_t total = 1;
        for (const auto& d : quality->GetDimensions()) {
            count.push_back(static_cast<size_t>(d->GetSize()));
            total *= count.back();
        }
        const std::vector<GUInt64> start(count.size(), 0);
        const std::vector<std::uint8_t> bad(total, 2);
        if (!quality->Write(start.data(), count.data(), nullptr, nullptr, GDALExtendedDataType::Create(GDT_Byte), bad.data()))
            return false;
    }
    return true;
}

} // namespace banquise::tests
