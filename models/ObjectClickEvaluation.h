#pragma once

#include "models/ObjectClickProtocol.h"

#include <opencv2/core/mat.hpp>

#include <initializer_list>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace banquise::models {

class SeaIceModel;
struct ModelInputs;

// The per-object click protocol over whole scenes (ObjectClickProtocol.h):
// every whole kObjectClickTile² tile, at most kObjectsPerClass objects of
// each class per tile (a fixed shuffle), each refined by the model, by the
// paint control and by the local-correction ceiling. Runs are kept by
// group: "floe", "lead" (at least kMinLeadWidthPx wide) and "thin" (narrower
// leads, scored by centre-line recall).
constexpr int kObjectClickTile = 256;
constexpr std::size_t kObjectsPerClass = 40;

using ClickRuns = std::vector<std::vector<double>>;

struct ObjectClickRuns {
    std::map<std::string, ClickRuns> model;
    std::map<std::string, ClickRuns> paint;
    std::map<std::string, ClickRuns> ceiling;
    std::vector<std::string> leftOut; // what could not be measured, and why
};

// Adds the runs of the scene's tiles (every `tileStride`-th); `name` names
// the scene in the notes of what was left out (a tile without objects, a
// scene smaller than a tile). `truth`: SeaIceClass per grid pixel.
void measureObjectClicks(const SeaIceModel& model, const ModelInputs& inputs, const cv::Mat1b& truth, const std::string& name,
                         ObjectClickRuns& runs, std::mt19937& rng, int tileStride = 1);

// The mean score after 0, 1, ... kMaxObjectClicks clicks.
std::vector<double> meanClickCurve(const ClickRuns& runs);
// The runs of several groups as one.
ClickRuns joinedRuns(const std::map<std::string, ClickRuns>& groups, std::initializer_list<const char*> names);

} // namespace banquise::models
