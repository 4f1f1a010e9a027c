#include "common/TempSceneFolder.h"
#include "common/OpenedDataset.h"
#include "common/FlaggedSwot.h"
#include "common/NetCdfWriting.h"
#include "common/TestRegistry.h"

#include "scene/AltimeterReader.h"
#include "scene/AnalysisGrid.h"
#include "scene/ProductCatalog.h"
#include "scene/RasterLayer.h"
#include "scene/SceneError.h"
#include "scene/SceneReader.h"
#include "scene/SensorProfile.h"
#include "scene/SwotReader.h"
#include "scene/UtcTime.h"
#include "scene/synthetic/SyntheticScene.h"

#include <gdal_priv.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

using namespace banquise::scene;
namespace fs = std::filesystem;

namespace {
const std::string kRealCryoSat =
    std::string(BANQUISE_SHARED_DATA) + "/cryosat2/CS_OFFL_SIR_SINI2__20190504T122546_20190504T122726_D001.nc";

const std::string kRealAtl07 = std::string(BANQUISE_SHARED_DATA) + "/icesat2/processed_ATL07-01_20190222003738_08490201_003_02.h5";

// Antarctic polar stereographic, 1 km pixels, the whole continent and its seas.
AnalysisGrid antarctic()
{
    return AnalysisGrid(3031, -4000000.0, 4000000.0, 1000.0, 8000, 8000);
}

// Its Arctic twin (NSIDC sea-ice polar stereographic north).
AnalysisGrid arctic()
{
    return AnalysisGrid(3413, -4000000.0, 4000000.0, 1000.0, 8000, 8000);
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}
} // namespace

class TestProductReaders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        synthetic::SynthOptions options;
        options.sizeKm = 30.0;
        options.seed = 3;
        options.swotTime = options.sarTime; // the swath sees the truth as it is
        m_products = synthetic::writeSyntheticScene(options, m_folder.path());
        m_grid = readScene(m_folder.path()).scene.grid();
    }

    void realCryoSat2RecordsAreReadWithTheirScaleTimeAndFlags()
    {
        QVERIFY2(fs::exists(kRealCryoSat), kRealCryoSat.c_str());
        // Its quality flags mark every freeboard unavailable (see below):
        // read them all here to check positions, times and classes.
        AltimeterProfile unfiltered = loadAltimeterProfile("cryosat2_sar_l2");
        unfiltered.qualityVariable.clear();
        const auto records = readAltimeterRecords(kRealCryoSat, unfiltered, antarctic());
        // 2176 records, of which 29 carry a freeboard (sea ice in SARIn mode
        // at the Antarctic margin); the others are fill and left out.
        QCOMPARE(records.size(), std::size_t(29));
        // The file name gives the sensing window in UTC; the product counts TAI.
        const double start = *parseUtc("2019-05-04T12:25:46Z");
        const double stop = *parseUtc("2019-05-04T12:27:26Z");
        int leads = 0;
        int floes = 0;
        for (const auto& r : records) {
            QVERIFY2(r.time >= start - 1.0 && r.time <= stop + 1.0, qPrintable(QString::fromStdString(formatUtc(r.time))));
            QVERIFY(r.lonLat.lat < -60.0 && r.lonLat.lat > -72.0);
            leads += r.surface == SurfaceType::Lead ? 1 : 0;
            floes += r.surface == SurfaceType::Floe ? 1 : 0;
        }
        QVERIFY2(leads + floes == static_cast<int>(records.size()), qPrintable(QString("%1 %2").arg(leads).arg(floes)));
    }

    void realIcesat2HeightsBecomeFreeboardPerBeam()
    {
        QVERIFY2(fs::exists(kRealAtl07), kRealAtl07.c_str());
        const AltimeterProfile profile = loadAltimeterProfile("icesat2_atl07");
        std::vector<TrackRecord> records;
        try {
            records = readAltimeterRecords(kRealAtl07, profile, arctic());
        } catch (const SceneError& e) {
            QFAIL(e.what());
        }
        // Granule window from /ancillary_data/data_start_utc and data_end_utc (delta_time counts from 2018-01-01 UTC).
        const double start = *parseUtc("2019-02-22T00:56:45Z");
        const double stop = *parseUtc("2019-02-22T01:11:48Z");
        std::set<int> beams;
        std::vector<double> leads;
        std::vector<double> floes;
        std::set<float> sigmas;
        for (const auto& r : records) {
            QVERIFY2(r.time >= start && r.time <= stop, qPrintable(QString::fromStdString(formatUtc(r.time))));
            // Each segment's own surface error estimate: centimetres, and varying.
            QVERIFY2(r.sigma > 0.0f && r.sigma < 1.0f, qPrintable(QString::number(r.sigma)));
            sigmas.insert(r.sigma);
            QVERIFY(r.lonLat.lat > 60.0 && r.lonLat.lat < 89.0);
            QVERIFY(std::isfinite(r.value) && std::abs(r.value) < 5.0); // fill (3.4e38) left out
            beams.insert(r.segment);
            if (r.surface == SurfaceType::Lead)
                leads.push_back(r.value);
            else if (r.surface == SurfaceType::Floe) // not the dark leads (segment types 6-9)
                floes.push_back(r.value);
        }
        qInfo("%zu ICESat-2 records on %zu beams: %zu specular leads, %zu snow-covered ice", records.size(), beams.size(), leads.size(),
              floes.size());
        // Only gt3l and gt3r see sea-surface (lead) segments in this subset:
        // the other beams have no sea surface within 5 km, hence no freeboard.
        QCOMPARE(beams, (std::set<int>{4, 5}));
        QVERIFY(sigmas.size() > records.size() / 10);
        QVERIFY(!leads.empty() && floes.size() > leads.size());
        // Freeboard against the local sea surface of the leads: about zero on
        // the leads, tens of centimetres on the ice.
        const auto median = [](std::vector<double> v) {
            std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
            return v[v.size() / 2];
        };
        // The granule crosses the thin bay ice of Disko Bay (69.3 N, 51.3 W):
        // a few centimetres of freeboard, above the leads.
        AltimeterProfile heights = profile;
        heights.freeboardFromLeadsKm = 0.0;
        std::vector<double> rawLeads;
        for (const auto& r : readAltimeterRecords(kRealAtl07, heights, arctic()))
            if (r.surface == SurfaceType::Lead)
                rawLeads.push_back(r.value);
        qInfo("median freeboard: leads %.3f m, ice %.3f m; lead heights above the mean sea surface %.3f m", median(leads), median(floes),
              median(rawLeads));
        QVERIFY2(std::abs(median(leads)) < 0.02, qPrintable(QString::number(median(leads))));
        QVERIFY2(median(floes) > median(leads) + 0.01 && median(floes) < 0.2, qPrintable(QString::number(median(floes))));
        // Beams are separate tracks: the first record of a beam takes its
        // heading from its own beam, not from the last record of the one before.
        const TrackLayer track(LayerInfo{"ICESat-2", "ICESat-2", "m", Quantity::Freeboard, 0.0, ""}, records, Footprint{150.0, 17.0});
        int boundaries = 0;
        for (std::size_t i = 1; i + 1 < records.size(); ++i)
            if (records[i].segment != records[i - 1].segment && records[i].segment == records[i + 1].segment) {
                const MapPolygon outline = track.footprintOutline(i);
                const double ux = (outline[1].x - outline[0].x) / 150.0;
                const double uy = (outline[1].y - outline[0].y) / 150.0;
                const double dx = records[i + 1].position.x - records[i].position.x;
                const double dy = records[i + 1].position.y - records[i].position.y;
                QVERIFY(std::abs(ux * dy - uy * dx) < 1e-6 * std::hypot(dx, dy)); // parallel
                ++boundaries;
            }
        QCOMPARE(boundaries, static_cast<int>(beams.size()) - 1);
    }

    void icesat2FreeboardsOfRelease006AreReadPerBeam()
    {
        // ATL10 release 006: /gtXx/freeboard_segment/{delta_time, latitude, longitude, beam_fb_height,
        // beam_fb_sigma, heights/height_segment_type}, fill 3.4028235e38; two beams here.
        const std::string file = m_folder.root() + "/ATL10-01_20240314160000_12340201_006_01.h5";
        const double start = *parseUtc("2024-03-14T16:00:00Z") - *parseUtc("2018-01-01T00:00:00Z");
        {
            auto ds = banquise::tests::createNetCdf4(file);
            auto root = ds->GetRootGroup();
            for (const char* beam : {"gt1l", "gt2r"}) {
                auto segments = root->CreateGroup(beam)->CreateGroup("freeboard_segment");
                auto n = segments->CreateDimension("delta_time", "", "", 4);
                banquise::tests::writeVariable(segments, "delta_time", {n}, {start, start + 0.003, start + 0.006, start + 0.009});
                banquise::tests::writeVariable(segments, "latitude", {n}, {80.0, 80.0002, 80.0004, 80.0006});
                banquise::tests::writeVariable(segments, "longitude", {n}, {-150.0, -150.0, -150.0, -150.0});
                auto height = banquise::tests::writeVariable(segments, "beam_fb_height", {n}, {0.31, 0.0, 3.4028235e38, 0.52}, GDT_Float32);
                height->SetNoDataValue(3.4028235e38);
                banquise::tests::writeVariable(segments, "beam_fb_sigma", {n}, {0.02, 0.03, 0.02, 0.04}, GDT_Float32);
                banquise::tests::writeVariable(segments->CreateGroup("heights"), "height_segment_type", {n}, {1, 2, 1, 1}, GDT_Int16);
            }
        }
        const Detection detected = detectProducts({file});
        QCOMPARE(detected.products.size(), std::size_t(1));
        QCOMPARE(detected.products[0].profile, std::string("icesat2_atl10"));
        QCOMPARE(formatUtc(detected.products[0].time), std::string("2024-03-14T16:00:00Z"));
        const AltimeterProfile profile = loadAltimeterProfile("icesat2_atl10");
        const auto records = readAltimeterRecords(file, profile, arctic());
        QCOMPARE(records.size(), std::size_t(6)); // the fill is no record
        QCOMPARE(records[0].segment, 0);
        QCOMPARE(records[3].segment, 3); // gt2r, the fourth beam
        QVERIFY(std::abs(records[0].value - 0.31f) < 1e-6f && std::abs(records[2].value - 0.52f) < 1e-6f); // freeboard as it is
        QVERIFY(std::abs(records[0].sigma - 0.02f) < 1e-6f);
        QVERIFY(records[0].surface == SurfaceType::Floe && records[1].surface == SurfaceType::Lead);
        QCOMPARE(formatUtc(records[0].time), std::string("2024-03-14T16:00:00Z"));
        // A known point lands on its cell.
        int col = 0;
        int row = 0;
        QVERIFY(arctic().pixelAt(records[0].position, col, row));
        int expectedCol = 0;
        int expectedRow = 0;
        arctic().pixelAt(arctic().fromLonLat({-150.0, 80.0}), expectedCol, expectedRow);
        QCOMPARE(col, expectedCol);
        QCOMPARE(row, expectedRow);
    }

    void aTrackWithoutGeolocationNamesWhatIsMissing()
    {
        const std::string file = m_folder.root() + "/CS_OFFL_SIR_SAR_2__20240314T160000_20240314T160500_E001.nc";
        {
            auto ds = banquise::tests::createNetCdf4(file);
            auto root = ds->GetRootGroup();
            auto n = root->CreateDimension("time_20_ku", "", "", 2);
            banquise::tests::writeVariable(root, "time_20_ku", {n}, {7.6e8, 7.6e8 + 0.05});
            banquise::tests::writeVariable(root, "freeboard_20_ku", {n}, {120, 250}, GDT_Int32);
        }
        const Detection detected = detectProducts({file});
        QVERIFY(detected.products.empty());
        QCOMPARE(detected.skipped.size(), std::size_t(1));
        QVERIFY2(contains(detected.skipped[0], "has the CryoSat-2 variable freeboard_20_ku (profile cryosat2_sar_l2) but not lat_poca_20_ku, "
                                               "lon_poca_20_ku, flag_surf_type_class_20_ku, flag_freeboard_20_ku: no geolocation"),
                 detected.skipped[0].c_str());
    }

    void cryoSat2BaselineERecordsAreReadFromTheStatusWord()
    {
        // Baseline E's L2: radar_freeboard_20_ku, with the class (sea ice bit
        // 13, lead 14, ocean 15) and freeboard_error (bit 16) in
        // flag_prod_status_20_ku; POCA positions packed in 1e-7 degrees.
        const std::string file = m_folder.root() + "/CS_OFFL_SIR_SAR_2__20240314T160000_20240314T160500_E001.nc";
        const double tai = *parseUtc("2024-03-14T16:00:00Z") - *parseUtc("2000-01-01T00:00:00Z") + 37.0;
        {
            auto ds = banquise::tests::createNetCdf4(file);
            auto root = ds->GetRootGroup();
            auto n = root->CreateDimension("time_20_ku", "", "", 5);
            banquise::tests::writeVariable(root, "time_20_ku", {n}, {tai, tai + 0.05, tai + 0.1, tai + 0.15, tai + 0.2});
            auto lat = banquise::tests::writeVariable(root, "lat_poca_20_ku", {n}, {8.0e8, 8.00003e8, 8.00006e8, 8.00009e8, 8.00012e8}, GDT_Int32);
            lat->SetScale(1e-7);
            auto lon = banquise::tests::writeVariable(root, "lon_poca_20_ku", {n}, {-1.5e9, -1.5e9, -1.5e9, -1.5e9, -1.5e9}, GDT_Int32);
            lon->SetScale(1e-7);
            auto freeboard = banquise::tests::writeVariable(root, "radar_freeboard_20_ku", {n}, {310, -20, 480, 150, 20}, GDT_Int32);
            freeboard->SetScale(1e-3);
            // floe, lead, floe with freeboard_error, ocean, floe with an unrelated height_1_error
            banquise::tests::writeVariable(root, "flag_prod_status_20_ku", {n}, {8192, 16384, 8192 + 65536, 32768, 8192 + 16777216}, GDT_Int32);
        }
        const Detection detected = detectProducts({file});
        QCOMPARE(detected.products.size(), std::size_t(1));
        QCOMPARE(detected.products[0].profile, std::string("cryosat2_sar_l2_baseline_e"));
        QCOMPARE(formatUtc(detected.products[0].time), std::string("2024-03-14T16:00:00Z"));
        const auto records = readAltimeterRecords(file, loadAltimeterProfile("cryosat2_sar_l2_baseline_e"), arctic());
        QCOMPARE(records.size(), std::size_t(4)); // the freeboard_error record is left out
        QVERIFY(records[0].surface == SurfaceType::Floe && records[1].surface == SurfaceType::Lead);
        QVERIFY(records[2].surface == SurfaceType::Ocean && records[3].surface == SurfaceType::Floe);
        QVERIFY(std::abs(records[0].value - 0.31f) < 1e-6f && std::abs(records[2].value - 0.15f) < 1e-6f);
        int col = 0;
        int row = 0;
        int expectedCol = -1;
        int expectedRow = -1;
        QVERIFY(arctic().pixelAt(records[0].position, col, row));
        arctic().pixelAt(arctic().fromLonLat({-150.0, 80.0}), expectedCol, expectedRow);
        QCOMPARE(col, expectedCol);
        QCOMPARE(row, expectedRow);

        // Baseline D's class variable in its place: named, not read as E.
        const std::string partial = m_folder.root() + "/CS_OFFL_SIR_SARI2_20240314T160000_20240314T160500_D001.nc";
        {
            auto ds = banquise::tests::createNetCdf4(partial);
            auto root = ds->GetRootGroup();
            auto n = root->CreateDimension("time_20_ku", "", "", 1);
            for (const char* name : {"time_20_ku", "lat_poca_20_ku", "lon_poca_20_ku", "freeboard_20_ku", "flag_freeboard_20_ku"})
                banquise::tests::writeVariable(root, name, {n}, {1.0}, GDT_Int32);
        }
        const Detection withoutClass = detectProducts({partial});
        QVERIFY(withoutClass.products.empty());
        QVERIFY2(contains(withoutClass.skipped.at(0), "has the CryoSat-2 variable freeboard_20_ku (profile cryosat2_sar_l2) but not "
                                                      "flag_surf_type_class_20_ku"),
                 withoutClass.skipped.at(0).c_str());
    }

    void realCryoSat2FlaggedFreeboardsAreRefused()
    {
        try {
            readAltimeterRecords(kRealCryoSat, loadAltimeterProfile("cryosat2_sar_l2"), antarctic());
            QFAIL("freeboards flagged unavailable were accepted");
        } catch (const SceneError& e) {
            QVERIFY2(contains(e.reason(), "flagged unusable by flag_freeboard_20_ku (29 records)"), e.what());
        }
    }

    void trackOffTheGridIsANamedError()
    {
        // The Antarctic pass does not reach an Arctic grid.
        try {
            AltimeterProfile unfiltered = loadAltimeterProfile("cryosat2_sar_l2");
            unfiltered.qualityVariable.clear();
            readAltimeterRecords(kRealCryoSat, unfiltered, m_grid);
            QFAIL("records off the grid were accepted");
        } catch (const SceneError& e) {
            QVERIFY(contains(e.file(), "CS_OFFL_SIR_SINI2"));
            QVERIFY2(contains(e.reason(), "no CryoSat-2 record falls on the analysis grid"), e.what());
        }
    }

    void missingVariableIsNamed()
    {
        // A Sentinel-3 profile on a CryoSat-2 file: lat_20_ku exists, sea_ice_freeboard_20_ku does not.
        try {
            readAltimeterRecords(kRealCryoSat, loadAltimeterProfile("sentinel3_sral_l2_si"), antarctic());
            QFAIL("a file without the profile's variables was accepted");
        } catch (const SceneError& e) {
            QVERIFY2(contains(e.reason(), "has no variable 'sea_ice_freeboard_20_ku'"), e.what());
        }
    }

    void swotSwathLandsOnTheGridWithItsGap()
    {
        const SwotOnGrid swot = readSwotSwath(m_folder.path() + "/" + m_products.swot, m_grid);
        QCOMPARE(swot.sides.size(), std::size_t(2));
        banquise::tests::OpenedDataset truthFile(m_folder.path() + "/truth/freeboard.tif");
        std::vector<float> truth(swot.height.size());
        QCOMPARE(truthFile->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, m_grid.width(), m_grid.height(), truth.data(), m_grid.width(),
                                                       m_grid.height(), GDT_Float32, 0, 0),
                 CE_None);
        std::vector<double> differences;
        std::size_t gap = 0;
        for (std::size_t i = 0; i < truth.size(); ++i) {
            if (std::isfinite(swot.height[i]))
                differences.push_back(std::abs(swot.height[i] - truth[i]));
            else
                ++gap;
        }
        // 250 m means of 40 m truth plus 3 cm noise: a few centimetres typically.
        QVERIFY(differences.size() > truth.size() / 4);
        QVERIFY(gap > 0);
        std::nth_element(differences.begin(), differences.begin() + differences.size() / 2, differences.end());
        QVERIFY2(differences[differences.size() / 2] < 0.08, qPrintable(QString::number(differences[differences.size() / 2])));

        // Distance from nadir on the same pixels: 10-60 km (this small
        // scene sees the right side only, east of the nadir track).
        QCOMPARE(swot.crossTrackDistance.size(), swot.height.size());
        for (std::size_t i = 0; i < truth.size(); ++i) {
            const float d = swot.crossTrackDistance[i];
            QCOMPARE(std::isfinite(d), std::isfinite(swot.height[i]));
            if (!std::isfinite(d))
                continue;
            QVERIFY2(d >= 10000.0f && d <= 60000.0f, qPrintable(QString::number(d)));
        }
    }

    // Basic and Expert granules keep both sides in one 2 km grid at the
    // root, the nadir gap as fill: the height lands where it belongs (it
    // tells the easting here: 1 cm per km) within half a 2 km pixel.
    void swotExpertGranuleLandsOnTheGrid()
    {
        const std::string file = m_folder.root() + "/SWOT_L2_LR_SSH_Expert_012_345_20240314T160000_20240314T161000_PIC0_01.nc";
        const MapExtent e = m_grid.extent();
        const int lines = 20, pixels = 21, nadir = 10;
        const auto lonLat = [&](int line, int pixel) {
            return m_grid.toLonLat({e.xMin - 4000.0 + 2000.0 * pixel, e.yMax + 4000.0 - 2000.0 * line});
        };
        {
            const auto ds = banquise::tests::createNetCdf4(file);
            auto root = ds->GetRootGroup();
            auto l = root->CreateDimension("num_lines", "", "", lines);
            auto p = root->CreateDimension("num_pixels", "", "", pixels);
            std::vector<double> lat, lon, height, quality, distance, time;
            for (int i = 0; i < lines; ++i) {
                time.push_back(763747200.0 + i); // 2024-03-14T16:00:00Z in seconds since 2000
                for (int j = 0; j < pixels; ++j) {
                    const LonLat ll = lonLat(i, j);
                    lat.push_back(ll.lat);
                    lon.push_back(ll.lon + 360.0 * (ll.lon < 0)); // the product's 0..360 longitudes
                    height.push_back(j == nadir ? NAN : (2000.0 * j - 4000.0) / 100000.0);
                    quality.push_back(i == 5 ? 1 : 0);
                    distance.push_back(2000.0 * (j - nadir));
                }
            }
            const auto write = [&](const char* name, const std::vector<std::shared_ptr<GDALDimension>>& dims, const std::vector<double>& v) {
                banquise::tests::writeVariable(root, name, dims, v);
            };
            write("latitude", {l, p}, lat);
            write("longitude", {l, p}, lon);
            write("ssh_karin", {l, p}, height);
            write("ssh_karin_qual", {l, p}, quality);
            write("cross_track_distance", {l, p}, distance);
            write("time", {l}, time);
        }
        const SwotGranule granule = describeSwotGranule(file);
        QCOMPARE(granule.layout, std::string("Basic/Expert"));
        QCOMPARE(formatUtc(granule.time), std::string("2024-03-14T16:00:00Z"));
        const SwotOnGrid swot = readSwotSwath(file, m_grid);
        QCOMPARE(swot.sides.size(), std::size_t(1));
        int checked = 0, gap = 0;
        for (int r = 0; r < m_grid.height(); r += 4)
            for (int c = 0; c < m_grid.width(); c += 4) {
                const MapPoint at = m_grid.pixelCentre(c, r);
                const double easting = at.x - e.xMin; // metres from the grid's west edge
                const float h = swot.height[static_cast<std::size_t>(r) * m_grid.width() + c];
                const bool nearNadir = std::abs(easting - 2000.0 * nadir + 4000.0) < 900.0;
                const bool flaggedLine = std::abs((e.yMax - at.y) - (2000.0 * 5 - 4000.0)) < 900.0;
                if (nearNadir || flaggedLine) {
                    gap += !std::isfinite(h);
                    continue;
                }
                if (std::abs(std::fmod(easting + 4000.0, 2000.0) - 1000.0) < 100.0)
                    continue; // halfway between two pixels
                QVERIFY2(std::isfinite(h) && std::abs(h - easting / 100000.0) <= 0.01,
                         qPrintable(QString("cell %1 %2: %3 against %4").arg(c).arg(r).arg(h).arg(easting / 100000.0)));
                ++checked;
            }
        QVERIFY(checked > 100);
        QVERIFY(gap > 10);
        const Detection d = detectProducts({file});
        QCOMPARE(d.products.size(), std::size_t(1));
        QCOMPARE(d.products[0].detail, std::string("KaRIn swath, Basic/Expert"));
    }

    void swotWithEveryPixelFlaggedIsRefused()
    {
        const std::string file = m_folder.root() + "/flagged.nc";
        fs::copy_file(m_folder.path() + "/" + m_products.swot, file, fs::copy_options::overwrite_existing);
        QVERIFY(banquise::tests::flagEverySwotPixel(file));
        try {
            readSwotSwath(file, m_grid);
            QFAIL("an all-flagged swath was accepted");
        } catch (const SceneError& e) {
            QVERIFY2(contains(e.reason(), "every SWOT pixel is flagged bad"), e.what());
        }
    }

private:

    banquise::tests::TempSceneFolder m_folder;
    synthetic::SynthProducts m_products;
    AnalysisGrid m_grid;
};

BANQUISE_REGISTER_TEST(TestProductReaders);
#include "tst_ProductReaders.moc"
