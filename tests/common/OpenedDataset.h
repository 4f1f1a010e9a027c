#pragma once

#include <gdal_priv.h>

#include <string>

namespace banquise::tests {

// A raster opened read-only for a test's checks, closed with the test.
struct OpenedDataset {
    explicit OpenedDataset(const std::string& path, unsigned flags = GDAL_OF_RASTER)
        : ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), flags | GDAL_OF_READONLY, nullptr, nullptr, nullptr)))
    {
    }
    ~OpenedDataset() { GDALClose(ds); }
    OpenedDataset(const OpenedDataset&) = delete;
    OpenedDataset& operator=(const OpenedDataset&) = delete;
    GDALDataset* operator->() const { return ds; }
    GDALDataset* ds;
};

} // namespace banquise::tests
