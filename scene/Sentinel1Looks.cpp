#include "scene/Sentinel1Looks.h"

#include <cctype>
#include <regex>

namespace banquise::scene {

std::optional<double> sentinel1EquivalentLooks(const std::string& path)
{
    static const std::regex kProductName("S1[A-D]_(IW|EW)_GRD([HM])_", std::regex::icase);
    std::smatch match;
    if (!std::regex_search(path, match, kProductName))
        return std::nullopt;
    std::string mode = match[1].str() + match[2].str();
    for (char& c : mode)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (mode == "IWH")
        return 4.4;
    if (mode == "EWM")
        return 10.7;
    return std::nullopt;
}

} // namespace banquise::scene
