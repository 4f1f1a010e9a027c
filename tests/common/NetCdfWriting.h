#pragma once

// Writing test products in netCDF-4 through GDAL's multidimensional API:
// a file, variables filled from doubles (stored as the given type), text
// attributes. Errors throw std::runtime_error naming what failed.
#include <gdal_priv.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace banquise::tests {

inline std::unique_ptr<GDALDataset> createNetCdf4(const std::string& path)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("netCDF");
    const char* options[] = {"FORMAT=NC4", nullptr};
    std::unique_ptr<GDALDataset> ds(driver->CreateMultiDimensional(path.c_str(), nullptr, const_cast<char**>(options)));
    if (!ds)
        throw std::runtime_error("cannot create " + path);
    return ds;
}

inline std::shared_ptr<GDALMDArray> writeVariable(const std::shared_ptr<GDALGroup>& group, const std::string& name,
                                                  const std::vector<std::shared_ptr<GDALDimension>>& dims,
                                                  const std::vector<double>& values, GDALDataType storage = GDT_Float64)
{
    auto array = group->CreateMDArray(name, dims, GDALExtendedDataType::Create(storage));
    std::vector<GUInt64> start(dims.size(), 0);
    std::vector<size_t> count;
    for (const auto& d : dims)
        count.push_back(static_cast<size_t>(d->GetSize()));
    if (!array || !array->Write(start.data(), count.data(), nullptr, nullptr, GDALExtendedDataType::Create(GDT_Float64), values.data()))
        throw std::runtime_error("cannot write the variable " + name);
    return array;
}

inline void writeText(const std::shared_ptr<GDALIHasAttribute>& owner, const std::string& name, const std::string& value)
{
    auto attribute = owner->CreateAttribute(name, {}, GDALExtendedDataType::CreateString());
    if (!attribute || !attribute->Write(value.c_str()))
        throw std::runtime_error("cannot write the attribute " + name);
}

inline void writeNumber(const std::shared_ptr<GDALIHasAttribute>& owner, const std::string& name, double value)
{
    auto attribute = owner->CreateAttribute(name, {}, GDALExtendedDataType::Create(GDT_Float64));
    if (!attribute || !attribute->Write(value))
        throw std::runtime_error("cannot write the attribute " + name);
}

} // namespace banquise::tests
