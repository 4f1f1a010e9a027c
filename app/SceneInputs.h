#pragma once

#include "models/ModelInputs.h"

#include <string>

namespace banquise::app {

// Reads a scene folder and gathers the models' inputs, printing what was
// skipped and the degraded modes taken (the CLI's model commands); only the
// layers `use` needs are read.
models::ModelInputs loadModelInputs(const std::string& folder, models::InputUse use = models::InputUse::Training);

} // namespace banquise::app
