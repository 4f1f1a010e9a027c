#include "common/NetCdfWriting.h"
#include "common/TempSceneFolder.h"
#include "common/SceneErrorText.h"
#include "common/TestRegistry.h"

#include "scene/AnalysisGrid.h"
#include "scene/BuoyDriftScores.h"
#include "scene/BuoyTrackLayer.h"
#include "scene/BuoyTracks.h"
#include "scene/CfTimeUnits.h"
#include "scene/MotionField.h"
#include "scene/SceneError.h"
#include "scene/TrackLayer.h"
#include "scene/UtcTime.h"

#include <QTest>

#include <cmath>
#include <fstream>

using namespace banquise;
using namespace banquise::scene;

namespace {
const std::string kRealIabp = std::string(BANQUISE_SHARED_DATA) + "/buoys/300534063050430.csv";

void writeText(const std::string& path, const std::string& text)
{
    std::ofstream(path) << text;
}

// A 20 km grid of 40 m pixels about 75 N 140 W in NSIDC polar stereographic.
AnalysisGrid beaufortGrid()
{
    const MapPoint centre = AnalysisGrid(3413, 0, 0, 40, 1, 1).fromLonLat({-140.0, 75.0});
    return AnalysisGrid(3413, centre.x - 10000.0, centre.y + 10000.0, 40.0, 500, 500);
}

// A buoy that moves by (east, north) metres between t1 and t2 from `start`, with a fix an hour either side of each date.
BuoyTrack movingBuoy(const std::string& id, const AnalysisGrid& grid, const MapPoint& start, double east, double north, double t1,
                     double t2)
{
    BuoyTrack track{id, "buoys.csv", {}};
    for (double t : {t1 - 3600.0, t1 + 3600.0, t2 - 3600.0, t2 + 3600.0}) {
        const double w = (t - t1) / (t2 - t1);
        track.fixes.push_back({t, grid.toLonLat({start.x + w * east, start.y + w * north})});
    }
    return track;
}
} // namespace

class TestBuoyTracks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theRealIabpBuoyLoads()
    {
        const auto tracks = readBuoyTracks(kRealIabp);
        QCOMPARE(tracks.size(), std::size_t(1));
        const BuoyTrack& buoy = tracks.front();
        QCOMPARE(buoy.id, std::string("300534063050430"));
        QCOMPARE(buoy.fixes.size(), std::size_t(2869));
        // First row: 2024, POS_DOY 1.0418, 86.79537 N 17.70627 E.
        QCOMPARE(buoy.fixes.front().time, std::round(*parseUtc("2024-01-01T00:00:00Z") + 0.0418 * 86400.0));
        QCOMPARE(buoy.fixes.front().lonLat.lat, 86.79537);
        QCOMPARE(buoy.fixes.front().lonLat.lon, 17.70627);
        // It leaves the ice south of Fram Strait, at 62.76 N 38.46 W on day 244.
        QCOMPARE(buoy.fixes.back().lonLat.lat, 62.75536);
        QCOMPARE(buoy.fixes.back().lonLat.lon, -38.45892);
        for (std::size_t i = 1; i < buoy.fixes.size(); ++i)
            QVERIFY(buoy.fixes[i].time >= buoy.fixes[i - 1].time);
        // Two hours apart at the start; halfway between the first two fixes lies between them.
        const auto half = buoyPositionAt(buoy, (buoy.fixes[0].time + buoy.fixes[1].time) / 2, 3 * 3600.0);
        QVERIFY(half);
        QVERIFY(std::abs(half->lat - (86.79537 + 86.78963) / 2) < 1e-9);
    }

    void longitudesFrom0To360GiveTheSameTrack()
    {
        tests::TempSceneFolder folder;
        const std::string header = "BuoyID,Year,Hour,Min,DOY,POS_DOY,Lat,Lon,BP,Ta,Ts\n";
        writeText(folder.path("east.csv"), header + "7,2024,0,0,74.0000,74.0000,75.10000,220.50000,-999,-999,-999\n"
                                                    "7,2024,1,0,74.0417,74.0417,75.10100,220.52000,-999,-999,-999\n");
        writeText(folder.path("signed.csv"), header + "7,2024,0,0,74.0000,74.0000,75.10000,-139.50000,-999,-999,-999\n"
                                                      "7,2024,1,0,74.0417,74.0417,75.10100,-139.48000,-999,-999,-999\n");
        const auto east = readBuoyTracks(folder.path("east.csv"));
        const auto signedLongitudes = readBuoyTracks(folder.path("signed.csv"));
        QCOMPARE(east.front().fixes.size(), std::size_t(2));
        for (std::size_t i = 0; i < 2; ++i) {
            QCOMPARE(east.front().fixes[i].time, signedLongitudes.front().fixes[i].time);
            QVERIFY(std::abs(east.front().fixes[i].lonLat.lon - signedLongitudes.front().fixes[i].lonLat.lon) < 1e-9);
            QCOMPARE(east.front().fixes[i].lonLat.lat, signedLongitudes.front().fixes[i].lonLat.lat);
        }
        QCOMPARE(east.front().fixes[0].time, *parseUtc("2024-03-14T00:00:00Z")); // day 74 of a leap year
        // A known point lands on its cell of the grid.
        const AnalysisGrid grid = beaufortGrid();
        int col = 0;
        int row = 0;
        QVERIFY(!grid.pixelAt(grid.fromLonLat(east.front().fixes[0].lonLat), col, row)); // 75.1 N 139.5 W: outside the 20 km
        const LonLat inside = grid.toLonLat(grid.pixelCentre(123, 321));
        writeText(folder.path("inside.csv"), header + "8,2024,0,0,74.0000,74.0000," + std::to_string(inside.lat) + ","
                                                       + std::to_string(inside.lon + 360.0) + ",-999,-999,-999\n");
        QVERIFY(grid.pixelAt(grid.fromLonLat(readBuoyTracks(folder.path("inside.csv")).front().fixes[0].lonLat), col, row));
        QCOMPARE(col, 123);
        QCOMPARE(row, 321);
    }

    void rowsOfAnImpossibleYearAreSkipped()
    {
        // A damaged year (fuzzing found one of 20 digits, which overflowed an int) is a damaged row.
        tests::TempSceneFolder folder;
        writeText(folder.path("damaged.dat"), "BuoyID Year Hour Min DOY POS_DOY Lat Lon\n"
                                              "7 02149000000000000001 0 0 74.000 74.000 84.9123 349.7861\n"
                                              "7 2999 0 0 74.000 74.000 84.9123 349.7861\n"
                                              "7 2024 1 0 74.042 74.042 84.9131 349.8012\n");
        const auto tracks = readBuoyTracks(folder.path("damaged.dat"));
        QCOMPARE(tracks.size(), std::size_t(1));
        QCOMPARE(tracks.front().fixes.size(), std::size_t(1));
        QCOMPARE(tracks.front().fixes.front().lonLat.lat, 84.9131);
    }

    void positionsAreInterpolatedAcrossTheAntimeridian()
    {
        const BuoyTrack track{"x", "x.csv", {{0.0, {179.9, 80.0}}, {3600.0, {-179.9, 80.2}}}};
        const auto middle = buoyPositionAt(track, 1800.0, 3600.0);
        QVERIFY(middle);
        QVERIFY(std::abs(std::abs(middle->lon) - 180.0) < 1e-9);
        QVERIFY(std::abs(middle->lat - 80.1) < 1e-9);
        QVERIFY(!buoyPositionAt(track, 1800.0, 1000.0)); // fixes too far apart
        QVERIFY(!buoyPositionAt(track, 4000.0, 3600.0)); // after the last fix
    }

    void cfTrajectoriesLoadInTheirLayouts()
    {
        tests::TempSceneFolder folder;
        // Two buoys, three observations each: [trajectory, obs], then as a contiguous ragged array.
        const std::vector<double> lat{75.0, 75.01, 75.02, 76.0, 76.01, -999.0};
        const std::vector<double> lon{-140.0, 220.02, -139.96, 10.0, 10.1, -999.0};
        const std::vector<double> hours{0, 1, 2, 0, 1, 2};
        for (const bool ragged : {false, true}) {
            const std::string path = folder.path(ragged ? "ragged.nc" : "multidim.nc");
            {
                auto ds = tests::createNetCdf4(path);
                auto root = ds->GetRootGroup();
                tests::writeText(root, "featureType", "trajectory");
                auto trajectory = root->CreateDimension("trajectory", "", "", 2);
                std::vector<std::shared_ptr<GDALDimension>> positions;
                if (ragged) {
                    positions = {root->CreateDimension("obs", "", "", 6)};
                    auto rowSize = tests::writeVariable(root, "rowSize", {trajectory}, {3, 3}, GDT_Int32);
                    tests::writeText(rowSize, "sample_dimension", "obs");
                } else {
                    positions = {trajectory, root->CreateDimension("obs", "", "", 3)};
                }
                auto id = tests::writeVariable(root, "buoy", {trajectory}, {300234001, 300234002}, GDT_Int32);
                tests::writeText(id, "cf_role", "trajectory_id");
                auto t = tests::writeVariable(root, "t", positions, hours);
                tests::writeText(t, "standard_name", "time");
                tests::writeText(t, "units", "hours since 2024-03-14 00:00:00");
                auto la = tests::writeVariable(root, "y", positions, lat, GDT_Float32);
                tests::writeText(la, "standard_name", "latitude");
                la->SetNoDataValue(-999.0);
                auto lo = tests::writeVariable(root, "x", positions, lon, GDT_Float32);
                tests::writeText(lo, "standard_name", "longitude");
                lo->SetNoDataValue(-999.0);
            }
            const auto tracks = readBuoyTracks(path);
            QCOMPARE(tracks.size(), std::size_t(2));
            QCOMPARE(tracks[0].id, std::string("300234001"));
            QCOMPARE(tracks[1].id, std::string("300234002"));
            QCOMPARE(tracks[0].fixes.size(), std::size_t(3));
            QCOMPARE(tracks[1].fixes.size(), std::size_t(2)); // the fill value is no position
            QCOMPARE(tracks[0].fixes[1].time, *parseUtc("2024-03-14T01:00:00Z"));
            QVERIFY(std::abs(tracks[0].fixes[1].lonLat.lon - -139.98) < 1e-4); // 220.02 E
            QVERIFY(std::abs(tracks[1].fixes[1].lonLat.lat - 76.01) < 1e-4);
        }
    }

    void cfTimeUnitsAreRead()
    {
        QCOMPARE(parseCfTimeUnits("days since 1950-01-01")->toUtc(1.5), *parseUtc("1950-01-02T12:00:00Z"));
        QCOMPARE(parseCfTimeUnits("seconds since 1970-01-01T00:00:00Z")->toUtc(10.0), 10.0);
        QCOMPARE(parseCfTimeUnits("hours since 2024-03-14 06:30")->toUtc(1.0), *parseUtc("2024-03-14T07:30:00Z"));
        QVERIFY(!parseCfTimeUnits("m s-1"));
        QVERIFY(!parseCfTimeUnits("fortnights since 2000-01-01"));
    }

    void sarDriftIsScoredAgainstEveryBuoyInTheScene()
    {
        const AnalysisGrid grid = beaufortGrid();
        const double t1 = *parseUtc("2024-03-14T16:05:12Z");
        const double t2 = t1 + 2 * 86400.0;
        // The SAR drift: 10 px right, 5 px up everywhere = 400 m east, 200 m north.
        std::vector<MotionVector> vectors;
        for (int i = 0; i < 4; ++i)
            vectors.push_back({0, 0, 10.0, -5.0, 0.9, true});
        const MotionField field(2, 2, 400.0, 50.0, 50.0, vectors);
        const MapPoint a = grid.pixelCentre(100, 100);
        const MapPoint b = grid.pixelCentre(400, 250);
        const MapPoint outside{grid.extent().xMax + 5000.0, grid.extent().yMax};
        const std::vector<BuoyTrack> buoys{movingBuoy("agrees", grid, a, 400.0, 200.0, t1, t2),
                                           movingBuoy("faster", grid, b, 400.0 + 600.0, 200.0 - 800.0, t1, t2),
                                           movingBuoy("away", grid, outside, 400.0, 200.0, t1, t2),
                                           BuoyTrack{"late", "late.csv", {{t2 + 86400.0, grid.toLonLat(a)}}}};
        const BuoyDriftScores scores = scoreDriftAgainstBuoys(field, grid, t1, t2, buoys);
        QCOMPARE(scores.buoys.size(), std::size_t(2));
        QCOMPARE(scores.buoys[0].buoy, std::string("agrees"));
        QVERIFY(scores.buoys[0].errorMetresPerDay < 0.5);
        QVERIFY(std::abs(scores.buoys[0].buoyMetresPerDay - std::hypot(400.0, 200.0) / 2) < 0.5);
        QVERIFY(std::abs(scores.buoys[1].errorMetresPerDay - 1000.0 / 2) < 0.5); // |(600, -800)| over two days
        QVERIFY(std::abs(scores.medianMetresPerDay - 250.0) < 0.5);
        QVERIFY(scores.p95MetresPerDay > 470.0 && scores.p95MetresPerDay < 500.5);
        QCOMPARE(scores.leftOut.size(), std::size_t(2));
        QVERIFY2(QString::fromStdString(scores.leftOut[0]).contains("late.csv: no buoy position"), scores.leftOut[0].c_str());
        QVERIFY2(QString::fromStdString(scores.leftOut[1]).contains("outside the scene") && scores.leftOut[1].find("away") != std::string::npos,
                 scores.leftOut[1].c_str());
    }

    void whatCannotBeReadIsNamed()
    {
        tests::TempSceneFolder folder;
        writeText(folder.path("nolon.csv"), "BuoyID,Year,DOY,Lat\n1,2024,74.0,75.0\n");
        QVERIFY(tests::sceneErrorOf([&] { readBuoyTracks(folder.path("nolon.csv")); }).contains("nolon.csv: is not an IABP buoy table: no column Lon"));
        writeText(folder.path("missing.csv"), "BuoyID,Year,DOY,Lat,Lon\n1,2024,74.0,-999.0,-999.0\n");
        QVERIFY(tests::sceneErrorOf([&] { readBuoyTracks(folder.path("missing.csv")); }).contains("no valid buoy position"));
        QVERIFY(tests::sceneErrorOf([&] { readBuoyTracks(folder.path("absent.csv")); }).contains("absent.csv: does not exist"));
        const std::string grid = folder.path("grid.nc");
        {
            auto ds = tests::createNetCdf4(grid);
            auto root = ds->GetRootGroup();
            tests::writeVariable(root, "ice_conc", {root->CreateDimension("x", "", "", 2)}, {0.5, 0.9});
        }
        QVERIFY(tests::sceneErrorOf([&] { readBuoyTracks(grid); }).contains("is not a CF trajectory file"));
        const std::string nolat = folder.path("nolat.nc");
        {
            auto ds = tests::createNetCdf4(nolat);
            auto root = ds->GetRootGroup();
            tests::writeText(root, "featureType", "trajectory");
            auto obs = root->CreateDimension("obs", "", "", 2);
            auto t = tests::writeVariable(root, "time", {obs}, {0, 1});
            tests::writeText(t, "units", "hours since 2024-03-14");
            tests::writeVariable(root, "lon", {obs}, {10, 11});
        }
        QVERIFY(tests::sceneErrorOf([&] { readBuoyTracks(nolat); }).contains("nolat.nc: has no latitude variable"));
        // Buoys far from the scene, or long before it, make no layer.
        LayerInfo info;
        info.sourceFile = "old.csv";
        info.time = *parseUtc("2024-03-14T00:00:00Z");
        const AnalysisGrid beaufort = beaufortGrid();
        const BuoyTrack before{"1", "old.csv", {{info.time - 5 * 86400.0, beaufort.toLonLat(beaufort.pixelCentre(10, 10))}}};
        QVERIFY(tests::sceneErrorOf([&] { makeBuoyTrackLayer(info, {before}, beaufort, 48 * 3600.0); })
                    .contains("old.csv: no buoy position falls on the analysis grid within 48 h"));
        QVERIFY(makeBuoyTrackLayer(info, {before}, beaufort, 6 * 86400.0)->records().size() == 1);
    }
};

BANQUISE_REGISTER_TEST(TestBuoyTracks);
#include "tst_BuoyTracks.moc"
