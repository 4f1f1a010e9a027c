#include "models/PredictionLayers.h"

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
    auto add = [&](const char* name, scene::Quantity quantity, const char* units, const cv::Mat1f& values) {
        scene::LayerInfo info;
        info.name = name;
        info.sensor = "Banquise model";
        info.units = units;
        info.quantity = quantity;
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
    add("Model classes", scene::Quantity::SeaIceClass, "", codes);
    add("Model class entropy", scene::Quantity::Other, "nats", prediction.entropy);
    add("Model despeckled HH", scene::Quantity::Other, "dB", prediction.despeckledDb);
    if (!prediction.elevation.empty()) {
        add("Model freeboard", scene::Quantity::Freeboard, "m", prediction.elevation);
        add("Model freeboard std", scene::Quantity::Other, "m", prediction.elevationStd);
        const ThicknessMap thickness = thicknessMap(prediction);
        add("Model thickness", scene::Quantity::Other, "m", thickness.thickness);
        add("Model thickness std", scene::Quantity::Other, "m", thickness.sigma);
    }
    return layers;
}

} // namespace banquise::models
