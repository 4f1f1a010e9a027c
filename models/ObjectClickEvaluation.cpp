#include "models/ObjectClickEvaluation.h"

#include "models/ModelInputs.h"
#include "models/SeaIceClasses.h"

#include <algorithm>
#include <iterator>

namespace banquise::models {

namespace {

std::string groupOf(const ClickObject& object)
{
    if (object.thin)
        return "thin";
    return object.modelClass == kFloe ? "floe" : "lead";
}

std::vector<ClickObject> sampledObjects(const cv::Mat1b& truthTile, std::mt19937& rng)
{
    std::map<int, std::vector<ClickObject>> byClass;
    for (auto& object : findClickObjects(truthTile))
        byClass[object.modelClass * 2 + (object.thin ? 1 : 0)].push_back(std::move(object));
    std::vector<ClickObject> kept;
    for (auto& [key, objects] : byClass) {
        std::shuffle(objects.begin(), objects.end(), rng);
        objects.resize(std::min(objects.size(), kObjectsPerClass));
        std::move(objects.begin(), objects.end(), std::back_inserter(kept));
    }
    return kept;
}

void measureTile(const SeaIceModel& model, const ModelInputs& inputs, const cv::Rect& tile, const cv::Mat1b& truth, const std::string& name,
                 ObjectClickRuns& runs, std::mt19937& rng)
{
    const cv::Mat1b truthTile = truth(tile).clone();
    const auto objects = sampledObjects(truthTile, rng);
    if (objects.empty()) {
        runs.leftOut.push_back(name + ": tile (" + std::to_string(tile.x) + ", " + std::to_string(tile.y) + ") has no object to click");
        return;
    }
    const InteractiveSegmentation interactive(model, inputs, tile);
    const PaintControl paint(interactive.classesWithoutClicks().clone(), truthTile, tile.tl());
    const LocalCorrectionOracle ceiling(interactive.classesWithoutClicks().clone(), truthTile, tile.tl());
    const auto clicked = [&interactive](const std::vector<Click>& clicks) { return interactive.classes(clicks); };
    for (const ClickObject& object : objects) {
        runs.model[groupOf(object)].push_back(refineObject(clicked, object, tile.tl()));
        runs.paint[groupOf(object)].push_back(refineObject(paint, object, tile.tl()));
        runs.ceiling[groupOf(object)].push_back(refineObject(ceiling, object, tile.tl()));
    }
}

} // namespace

void measureObjectClicks(const SeaIceModel& model, const ModelInputs& inputs, const cv::Mat1b& truth, const std::string& name,
                         ObjectClickRuns& runs, std::mt19937& rng, int tileStride)
{
    if (inputs.width() < kObjectClickTile || inputs.height() < kObjectClickTile) {
        runs.leftOut.push_back(name + ": smaller than one " + std::to_string(kObjectClickTile) + " px tile");
        return;
    }
    int index = 0;
    for (int row = 0; row + kObjectClickTile <= inputs.height(); row += kObjectClickTile)
        for (int column = 0; column + kObjectClickTile <= inputs.width(); column += kObjectClickTile)
            if (index++ % std::max(1, tileStride) == 0)
                measureTile(model, inputs, cv::Rect(column, row, kObjectClickTile, kObjectClickTile), truth, name, runs, rng);
}

std::vector<double> meanClickCurve(const ClickRuns& runs)
{
    std::vector<double> mean(kMaxObjectClicks + 1, 0.0);
    for (const auto& run : runs)
        for (std::size_t k = 0; k < mean.size(); ++k)
            mean[k] += run[k] / static_cast<double>(runs.size());
    return mean;
}

ClickRuns joinedRuns(const std::map<std::string, ClickRuns>& groups, std::initializer_list<const char*> names)
{
    ClickRuns all;
    for (const char* name : names)
        if (auto found = groups.find(name); found != groups.end())
            all.insert(all.end(), found->second.begin(), found->second.end());
    return all;
}

} // namespace banquise::models
