#pragma once

#include "app/CliOptions.h"

namespace banquise::app {

// banquise-cli label-export SCENE --project P --out FILE.tif|FILE.gpkg
int labelExportCommand(const Arguments& args);
// banquise-cli label-import SCENE --project P --file FILE (GeoPackage, shapefile, GeoTIFF mask)
int labelImportCommand(const Arguments& args);

} // namespace banquise::app
