#pragma once

#include "scene/AnalysisGrid.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace banquise::labeling {

// A scene of the study: where its files are and the analysis grid its
// labels are drawn on.
struct SceneRecord {
    std::int64_t id = 0;
    std::string path; // the scene folder (scene.json)
    std::string name;
    scene::AnalysisGrid grid;
};

// A trained model the project knows: where its weights are, what it was
// fine-tuned from, and how it scored.
struct ModelVersion {
    std::int64_t id = 0;
    std::string name;
    std::string weightsPath;
    std::optional<std::int64_t> parentId;
    double time = 0.0;
    std::string parametersJson = "{}";
    std::map<std::string, double> metrics; // e.g. "miou_holdout"
};

// One round of an active-learning session: labels available when it ended,
// the model it produced and that model's held-out metrics.
struct ActiveLearningRound {
    std::int64_t id = 0;
    std::int64_t sessionId = 0;
    int index = 0;
    std::int64_t labelCount = 0;
    std::optional<std::int64_t> modelVersionId;
    double time = 0.0;
};

} // namespace banquise::labeling
