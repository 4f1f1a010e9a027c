#include "scene/synthetic/SyntheticTruth.h"

#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/SceneError.h"

#include <filesystem>

namespace banquise::scene::synthetic {

cv::Mat1f readFloatRaster(const std::string& path, int band)
{
    GdalSession::ensure();
    DatasetPtr ds = openDataset(path);
    if (!ds)
        throw SceneError(path, withGdalReason("cannot open the truth raster"));
    if (band < 1 || band > ds->GetRasterCount())
        throw SceneError(path, "has no band " + std::to_string(band));
    cv::Mat1f values(ds->GetRasterYSize(), ds->GetRasterXSize());
    if (ds->GetRasterBand(band)->RasterIO(GF_Read, 0, 0, values.cols, values.rows, values.ptr<float>(), values.cols, values.rows,
                                          GDT_Float32, 0, 0) != CE_None)
        throw SceneError(path, withGdalReason("cannot read band " + std::to_string(band)));
    return values;
}

SyntheticTruth readSyntheticTruth(const std::string& sceneFolder)
{
    const std::filesystem::path truth = std::filesystem::path(sceneFolder) / "truth";
    SyntheticTruth result;
    readFloatRaster((truth / "surface_class.tif").string()).convertTo(result.surface, CV_8U);
    result.freeboard = readFloatRaster((truth / "freeboard.tif").string());
    if (std::filesystem::exists(truth / "sigma0_hh.tif"))
        result.sigma0Hh = readFloatRaster((truth / "sigma0_hh.tif").string());
    if (std::filesystem::exists(truth / "roughness.tif"))
        result.roughness = readFloatRaster((truth / "roughness.tif").string());
    if (std::filesystem::exists(truth / "lead_width.tif"))
        readFloatRaster((truth / "lead_width.tif").string()).convertTo(result.leadWidth, CV_8U);
    if (result.freeboard.size() != result.surface.size())
        throw SceneError((truth / "freeboard.tif").string(), "is not the size of the surface-class truth");
    return result;
}

} // namespace banquise::scene::synthetic
