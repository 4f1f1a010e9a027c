#pragma once

#include "app/CliOptions.h"

namespace banquise::app {

// banquise-cli compare --prediction P --swot S --out DIR [--scene SCENE] [--loto no] [--loto-steps N]
int compareCommand(const Arguments& args);

} // namespace banquise::app
