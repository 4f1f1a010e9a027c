#pragma once

#include "scene/MapTypes.h"

#include <QString>

#include <vector>

namespace banquise::scene {
class AnalysisGrid;
}
namespace banquise::rendering {
class ViewScene;
}

namespace banquise::widgets {

// The status-bar text for a cursor position: grid CRS metres, latitude and
// longitude, then the value of every layer visible in any of the views
// (SAR also in dB), each layer once.
QString cursorReadout(const scene::AnalysisGrid& grid, const scene::MapPoint& p,
                      const std::vector<const rendering::ViewScene*>& views);

} // namespace banquise::widgets
