#include "models/PredictionLayers.h"

#include "models/PredictionMaps.h"
#include "models/PredictionRasters.h"
#include "models/SeaIceClasses.h"
#include "models/SeaIceModel.h"
#include "scene/RasterLayer.h"

#include <cmath>

namespace banquise::models {

std::vector<std::shared_ptr<const scene::Layer>> predictionLayers(const Prediction& prediction, const scene::AnalysisGrid& grid,
                                                                  double time, const std::string& source)
{
    std::vector<std::shared_ptr<const scene::Layer>> layers;
    // Names, quantities and units as when a prediction folder is opened.
    auto add = [&](const char* file, const cv::Mat1f& values) {
        const PredictionMap& map = predictionMap(file);
        scene::LayerInfo info;
        info.name = map.layerName;
        info.sensor = "Banquise model";
        info.units = map.units;
        info.quantity = map.quantity;
        info.time = time;
        info.sourceFile = source;
        layers.push_back(std::make_shared<scene::RasterLayer>(std::move(info), grid,
                                                              std::vector<std::vector<float>>{{values.begin(), values.end()}}));
    };
    cv::Mat1f codes(prediction.classes.size());
    for (int r = 0; r < codes.rows; ++r)
        for (int c = 0; c < codes.cols; ++c) {
            const std::uint8_t k = prediction.classes(r, c);
            codes(r, c) = k < kClassCount ? static_cast<float>(k + 1) : std::nanf("");
        }
    add("class.tif", codes);
    add("entropy.tif", prediction.entropy);
    add("despeckled_hh_db.tif", prediction.despeckledDb);
    if (!prediction.elevation.empty()) {
        add("freeboard.tif", prediction.elevation);
        add("freeboard_std.tif", prediction.elevationStd);
        const ThicknessMap thickness = thicknessMap(prediction);
        add("thickness.tif", thickness.thickness);
        add("thickness_std.tif", thickness.sigma);
    }
    return layers;
}

} // namespace banquise::models
