#pragma once

#include <gdal_priv.h> // GDALDataset, GDALClose (scene/ is GDAL's corner)

#include <memory>
#include <string>

namespace banquise::scene {

// Owning handle of a GDAL dataset, closed with GDALClose.
struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

// GDALOpenEx with read-only access; null when GDAL cannot open it.
DatasetPtr openDataset(const std::string& path, unsigned flags = GDAL_OF_RASTER);

// "reason (GDAL's last error message)", or the reason alone.
std::string withGdalReason(const std::string& reason);

} // namespace banquise::scene
