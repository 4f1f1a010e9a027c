#pragma once

#include <string>
#include <vector>

class GDALDataset;

namespace banquise::scene {

// An ice chart of SIGRID-3 polygons (shapefile or GeoPackage, as the
// Canadian Ice Service, the US NIC and DMI publish them): which of the
// fields CT, CA, CB, CC (concentrations), SA, SB, SC (stages of
// development) and FA, FB, FC (forms) its first layer carries (names in any
// case). Not recognised without CT.
struct IceChartInfo {
    bool recognised = false;
    std::vector<std::string> fields; // upper case, in the order above
    long long polygons = 0;
};
IceChartInfo describeIceChart(const std::string& file);

// One field of the chart burnt onto a raster in the chart's own CRS (2 000
// cells across its extent): concentrations in percent, stages and forms as
// their codes; polygons without a value (empty, -9) as no data (NaN). The
// caller closes it with GDALClose. Throws SceneError naming the file, the
// polygon and the code when a code is not SIGRID-3's, or naming the field
// when the chart lacks it.
GDALDataset* openIceChartField(const std::string& file, const std::string& field);

} // namespace banquise::scene
