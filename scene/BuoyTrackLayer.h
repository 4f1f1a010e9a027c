#pragma once

#include "scene/BuoyTracks.h"
#include "scene/Layer.h"

#include <memory>
#include <vector>

namespace banquise::scene {

class AnalysisGrid;
class TrackLayer;

// Buoys as a track layer the views draw like altimeter tracks: one line per
// buoy through its fixes on the grid within `windowSeconds` of the layer's
// time, each fix valued with the buoy's drift speed there (km/day, from the
// fixes either side). Not a freeboard: the models leave it alone. Throws
// SceneError naming the file when no fix falls on the grid in the window.
std::shared_ptr<TrackLayer> makeBuoyTrackLayer(LayerInfo info, const std::vector<BuoyTrack>& buoys, const AnalysisGrid& grid,
                                               double windowSeconds);

} // namespace banquise::scene
