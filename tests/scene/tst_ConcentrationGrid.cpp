#include "common/NetCdfWriting.h"
#include "common/TempSceneFolder.h"
#include "common/SceneErrorText.h"
#include "common/TestRegistry.h"

#include "scene/AnalysisGrid.h"
#include "scene/ConcentrationGrid.h"
#include "scene/GdalDataset.h"
#include "scene/ProductCatalog.h"
#include "scene/RasterLayer.h"
#include "scene/RasterOnGrid.h"
#include "scene/SceneAssembly.h"
#include "scene/SceneReader.h"
#include "scene/SceneError.h"
#include "scene/UtcTime.h"
#include "scene/synthetic/SyntheticScene.h"

#include <QTest>

#include <cmath>

using namespace banquise;
using namespace banquise::scene;

namespace {
constexpr int kColumns = 6;
constexpr int kRows = 5;
constexpr double kCellKm = 10.0;

struct Layout {
    // The projected centre (km, NSIDC polar stereographic north) of the north-west cell.
    double firstXcKm = -2300.0;
    double firstYcKm = 400.0;
    std::string conc = "ice_conc";
    std::string units = "%";
    bool fraction = false; // stored 0..1 (NSIDC) rather than 0..100 % in hundredths (OSI SAF)
    bool gridMapping = true;
    std::string mappingName = "polar_stereographic";
    bool declared = true; // the flag above 100 % declared (valid_max, or flag_values)
};

// An OSI SAF OSI-401-style file: ice_conc(time, yc, xc) int32, hundredths of a percent, fill -32767,
// flags beyond 100 %, status_flag(time, yc, xc) byte, xc / yc in km, a polar stereographic grid mapping.
void writeConcentration(const std::string& path, const Layout& layout)
{
    auto ds = tests::createNetCdf4(path);
    auto root = ds->GetRootGroup();
    tests::writeText(root, "institution", "EUMETSAT OSI SAF");
    auto time = root->CreateDimension("time", "", "", 1);
    auto yc = root->CreateDimension("yc", "", "", kRows);
    auto xc = root->CreateDimension("xc", "", "", kColumns);
    auto t = tests::writeVariable(root, "time", {time}, {*parseUtc("2024-03-14T12:00:00Z") - *parseUtc("1978-01-01T00:00:00Z")});
    tests::writeText(t, "units", "seconds since 1978-01-01 00:00:00");
    tests::writeText(t, "standard_name", "time");
    std::vector<double> x;
    std::vector<double> y;
    for (int c = 0; c < kColumns; ++c)
        x.push_back(layout.firstXcKm + kCellKm * c);
    for (int r = 0; r < kRows; ++r)
        y.push_back(layout.firstYcKm - kCellKm * r); // rows from the north
    auto xv = tests::writeVariable(root, "xc", {xc}, x);
    tests::writeText(xv, "units", "km");
    tests::writeText(xv, "standard_name", "projection_x_coordinate");
    tests::writeText(xv, "axis", "X");
    auto yv = tests::writeVariable(root, "yc", {yc}, y);
    tests::writeText(yv, "units", "km");
    tests::writeText(yv, "standard_name", "projection_y_coordinate");
    tests::writeText(yv, "axis", "Y");
    auto grid = root->CreateMDArray("Polar_Stereographic_Grid", {}, GDALExtendedDataType::Create(GDT_Int32));
    tests::writeText(grid, "grid_mapping_name", layout.mappingName);
    tests::writeNumber(grid, "straight_vertical_longitude_from_pole", -45.0);
    tests::writeNumber(grid, "latitude_of_projection_origin", 90.0);
    tests::writeNumber(grid, "standard_parallel", 70.0);
    tests::writeNumber(grid, "false_easting", 0.0);
    tests::writeNumber(grid, "false_northing", 0.0);
    tests::writeNumber(grid, "semi_major_axis", 6378273.0);
    tests::writeNumber(grid, "semi_minor_axis", 6356889.44891);
    if (layout.mappingName == "polar_stereographic")
        tests::writeText(grid, "proj4_string", "+proj=stere +a=6378273 +b=6356889.44891 +lat_0=90 +lat_ts=70 +lon_0=-45");
    // Every cell 80 %, but: (1, 1) 37 %, (2, 1) fill, (3, 1) a flag (110.56 %), (4, 1) open water.
    std::vector<double> raw(kColumns * kRows, layout.fraction ? 80 : 8000);
    raw[1 * kColumns + 1] = layout.fraction ? 37 : 3700;
    raw[1 * kColumns + 2] = -32767;
    raw[1 * kColumns + 3] = layout.fraction ? 254 : 11056;
    raw[1 * kColumns + 4] = 0;
    auto conc = tests::writeVariable(root, layout.conc, {time, yc, xc}, raw, GDT_Int32);
    conc->SetNoDataValue(-32767.0);
    conc->SetScale(0.01);
    tests::writeText(conc, "standard_name", "sea_ice_area_fraction");
    tests::writeText(conc, "units", layout.units);
    if (layout.gridMapping)
        tests::writeText(conc, "grid_mapping", "Polar_Stereographic_Grid");
    tests::writeText(conc, "ancillary_variables", "total_standard_error status_flag");
    if (layout.declared && layout.fraction) {
        auto flags = conc->CreateAttribute("flag_values", {5}, GDALExtendedDataType::Create(GDT_Int32));
        const std::vector<double> codes{251, 252, 253, 254, 255};
        flags->Write(codes.data(), codes.size());
    } else if (layout.declared) {
        tests::writeNumber(conc, "valid_min", 0.0);
        tests::writeNumber(conc, "valid_max", 10000.0);
    }
    std::vector<double> status(kColumns * kRows, 0);
    status[1 * kColumns + 3] = 1; // land
    auto flag = tests::writeVariable(root, "status_flag", {time, yc, xc}, status, GDT_Byte);
    tests::writeText(flag, "grid_mapping", "Polar_Stereographic_Grid");
}

} // namespace

class TestConcentrationGrid : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cellsLandOnTheirPlaceInPercent_data()
    {
        QTest::addColumn<bool>("fraction");
        QTest::newRow("OSI SAF, hundredths of a percent") << false;
        QTest::newRow("NSIDC, fraction with flags beyond 1") << true;
    }
    void cellsLandOnTheirPlaceInPercent()
    {
        QFETCH(bool, fraction);
        tests::TempSceneFolder folder;
        const std::string file = folder.path("ice_conc_nh_polstere-100_multi_202403141200.nc");
        Layout layout;
        layout.fraction = fraction;
        layout.units = fraction ? "1" : "%";
        layout.conc = fraction ? "cdr_seaice_conc" : "ice_conc";
        writeConcentration(file, layout);
        const ConcentrationGridInfo info = describeConcentrationGrid(file);
        QVERIFY(info.recognised);
        QCOMPARE(info.variable, layout.conc);
        QCOMPARE(info.fraction, fraction);
        QCOMPARE(info.qualityVariable, std::string("status_flag"));
        QCOMPARE(formatUtc(info.time), std::string("2024-03-14T12:00:00Z"));
        QCOMPARE(info.source, std::string("EUMETSAT OSI SAF"));

        // A 1 km analysis grid in EPSG:3413 over the product's cells: each
        // cell's centre reads its value (the two ellipsoids differ by far less than a cell).
        const AnalysisGrid grid(3413, (layout.firstXcKm - 5.0) * 1000.0, (layout.firstYcKm + 5.0) * 1000.0, 1000.0, 60, 50);
        DatasetPtr percent(openConcentrationGrid(file));
        const auto bands = readRasterOnGrid(*percent, file, grid, "near");
        const auto at = [&](int col, int row) { return bands[0][static_cast<std::size_t>(row * 10 + 5) * grid.width() + col * 10 + 5]; };
        QVERIFY(std::abs(at(0, 0) - 80.0f) < 1e-3);
        QVERIFY(std::abs(at(1, 1) - 37.0f) < 1e-3);
        QVERIFY(std::isnan(at(2, 1))); // fill
        QVERIFY(std::isnan(at(3, 1))); // a flag beyond 100 %
        QCOMPARE(at(4, 1), 0.0f);      // open water is a value
        DatasetPtr status(openConcentrationQuality(file));
        const auto flags = readRasterOnGrid(*status, file, grid, "near");
        QCOMPARE(flags[0][static_cast<std::size_t>(15) * grid.width() + 35], 1.0f);
        QCOMPARE(flags[0][static_cast<std::size_t>(15) * grid.width() + 15], 0.0f);
    }

    void aSceneIngestsItAsConcentrationAndQuality()
    {
        tests::TempSceneFolder folder;
        synthetic::SynthOptions synth;
        synth.sizeKm = 8.0;
        const auto products = synthetic::writeSyntheticScene(synth, folder.path("synthetic"));
        // The scene lies within the grid's first cell (80 %).
        const MapPoint centre = AnalysisGrid(3413, 0, 0, 40, 1, 1).fromLonLat(synth.centre);
        Layout layout;
        layout.firstXcKm = centre.x / 1000.0;
        layout.firstYcKm = centre.y / 1000.0;
        const std::string osisaf = folder.path("ice_conc_nh_polstere-100_multi_202403141200.nc");
        writeConcentration(osisaf, layout);
        const Detection d = detectProducts({folder.path("synthetic") + "/" + products.sar, osisaf});
        QCOMPARE(d.products.size(), std::size_t(2));
        QCOMPARE(d.products[1].kind, std::string("concentration_grid"));
        QCOMPARE(d.products[1].sensor, std::string("EUMETSAT OSI SAF"));
        writeSceneManifest(d.products, gridForProducts(d.products), "ingested", folder.path("project"));
        const LoadedScene loaded = readScene(folder.path("project"));
        QVERIFY2(loaded.skippedLayers.empty(), loaded.skippedLayers.empty() ? "" : loaded.skippedLayers.front().c_str());
        const auto sic = std::dynamic_pointer_cast<const RasterLayer>(loaded.scene.findLayer("SIC ice_conc_nh_polstere-100_multi_202403141200"));
        QVERIFY(sic);
        QVERIFY(sic->info().quantity == Quantity::SeaIceConcentration);
        QCOMPARE(formatUtc(sic->info().time), std::string("2024-03-14T12:00:00Z"));
        for (float v : sic->band(0))
            QCOMPARE(v, 80.0f);
        QVERIFY(loaded.scene.findLayer("SIC status flag ice_conc_nh_polstere-100_multi_202403141200"));
        QCOMPARE(loaded.scene.layers().size(), std::size_t(4)); // HH, HV, the concentration and its flag
    }

    void whatCannotBeUsedIsNamed()
    {
        tests::TempSceneFolder folder;
        Layout unplaced;
        unplaced.gridMapping = false;
        writeConcentration(folder.path("unplaced.nc"), unplaced);
        QVERIFY(tests::sceneErrorOf([&] { describeConcentrationGrid(folder.path("unplaced.nc")); })
                    .contains("unplaced.nc: its sea-ice concentration 'ice_conc' names no grid mapping"));
        Layout kelvin;
        kelvin.units = "K";
        writeConcentration(folder.path("kelvin.nc"), kelvin);
        QVERIFY(tests::sceneErrorOf([&] { openConcentrationGrid(folder.path("kelvin.nc")); }).contains("are 'k': neither percent"));
        Layout unknownMapping;
        unknownMapping.mappingName = "rotated_banana";
        writeConcentration(folder.path("banana.nc"), unknownMapping);
        const QString banana = tests::sceneErrorOf([&] { openConcentrationGrid(folder.path("banana.nc")); });
        QVERIFY2(banana.contains("banana.nc: its grid mapping 'Polar_Stereographic_Grid' is 'rotated_banana', not a CF grid mapping"),
                 qPrintable(banana));
        Layout undeclared;
        undeclared.declared = false;
        writeConcentration(folder.path("above.nc"), undeclared);
        QVERIFY(tests::sceneErrorOf([&] { openConcentrationGrid(folder.path("above.nc")); })
                    .contains("above.nc: its sea-ice concentration 'ice_conc' reaches 110.56 %, beyond 100 %"));
        {
            auto ds = tests::createNetCdf4(folder.path("other.nc"));
            auto root = ds->GetRootGroup();
            tests::writeVariable(root, "sst", {root->CreateDimension("x", "", "", 2)}, {271.0, 272.0});
        }
        QVERIFY(!describeConcentrationGrid(folder.path("other.nc")).recognised);
        QVERIFY(tests::sceneErrorOf([&] { openConcentrationGrid(folder.path("other.nc")); }).contains("not a sea-ice concentration grid"));
    }
};

BANQUISE_REGISTER_TEST(TestConcentrationGrid);
#include "tst_ConcentrationGrid.moc"
