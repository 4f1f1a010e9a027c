#pragma once

#include "app/CliOptions.h"

namespace banquise::app {

// banquise-cli drift SCENE [--vectors CSV] [--buoys FILE...]
int driftCommand(const Arguments& args);

} // namespace banquise::app
