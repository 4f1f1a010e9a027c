#pragma once

#include "app/CliOptions.h"

namespace banquise::app {

// banquise-cli batch --manifest M --out DIR --model V [--jobs N] [--mc N] [--tile PX]
//                    [--loto yes] [--epsg CODE] [--pixel-size M] [--status] [--scene NAME]
int batchCommand(const Arguments& args);

} // namespace banquise::app
