#include "labeling/ModelLabels.h"

#include "labeling/LabelLayer.h"
#include "models/SeaIceClasses.h"

#include <opencv2/core.hpp>

#include <array>

namespace banquise::labeling {

int modelClassOf(LabelCode code)
{
    switch (code) {
    case LabelCode::Floe: return models::kFloe;
    case LabelCode::OpenLead: return models::kOpenLead;
    case LabelCode::RefrozenLead: return models::kRefrozenLead;
    case LabelCode::Unknown: break;
    }
    return -1;
}

std::uint8_t labelCodeOfModelClass(std::uint8_t modelClass)
{
    for (const auto& c : labelClasses())
        if (modelClassOf(c.code) == modelClass)
            return static_cast<std::uint8_t>(c.code);
    return LabelLayer::kUnlabelled;
}

cv::Mat1b modelClassesOf(const LabelLayer& labels)
{
    std::array<std::uint8_t, 256> toModel;
    toModel.fill(models::kNoClass);
    for (const auto& c : labelClasses())
        if (modelClassOf(c.code) >= 0)
            toModel[static_cast<std::size_t>(c.code)] = static_cast<std::uint8_t>(modelClassOf(c.code));
    const auto dense = labels.toDense();
    cv::Mat1b classes(labels.grid().height(), labels.grid().width());
    for (std::size_t i = 0; i < dense.size(); ++i)
        classes(static_cast<int>(i / classes.cols), static_cast<int>(i % classes.cols)) = toModel[dense[i]];
    return classes;
}

LabelSplit splitLabels(const std::vector<Annotation>& annotations, const scene::AnalysisGrid& grid, int heldOutEvery)
{
    LabelLayer training(scene::LayerInfo{}, grid);
    LabelLayer heldOut(scene::LayerInfo{}, grid);
    for (const auto& a : annotations)
        (heldOutEvery > 0 && a.id % heldOutEvery == 0 ? heldOut : training).paint(a);
    LabelSplit split{modelClassesOf(training), modelClassesOf(heldOut)};
    split.trainingPixels = cv::countNonZero(split.training != models::kNoClass);
    split.heldOutPixels = cv::countNonZero(split.heldOut != models::kNoClass);
    return split;
}

} // namespace banquise::labeling
