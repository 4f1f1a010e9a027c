#include "labeling/LabelClass.h"

namespace banquise::labeling {

const std::array<LabelClass, 4>& labelClasses()
{
    // Colours readable over grey SAR: white-blue floes, dark-blue open water,
    // cyan young ice, neutral grey for "unknown".
    static const std::array<LabelClass, 4> classes{{
        {LabelCode::Unknown, "unknown", {128, 128, 128}, '0'},
        {LabelCode::Floe, "floe", {230, 240, 255}, '1'},
        {LabelCode::OpenLead, "open lead", {20, 60, 160}, '2'},
        {LabelCode::RefrozenLead, "refrozen lead", {60, 200, 220}, '3'},
    }};
    return classes;
}

const LabelClass& labelClass(LabelCode code)
{
    for (const auto& c : labelClasses())
        if (c.code == code)
            return c;
    return labelClasses().front();
}

const LabelClass* findLabelClass(const std::string& name)
{
    for (const auto& c : labelClasses())
        if (name == c.name)
            return &c;
    return nullptr;
}

} // namespace banquise::labeling
