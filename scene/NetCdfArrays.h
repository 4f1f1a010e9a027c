#pragma once

#include <memory>
#include <string>
#include <vector>

class GDALGroup;

namespace banquise::scene {

// A variable read whole through GDAL's multidimensional API as physical
// values: scale and offset applied, fill values as NaN.
struct PhysicalArray {
    std::vector<double> values;
    std::vector<std::size_t> shape;
};

// Throws SceneError naming file and variable when it is missing or unreadable.
PhysicalArray readPhysical(const std::shared_ptr<GDALGroup>& group, const std::string& variable, const std::string& file);

} // namespace banquise::scene
