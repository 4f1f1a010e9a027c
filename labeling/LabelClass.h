#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace banquise::labeling {

// The classes a user labels; codes are what the label rasters and the
// project store hold, so they never change meaning.
enum class LabelCode : std::uint8_t { Unknown = 0, Floe = 1, OpenLead = 2, RefrozenLead = 3 };

struct LabelClass {
    LabelCode code;
    const char* name;
    std::array<std::uint8_t, 3> colour; // sRGB, shown in every view
    char shortcut;                       // keyboard key selecting the class
};

const std::array<LabelClass, 4>& labelClasses();
const LabelClass& labelClass(LabelCode code);
// nullptr when no class has that name.
const LabelClass* findLabelClass(const std::string& name);

} // namespace banquise::labeling
