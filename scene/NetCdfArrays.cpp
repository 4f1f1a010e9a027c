#include "scene/NetCdfArrays.h"

#include "scene/GdalSession.h"
#include "scene/SceneError.h"

#include <gdal_priv.h>

#include <cmath>

namespace banquise::scene {

PhysicalArray readPhysical(const std::shared_ptr<GDALGroup>& group, const std::string& variable, const std::string& file)
{
    // Full names ("/gt1l/sea_ice_segments/latitude") reach into subgroups.
    auto array = variable.rfind('/', 0) == 0 ? group->OpenMDArrayFromFullname(variable) : group->OpenMDArray(variable);
    if (!array)
        throw SceneError(file, "has no variable '" + variable + "' (not the expected product layout?)");
    PhysicalArray out;
    std::size_t total = 1;
    for (const auto& dimension : array->GetDimensions()) {
        out.shape.push_back(static_cast<std::size_t>(dimension->GetSize()));
        total *= out.shape.back();
    }
    out.values.resize(total);
    const std::vector<GUInt64> start(out.shape.size(), 0);
    if (!array->Read(start.data(), out.shape.data(), nullptr, nullptr, GDALExtendedDataType::Create(GDT_Float64), out.values.data()))
        throw SceneError(file, "cannot read variable '" + variable + "' (" + GdalSession::lastError() + ")");
    bool hasFill = false;
    const double fill = array->GetNoDataValueAsDouble(&hasFill);
    bool hasScale = false;
    bool hasOffset = false;
    const double scale = array->GetScale(&hasScale);
    const double offset = array->GetOffset(&hasOffset);
    for (double& v : out.values) {
        if ((hasFill && v == fill) || !std::isfinite(v))
            v = std::nan("");
        else
            v = v * (hasScale ? scale : 1.0) + (hasOffset ? offset : 0.0);
    }
    return out;
}

} // namespace banquise::scene
