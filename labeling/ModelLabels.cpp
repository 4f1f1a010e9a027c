#include "labeling/ModelLabels.h"

#include "labeling/LabelLayer.h"
#include "models/SeaIceClasses.h"

#include <array>

namespace banquise::labeling {

cv::Mat1b modelClassesOf(const LabelLayer& labels)
{
    std::array<std::uint8_t, 256> toModel;
    toModel.fill(models::kNoClass);
    toModel[static_cast<std::size_t>(LabelCode::Floe)] = models::kFloe;
    toModel[static_cast<std::size_t>(LabelCode::OpenLead)] = models::kOpenLead;
    toModel[static_cast<std::size_t>(LabelCode::RefrozenLead)] = models::kRefrozenLead;
    const auto dense = labels.toDense();
    cv::Mat1b classes(labels.grid().height(), labels.grid().width());
    for (std::size_t i = 0; i < dense.size(); ++i)
        classes(static_cast<int>(i / classes.cols), static_cast<int>(i % classes.cols)) = toModel[dense[i]];
    return classes;
}

} // namespace banquise::labeling
