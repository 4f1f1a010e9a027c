#include "common/CoordinateTransform.h"
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
#include <tuple>

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
    // OSI-408 / OSI-450's EASE-2 north grid (a Lambert azimuthal equal-area
    // "Lambert_Azimuthal_Grid" on WGS 84, i.e. EPSG:6931) instead of the
    // polar stereographic one.
    bool ease2 = false;
    const char* mappingVariable() const { return ease2 ? "Lambert_Azimuthal_Grid" : "Polar_Stereographic_Grid"; }
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
    auto grid = root->CreateMDArray(layout.mappingVariable(), {}, GDALExtendedDataType::Create(GDT_Int32));
    if (layout.ease2) {
        tests::writeText(grid, "grid_mapping_name", "lambert_azimuthal_equal_area");
        tests::writeNumber(grid, "longitude_of_projection_origin", 0.0);
        tests::writeNumber(grid, "latitude_of_projection_origin", 90.0);
        tests::writeNumber(grid, "false_easting", 0.0);
        tests::writeNumber(grid, "false_northing", 0.0);
        tests::writeNumber(grid, "semi_major_axis", 6378137.0);
        tests::writeNumber(grid, "inverse_flattening", 298.257223563);
        tests::writeText(grid, "proj4_string", "+proj=laea +lon_0=0 +datum=WGS84 +ellps=WGS84 +lat_0=90.0");
    } else {
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
    }
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
        tests::writeText(conc, "grid_mapping", layout.mappingVariable());
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
    tests::writeText(flag, "grid_mapping", layout.mappingVariable());
}

// NSIDC's polar stereographic north grid at 25 km (psn25), as the NOAA/NSIDC
// CDR (G02202, version 5) lays it out: 304 x 448 cells from x = -3 850 km,
// y = 5 850 km (NSIDC's seaice_ecdr, grid definitions).
constexpr int kPsnColumns = 304;
constexpr int kPsnRows = 448;
constexpr double kPsnLeft = -3850000.0;
constexpr double kPsnTop = 5850000.0;
constexpr double kPsnCell = 25000.0;

// Raw ubyte of cell (col, row): concentrations 0..100 in hundredths, the
// pole hole (241) north of 88 N's neighbourhood, land (254) in a block.
double cdrRaw(int col, int row)
{
    if (col >= 150 && col < 158 && row >= 230 && row < 238)
        return 241; // pole hole
    if (col >= 100 && col < 104 && row >= 200 && row < 204)
        return 254; // land mask
    return (col * 7 + row * 13) % 101;
}

// A daily NOAA/NSIDC CDR v5 file: cdr_seaice_conc(time, y, x) ubyte, scale
// 0.01, _FillValue 255, flag_values 241 252 253 254 255, units "1", a "crs"
// grid mapping on the Hughes 1980 ellipsoid (EPSG:3411) carrying its WKT,
// and the quality flags qa_of_cdr_seaice_conc (standard_name status_flag).
void writeNsidcCdr(const std::string& path)
{
    auto ds = tests::createNetCdf4(path);
    auto root = ds->GetRootGroup();
    tests::writeText(root, "title", "NOAA-NSIDC Climate Data Record of Passive Microwave Sea Ice Concentration Version 5");
    tests::writeText(root, "institution", "NSIDC > National Snow and Ice Data Center");
    tests::writeText(root, "Conventions", "CF-1.10, ACDD-1.3");
    auto time = root->CreateDimension("time", "", "", 1);
    auto y = root->CreateDimension("y", "", "", kPsnRows);
    auto x = root->CreateDimension("x", "", "", kPsnColumns);
    auto t = tests::writeVariable(root, "time", {time}, {(*parseUtc("2024-03-14T00:00:00Z")) / 86400.0});
    tests::writeText(t, "units", "days since 1970-01-01");
    tests::writeText(t, "standard_name", "time");
    tests::writeText(t, "calendar", "standard");
    std::vector<double> xs;
    std::vector<double> ys;
    for (int c = 0; c < kPsnColumns; ++c)
        xs.push_back(kPsnLeft + kPsnCell * (c + 0.5));
    for (int r = 0; r < kPsnRows; ++r)
        ys.push_back(kPsnTop - kPsnCell * (r + 0.5));
    for (auto& [name, values, axis] : {std::tuple{"x", xs, "X"}, std::tuple{"y", ys, "Y"}}) {
        auto v = tests::writeVariable(root, name, {std::string(name) == "x" ? x : y}, values);
        tests::writeText(v, "standard_name", std::string("projection_") + name + "_coordinate");
        tests::writeText(v, "axis", axis);
        tests::writeText(v, "units", "meters");
    }
    auto crs = root->CreateMDArray("crs", {}, GDALExtendedDataType::Create(GDT_Int32));
    tests::writeText(crs, "grid_mapping_name", "polar_stereographic");
    tests::writeNumber(crs, "false_easting", 0.0);
    tests::writeNumber(crs, "false_northing", 0.0);
    tests::writeNumber(crs, "semi_major_axis", 6378273.0);
    tests::writeNumber(crs, "inverse_flattening", 298.279411123064);
    tests::writeText(crs, "long_name", "NSIDC_NH_PolarStereo_25km");
    tests::writeNumber(crs, "straight_vertical_longitude_from_pole", -45.0);
    tests::writeNumber(crs, "latitude_of_projection_origin", 90.0);
    tests::writeNumber(crs, "standard_parallel", 70.0);
    tests::writeText(crs, "proj4text", "+proj=stere +lat_0=90 +lat_ts=70 +lon_0=-45 +k=1 +x_0=0 +y_0=0 +a=6378273 +b=6356889.449 +units=m +no_defs");
    tests::writeText(crs, "srid", "urn:ogc:def:crs:EPSG::3411");
    tests::writeText(crs, "crs_wkt",
                     "PROJCS[\"NSIDC Sea Ice Polar Stereographic North\",GEOGCS[\"Unspecified datum based upon the Hughes 1980 ellipsoid\","
                     "DATUM[\"Not_specified_based_on_Hughes_1980_ellipsoid\",SPHEROID[\"Hughes 1980\",6378273,298.279411123061,"
                     "AUTHORITY[\"EPSG\",\"7058\"]],AUTHORITY[\"EPSG\",\"6054\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
                     "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4054\"]],"
                     "PROJECTION[\"Polar_Stereographic\"],PARAMETER[\"latitude_of_origin\",70],PARAMETER[\"central_meridian\",-45],"
                     "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],"
                     "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"X\",EAST],AXIS[\"Y\",NORTH],AUTHORITY[\"EPSG\",\"3411\"]]");
    tests::writeText(crs, "GeoTransform", "-3850000.0 25000 0 5850000.0 0 -25000");
    std::vector<double> raw;
    std::vector<double> qa;
    for (int r = 0; r < kPsnRows; ++r)
        for (int c = 0; c < kPsnColumns; ++c) {
            raw.push_back(cdrRaw(c, r));
            qa.push_back(c % 2 ? 16 : 0); // valid_ice_mask_applied on odd columns
        }
    // The fill value is defined before the data, as netCDF-4 requires.
    auto conc = root->CreateMDArray("cdr_seaice_conc", {time, y, x}, GDALExtendedDataType::Create(GDT_Byte));
    conc->SetNoDataValue(255.0);
    conc->SetScale(0.01);
    conc->SetOffset(0.0);
    const GUInt64 start[3] = {0, 0, 0};
    const size_t count[3] = {1, kPsnRows, kPsnColumns};
    QVERIFY(conc->Write(start, count, nullptr, nullptr, GDALExtendedDataType::Create(GDT_Float64), raw.data()));
    tests::writeText(conc, "standard_name", "sea_ice_area_fraction");
    tests::writeText(conc, "units", "1");
    tests::writeText(conc, "grid_mapping", "crs");
    tests::writeText(conc, "flag_meanings", "pole_hole lakes coastal land_mask missing_data");
    tests::writeText(conc, "ancillary_variables", "stdev_of_cdr_seaice_conc qa_of_cdr_seaice_conc");
    auto flags = conc->CreateAttribute("flag_values", {5}, GDALExtendedDataType::Create(GDT_Byte));
    const std::vector<double> codes{241, 252, 253, 254, 255};
    flags->Write(codes.data(), codes.size());
    auto range = conc->CreateAttribute("valid_range", {2}, GDALExtendedDataType::Create(GDT_Byte));
    const std::vector<double> valid{0, 100};
    range->Write(valid.data(), valid.size());
    auto quality = tests::writeVariable(root, "qa_of_cdr_seaice_conc", {time, y, x}, qa, GDT_Byte);
    tests::writeText(quality, "standard_name", "status_flag");
    tests::writeText(quality, "grid_mapping", "crs");
}

} // namespace

class TestConcentrationGrid : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cellsLandOnTheirPlaceInPercent_data()
    {
        QTest::addColumn<bool>("fraction");
        QTest::addColumn<bool>("ease2");
        QTest::newRow("OSI SAF, hundredths of a percent") << false << false;
        QTest::newRow("OSI SAF on EASE-2 (OSI-408, OSI-450)") << false << true;
        QTest::newRow("NSIDC, fraction with flags beyond 1") << true << false;
    }
    void cellsLandOnTheirPlaceInPercent()
    {
        QFETCH(bool, fraction);
        QFETCH(bool, ease2);
        tests::TempSceneFolder folder;
        const std::string file = folder.path("ice_conc_nh_polstere-100_multi_202403141200.nc");
        Layout layout;
        layout.fraction = fraction;
        layout.units = fraction ? "1" : "%";
        layout.conc = fraction ? "cdr_seaice_conc" : "ice_conc";
        layout.ease2 = ease2;
        writeConcentration(file, layout);
        const ConcentrationGridInfo info = describeConcentrationGrid(file);
        QVERIFY(info.recognised);
        QCOMPARE(info.variable, layout.conc);
        QCOMPARE(info.fraction, fraction);
        QCOMPARE(info.qualityVariable, std::string("status_flag"));
        QCOMPARE(formatUtc(info.time), std::string("2024-03-14T12:00:00Z"));
        QCOMPARE(info.source, std::string("EUMETSAT OSI SAF"));

        // A 1 km analysis grid in EPSG:3413 (or EASE-2's own EPSG:6931) over
        // the product's cells: each cell's centre reads its value (the two
        // ellipsoids differ by far less than a cell).
        const AnalysisGrid grid(ease2 ? 6931 : 3413, (layout.firstXcKm - 5.0) * 1000.0, (layout.firstYcKm + 5.0) * 1000.0, 1000.0, 60, 50);
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

    // NSIDC's CDR on its Hughes-ellipsoid grid (EPSG:3411), read onto an
    // EPSG:3413 analysis grid: every cell lands where EPSG:3411 puts it.
    void theNsidcCdrLandsOnItsCellsFromTheHughesEllipsoid()
    {
        tests::TempSceneFolder folder;
        const std::string file = folder.path("sic_psn25_20240314_F17_v05r00.nc");
        writeNsidcCdr(file);
        const ConcentrationGridInfo info = describeConcentrationGrid(file);
        QVERIFY(info.recognised && info.fraction);
        QCOMPARE(info.variable, std::string("cdr_seaice_conc"));
        QCOMPARE(info.qualityVariable, std::string("qa_of_cdr_seaice_conc"));
        QCOMPARE(formatUtc(info.time), std::string("2024-03-14T00:00:00Z"));
        QCOMPARE(info.source, std::string("NSIDC > National Snow and Ice Data Center"));

        // 1 km cells over the Beaufort Sea and up to the pole hole, in EPSG:3413.
        const AnalysisGrid grid(3413, -1200000.0, 600000.0, 1000.0, 1300, 1300);
        DatasetPtr percent(openConcentrationGrid(file));
        const auto bands = readRasterOnGrid(*percent, file, grid, "near");
        const auto toHughes = tests::transformBetween(3413, 3411);
        int checked = 0;
        int flagged = 0;
        for (int row = 5; row < grid.height(); row += 37)
            for (int col = 5; col < grid.width(); col += 37) {
                const MapPoint p = grid.pixelCentre(col, row);
                double hx = p.x;
                double hy = p.y;
                QVERIFY(toHughes->Transform(1, &hx, &hy));
                const double fx = (hx - kPsnLeft) / kPsnCell;
                const double fy = (kPsnTop - hy) / kPsnCell;
                // Cells whose edge is within 200 m are left to the resampling.
                if (std::abs(fx - std::round(fx)) < 0.008 || std::abs(fy - std::round(fy)) < 0.008)
                    continue;
                const double raw = cdrRaw(static_cast<int>(fx), static_cast<int>(fy));
                const float value = bands[0][static_cast<std::size_t>(row) * grid.width() + col];
                if (raw > 100) {
                    QVERIFY2(std::isnan(value), qPrintable(QString("flag %1 read as %2 at cell (%3, %4), point (%5, %6)").arg(raw).arg(value).arg(fx).arg(fy).arg(col).arg(row)));
                    ++flagged;
                } else {
                    QVERIFY2(std::abs(value - raw) < 1e-3, qPrintable(QString("cell (%1, %2): %3, expected %4").arg(fx).arg(fy).arg(value).arg(raw)));
                    ++checked;
                }
            }
        QVERIFY(checked > 1000);
        QVERIFY(flagged > 0);
        DatasetPtr quality(openConcentrationQuality(file));
        QCOMPARE(quality->GetRasterXSize(), kPsnColumns);
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

    // Bremen ASI v5.4 netCDF as the University of Bremen publishes it (GMT
    // grids): z(y, x) float32 percent, NaN where there is no retrieval,
    // actual_range 0..100, no standard_name, units or time variable; x and y
    // in metres with neither standard_name nor axis (GDAL's raster view does
    // not place them), y ascending (row 0 is the southernmost); a
    // polar_stereographic grid mapping on the Hughes 1980 ellipsoid
    // (EPSG:3411); the day in the name.
    void theBremenAsiGridLandsOnItsCellsFromTheSouthernRowUp()
    {
        tests::TempSceneFolder folder;
        const std::string file = folder.path("asi-AMSR2-n6250-20240314-v5.4.nc");
        constexpr double kCell = 6250.0;
        constexpr double kLeft = -2000000.0;
        constexpr double kBottom = 500000.0;
        {
            auto ds = tests::createNetCdf4(file);
            auto root = ds->GetRootGroup();
            tests::writeText(root, "history", "grdmath asi-AMSR2-n6250-20240314-v5.4.hdf FLIPUD = asi-AMSR2-n6250-20240314-v5.4.nc");
            auto y = root->CreateDimension("y", "", "", kRows);
            auto x = root->CreateDimension("x", "", "", kColumns);
            auto conc = root->CreateMDArray("z", {y, x}, GDALExtendedDataType::Create(GDT_Float32));
            std::vector<double> xs;
            std::vector<double> ys;
            for (int c = 0; c < kColumns; ++c)
                xs.push_back(kLeft + (c + 0.5) * kCell);
            for (int r = 0; r < kRows; ++r)
                ys.push_back(kBottom + (r + 0.5) * kCell);
            tests::writeText(tests::writeVariable(root, "x", {x}, xs), "units", "m");
            tests::writeText(tests::writeVariable(root, "y", {y}, ys), "units", "m");
            auto mapping = root->CreateMDArray("polar_stereographic", {}, GDALExtendedDataType::Create(GDT_Byte));
            tests::writeText(mapping, "grid_mapping_name", "polar_stereographic");
            tests::writeNumber(mapping, "latitude_of_projection_origin", 90.0);
            tests::writeNumber(mapping, "standard_parallel", 70.0);
            tests::writeNumber(mapping, "straight_vertical_longitude_from_pole", -45.0);
            tests::writeNumber(mapping, "semi_major_axis", 6378273.0);
            tests::writeNumber(mapping, "inverse_flattening", 298.279411123064);
            tests::writeNumber(mapping, "false_easting", 0.0);
            tests::writeNumber(mapping, "false_northing", 0.0);
            // Every cell 80 %, but the southernmost row's second cell 37.5 % and the northernmost row's third no retrieval.
            std::vector<double> z(kColumns * kRows, 80.0);
            z[0 * kColumns + 1] = 37.5;
            z[(kRows - 1) * kColumns + 2] = NAN;
            const GUInt64 start[2] = {0, 0};
            const size_t count[2] = {kRows, kColumns};
            QVERIFY(conc->Write(start, count, nullptr, nullptr, GDALExtendedDataType::Create(GDT_Float64), z.data()));
            tests::writeText(conc, "long_name", "z");
            tests::writeText(conc, "grid_mapping", "polar_stereographic");
            auto range = conc->CreateAttribute("actual_range", {2}, GDALExtendedDataType::Create(GDT_Float64));
            const std::vector<double> actual{0.0, 100.0};
            range->Write(actual.data(), actual.size());
        }
        const ConcentrationGridInfo info = describeConcentrationGrid(file);
        QVERIFY(info.recognised);
        QCOMPARE(info.variable, std::string("z"));
        QVERIFY(!info.fraction);
        QCOMPARE(formatUtc(info.time), std::string("2024-03-14T12:00:00Z"));
        QCOMPARE(info.source, std::string("University of Bremen ASI"));
        const Detection detected = detectProducts({file});
        QVERIFY2(detected.products.size() == 1, detected.skipped.empty() ? "" : detected.skipped.front().c_str());

        const AnalysisGrid grid(3411, kLeft, kBottom + kRows * kCell, 1000.0, 37, 31);
        DatasetPtr percent(openConcentrationGrid(file));
        const auto bands = readRasterOnGrid(*percent, file, grid, "near");
        const auto at = [&](int col, int rowFromTop) {
            return bands[0][static_cast<std::size_t>((rowFromTop + 0.5) * 6.25) * grid.width() + static_cast<std::size_t>((col + 0.5) * 6.25)];
        };
        QCOMPARE(at(0, 0), 80.0f);
        QCOMPARE(at(1, kRows - 1), 37.5f); // the file's first row is the southernmost
        QVERIFY(std::isnan(at(2, 0)));
        QCOMPARE(at(2, kRows - 1), 80.0f);
        // Any other asi- file without such a z is not taken for one.
        {
            auto ds = tests::createNetCdf4(folder.path("asi-notes.nc"));
            auto root = ds->GetRootGroup();
            tests::writeVariable(root, "sst", {root->CreateDimension("x", "", "", 2)}, {271.0, 272.0});
        }
        QVERIFY(!describeConcentrationGrid(folder.path("asi-notes.nc")).recognised);
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
