#include "scene/synthetic/SensorMode.h"

#include "scene/SceneError.h"

#include <algorithm>
#include <cctype>

namespace banquise::scene::synthetic {

const SensorMode& sensorMode(const std::string& name)
{
    static const SensorMode kEw{"EW", "M", 40.0, 93.0, 87.0, 10.7, 400000.0, 18.9, 47.0, 5, 20000.0, 10.0};
    static const SensorMode kIw{"IW", "H", 10.0, 20.0, 22.0, 4.4, 250000.0, 29.1, 46.0, 3, 20000.0, 2.5};
    std::string upper = name;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (upper == "EW")
        return kEw;
    if (upper == "IW")
        return kIw;
    throw SceneError("", "unknown Sentinel-1 mode '" + name + "' (known: ew, iw)");
}

} // namespace banquise::scene::synthetic
