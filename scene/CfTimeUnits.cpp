#include "scene/CfTimeUnits.h"

#include "scene/UtcTime.h"

#include <cstdio>
#include <sstream>

namespace banquise::scene {

namespace {
std::optional<double> secondsPer(const std::string& unit)
{
    for (const auto& [names, seconds] : {std::pair{"second seconds sec secs s", 1.0}, std::pair{"minute minutes min mins", 60.0},
                                         std::pair{"hour hours hr hrs h", 3600.0}, std::pair{"day days d", 86400.0}}) {
        std::istringstream words(names);
        for (std::string word; words >> word;)
            if (word == unit)
                return seconds;
    }
    return std::nullopt;
}
} // namespace

std::optional<CfTimeUnits> parseCfTimeUnits(const std::string& units)
{
    std::istringstream in(units);
    std::string unit;
    std::string since;
    std::string date;
    std::string time = "00:00:00";
    if (!(in >> unit >> since >> date) || since != "since")
        return std::nullopt;
    // "1950-01-01T00:00:00Z" in one word, or the time as a second word.
    if (const auto t = date.find('T'); t != std::string::npos) {
        time = date.substr(t + 1);
        date.resize(t);
    } else if (std::string word; in >> word) {
        time = word;
    }
    if (!time.empty() && time.back() == 'Z')
        time.pop_back();
    int h = 0;
    int m = 0;
    double s = 0.0;
    const int fields = std::sscanf(time.c_str(), "%d:%d:%lf", &h, &m, &s);
    if (fields < 2)
        return std::nullopt;
    char iso[64];
    std::snprintf(iso, sizeof iso, "%sT%02d:%02d:%09.6fZ", date.c_str(), h, m, fields == 3 ? s : 0.0);
    const auto seconds = secondsPer(unit);
    const auto epoch = parseUtc(iso);
    if (!seconds || !epoch)
        return std::nullopt;
    return CfTimeUnits{*seconds, *epoch};
}

} // namespace banquise::scene
