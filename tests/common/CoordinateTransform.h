#pragma once

#include <ogr_spatialref.h>

#include <memory>

namespace banquise::tests {

// EPSG to EPSG, x = longitude / easting first whatever the CRS's axis order.
inline std::unique_ptr<OGRCoordinateTransformation> transformBetween(int fromEpsg, int toEpsg)
{
    OGRSpatialReference from, to;
    from.importFromEPSG(fromEpsg);
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    to.importFromEPSG(toEpsg);
    to.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(&from, &to));
}

} // namespace banquise::tests
