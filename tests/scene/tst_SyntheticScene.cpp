#include "common/TempSceneFolder.h"
#include "common/OpenedDataset.h"
#include "common/TestRegistry.h"

#include "scene/AnalysisGrid.h"
#include "scene/BuoyTracks.h"
#include "scene/RasterLayer.h"
#include "scene/SceneError.h"
#include "scene/SceneReader.h"
#include "scene/SensorProfile.h"
#include "scene/TrackLayer.h"
#include "scene/Sentinel1Calibrated.h"
#include "scene/UtcTime.h"
#include "scene/synthetic/FootprintSampling.h"
#include "scene/synthetic/IceTruth.h"
#include "scene/synthetic/SpeckleStatistics.h"
#include "scene/synthetic/SyntheticScene.h"

#include <gdal_priv.h>

#include <opencv2/imgproc.hpp>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace banquise::scene;
using namespace banquise::scene::synthetic;
namespace fs = std::filesystem;

namespace {
// Every sensor sees the ice at the SAR time here, so that tests can compare
// products with the truth rasters without the drift.
SynthOptions simultaneous()
{
    SynthOptions o;
    o.seed = 7;
    o.sizeKm = 30.0;
    o.amsrTime = o.sarTime;
    o.cryosatTime = o.sarTime;
    o.sentinel3Time = o.sarTime;
    o.saralTime = o.sarTime;
    o.swotTime = o.sarTime;
    return o;
}

template <class T>
std::vector<T> readBand(const std::string& path, int band = 1)
{
    banquise::tests::OpenedDataset ds(path);
    const int w = ds->GetRasterXSize();
    const int h = ds->GetRasterYSize();
    std::vector<T> values(static_cast<std::size_t>(w) * h);
    const GDALDataType type = std::is_same_v<T, float> ? GDT_Float32 : GDT_Byte;
    if (ds->GetRasterBand(band)->RasterIO(GF_Read, 0, 0, w, h, values.data(), w, h, type, 0, 0) != CE_None)
        qFatal("cannot read %s", path.c_str());
    return values;
}

// A whole variable as stored (scale not applied).
std::vector<double> readArray(const std::shared_ptr<GDALGroup>& group, const char* name)
{
    auto array = group->OpenMDArray(name);
    if (!array)
        qFatal("no variable %s", name);
    std::vector<size_t> count;
    std::size_t total = 1;
    for (const auto& d : array->GetDimensions()) {
        count.push_back(static_cast<size_t>(d->GetSize()));
        total *= count.back();
    }
    std::vector<double> values(total);
    std::vector<GUInt64> start(count.size(), 0);
    if (!array->Read(start.data(), count.data(), nullptr, nullptr, GDALExtendedDataType::Create(GDT_Float64), values.data()))
        qFatal("cannot read %s", name);
    return values;
}

std::vector<double> readScaled(const std::shared_ptr<GDALGroup>& group, const char* name)
{
    std::vector<double> values = readArray(group, name);
    const double scale = group->OpenMDArray(name)->GetScale();
    for (double& v : values)
        v *= scale;
    return values;
}

std::vector<char> bytes(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

double mean(const std::vector<double>& v)
{
    double s = 0.0;
    for (double x : v)
        s += x;
    return s / static_cast<double>(v.size());
}

double standardDeviation(const std::vector<double>& v)
{
    const double m = mean(v);
    double s = 0.0;
    for (double x : v)
        s += (x - m) * (x - m);
    return std::sqrt(s / static_cast<double>(v.size() - 1));
}
} // namespace

class TestSyntheticScene : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_options = simultaneous();
        m_products = writeSyntheticScene(m_options, m_folder.path());
        m_root = m_folder.path();
        m_grid = readScene(m_root).scene.grid();
    }

    void gdalOpensEveryProductWithItsOwnDriver()
    {
        banquise::tests::OpenedDataset safe(m_root + "/" + m_products.sar + "/manifest.safe");
        QVERIFY(safe.ds);
        QCOMPARE(QString(safe->GetDriver()->GetDescription()), QString("SAFE"));
        QCOMPARE(QString(safe->GetMetadataItem("PRODUCT_TYPE")), QString("GRD"));
        QCOMPARE(QString(safe->GetMetadataItem("MODE")), QString("EW"));
        QVERIFY(QString(safe->GetMetadataItem("ACQUISITION_START_TIME")).startsWith("2024-03-14T16:05:12"));
        QCOMPARE(safe->GetRasterCount(), 2);
        QVERIFY(safe->GetGCPCount() >= 100);

        banquise::tests::OpenedDataset amsr(m_root + "/" + m_products.amsr2);
        QCOMPARE(QString(amsr->GetDriver()->GetDescription()), QString("GTiff"));
        QCOMPARE(QString(amsr->GetSpatialRef()->GetAuthorityCode(nullptr)), QString("3413"));
        double t[6];
        amsr->GetGeoTransform(t);
        QCOMPARE(t[1], 6250.0);
        int hasNoData = 0;
        QCOMPARE(amsr->GetRasterBand(1)->GetNoDataValue(&hasNoData), 255.0);
        QVERIFY(hasNoData);
        QCOMPARE(QString(amsr->GetMetadataItem("ACQUISITION_TIME")), QString::fromStdString(m_options.amsrTime));

        // Sentinel-2: in its UTM zone (7 N at 140 W), 20 m, reflectance scale.
        banquise::tests::OpenedDataset optical(m_root + "/" + m_products.sentinel2);
        QCOMPARE(QString(optical->GetDriver()->GetDescription()), QString("VRT"));
        QCOMPARE(optical->GetRasterCount(), 3);
        QCOMPARE(QString(optical->GetSpatialRef()->GetAuthorityCode(nullptr)), QString("32607"));
        double ot[6];
        optical->GetGeoTransform(ot);
        QCOMPARE(ot[1], 20.0);
        QCOMPARE(optical->GetRasterBand(1)->GetScale(), 1e-4);
        const char* const* files = optical->GetFileList();
        QVERIFY(CSLCount(const_cast<char**>(files)) == 4);
        banquise::tests::OpenedDataset red(files[1]);
        QCOMPARE(QString(red->GetDriver()->GetDescription()), QString("GTiff"));
        QCOMPARE(QString(red->GetMetadataItem("ACQUISITION_TIME")), QString::fromStdString(m_options.sentinel2Time));
        QCOMPARE(red->GetRasterBand(1)->GetRasterDataType(), GDT_UInt16);
        CSLDestroy(const_cast<char**>(files));

        // Altimeters: each in its product's layout, as its profile says.
        QCOMPARE(m_products.altimeters.size(), m_options.altimeters.size());
        for (std::size_t k = 0; k < m_products.altimeters.size(); ++k) {
            const AltimeterProfile profile = loadAltimeterProfile(m_options.altimeters[k]);
            banquise::tests::OpenedDataset track(m_root + "/" + m_products.altimeters[k], GDAL_OF_MULTIDIM_RASTER);
            QVERIFY2(track.ds, m_products.altimeters[k].c_str());
            QCOMPARE(QString(track->GetDriver()->GetDescription()), QString("netCDF"));
            auto root = track->GetRootGroup();
            for (const VariableSpec* v : {&profile.time, &profile.latitude, &profile.longitude, &profile.value, &profile.surfaceType})
                QVERIFY2(root->OpenMDArray(v->name), v->name.c_str());
            QCOMPARE(root->OpenMDArray(profile.latitude.name)->GetScale(), profile.latitude.scale);
            const double first = readArray(root, profile.time.name.c_str()).front();
            const double utcFirst = first + profile.timeEpoch - profile.taiMinusUtc;
            QVERIFY(std::abs(utcFirst - *parseUtc(m_options.altimeterTime(m_options.altimeters[k]))) < 10.0);
        }
        // CryoSat-2 as ESA writes it: POCA latitude in 1e-7 degrees, time in TAI.
        QCOMPARE(loadAltimeterProfile("cryosat2_sar_l2").latitude.scale, 1e-7);
        QCOMPARE(loadAltimeterProfile("cryosat2_sar_l2").taiMinusUtc, 37.0);

        banquise::tests::OpenedDataset swot(m_root + "/" + m_products.swot, GDAL_OF_MULTIDIM_RASTER);
        for (const char* side : {"left", "right"}) {
            auto group = swot->GetRootGroup()->OpenGroup(side);
            QVERIFY2(group, side);
            QCOMPARE(group->OpenMDArray("latitude")->GetDimensionCount(), std::size_t(2));
            QVERIFY(group->OpenMDArray("ssh_karin_2") && group->OpenMDArray("ssh_karin_2_qual"));
        }
    }

    void banquiseOpensTheSceneAndSarLinesUpWithTheTruth()
    {
        // SAFE -> sigma0 calibration -> GCP warp onto the grid: open leads
        // of the truth must be dark in the SAR at the same grid cells.
        const LoadedScene loaded = readScene(m_root);
        QVERIFY2(loaded.skippedLayers.empty(), loaded.skippedLayers.empty() ? "" : loaded.skippedLayers.front().c_str());
        QCOMPARE(loaded.scene.layers().size(), std::size_t(10 + m_options.altimeters.size())); // and the buoys
        const auto sar = std::dynamic_pointer_cast<const RasterLayer>(loaded.scene.findLayer("S1 HH sigma0"));
        QVERIFY(sar);
        // Cells wholly of calm open water or of floe (wind-roughened water is bright: a trap of its own).
        const auto water = readBand<float>(m_root + "/truth/class_fraction.tif", 1 + kOpenWater);
        const auto floes = readBand<float>(m_root + "/truth/class_fraction.tif", 1 + kFloe);
        const auto windy = readBand<float>(m_root + "/truth/trap_fraction.tif", 1);
        double waterSum = 0.0;
        double floeSum = 0.0;
        int waterCount = 0;
        int floeCount = 0;
        for (std::size_t i = 0; i < water.size(); ++i) {
            const float v = sar->band(0)[i];
            if (!std::isfinite(v))
                continue;
            if (water[i] == 1.0f && windy[i] == 0.0f) {
                waterSum += v;
                ++waterCount;
            } else if (floes[i] == 1.0f) {
                floeSum += v;
                ++floeCount;
            }
        }
        QVERIFY2(waterCount > 1000 && floeCount > 1000, qPrintable(QString("%1 water, %2 floe cells").arg(waterCount).arg(floeCount)));
        const double contrastDb = 10.0 * std::log10((floeSum / floeCount) / (waterSum / waterCount));
        QVERIFY2(contrastDb > 5.0, qPrintable(QString::number(contrastDb)));
    }

    void singleLookComplexCropHasOneLookAndTheGrdLevel()
    {
        banquise::tests::OpenedDataset slc(m_root + "/" + m_products.sarComplex + "/manifest.safe");
        QVERIFY(slc.ds);
        QCOMPARE(QString(slc->GetMetadataItem("PRODUCT_TYPE")), QString("SLC"));
        QCOMPARE(slc->GetRasterBand(1)->GetRasterDataType(), GDT_CInt16);
        std::unique_ptr<GDALDataset, decltype(&GDALClose)> complexSigma0(
            openCalibratedSentinel1(m_root + "/" + m_products.sarComplex + "/manifest.safe", "HH"), GDALClose);
        std::unique_ptr<GDALDataset, decltype(&GDALClose)> grdSigma0(
            openCalibratedSentinel1(m_root + "/" + m_products.sar + "/manifest.safe", "HH"), GDALClose);
        const int size = complexSigma0->GetRasterXSize();
        const int offset = (grdSigma0->GetRasterXSize() - size) / 2;
        std::vector<float> slcValues(static_cast<std::size_t>(size) * size);
        std::vector<float> grdValues(slcValues.size());
        QCOMPARE(complexSigma0->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, size, size, slcValues.data(), size, size, GDT_Float32, 0, 0),
                 CE_None);
        QCOMPARE(grdSigma0->GetRasterBand(1)->RasterIO(GF_Read, offset, offset, size, size, grdValues.data(), size, size, GDT_Float32, 0, 0),
                 CE_None);
        double slcSum = 0.0;
        double grdSum = 0.0;
        for (std::size_t i = 0; i < slcValues.size(); ++i)
            if (std::isfinite(slcValues[i]) && std::isfinite(grdValues[i])) { // 0 DN is no data
                slcSum += slcValues[i];
                grdSum += grdValues[i];
            }
        QVERIFY2(std::abs(slcSum / grdSum - 1.0) < 0.05, qPrintable(QString::number(slcSum / grdSum)));
        // The crop's truth, to find uniform floe windows.
        const auto surface = readBand<unsigned char>(m_root + "/truth/surface_class.tif");
        const auto roughness = readBand<float>(m_root + "/truth/roughness.tif");
        std::vector<unsigned char> surfaceCrop;
        std::vector<float> roughnessCrop;
        for (int r = 0; r < size; ++r)
            for (int c = 0; c < size; ++c) {
                const std::size_t i = static_cast<std::size_t>(r + offset) * m_grid.width() + c + offset;
                surfaceCrop.push_back(surface[i]);
                roughnessCrop.push_back(roughness[i]);
            }
        const double enl = measureEnl(slcValues, surfaceCrop, roughnessCrop, size, size, 12);
        QVERIFY2(std::abs(enl - 1.0) < 0.1, qPrintable(QString::number(enl)));
    }

    void floeSizesFollowAPowerLaw()
    {
        // Number of floes larger than A against A, log-log: a straight line
        // over two decades (1 ha to 1 km^2 and more), from tens of metres to
        // kilometres. Floes are the pieces of the fracture network (truth/floe_id.tif).
        const auto ids = readBand<float>(m_root + "/truth/floe_id.tif");
        std::map<float, int> cells;
        for (float id : ids)
            if (id > 0.0f)
                ++cells[id];
        std::vector<double> areas;
        for (const auto& [id, count] : cells)
            areas.push_back(count * m_grid.pixelSize() * m_grid.pixelSize());
        std::sort(areas.begin(), areas.end());
        QVERIFY(std::sqrt(areas.front()) < 100.0);
        QVERIFY(std::sqrt(areas.back()) > 2000.0);
        std::vector<double> x;
        std::vector<double> y;
        for (double a = 1.0e4; a <= 1.0e6; a *= 1.5) {
            const auto larger = areas.end() - std::upper_bound(areas.begin(), areas.end(), a);
            x.push_back(std::log10(a));
            y.push_back(std::log10(static_cast<double>(larger)));
        }
        const double mx = mean(x);
        const double my = mean(y);
        double sxy = 0.0;
        double sxx = 0.0;
        double syy = 0.0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        const double slope = sxy / sxx;
        const double r2 = sxy * sxy / (sxx * syy);
        qInfo("floe area CCDF: slope %.2f, R2 %.3f over %zu floes", slope, r2, areas.size());
        QVERIFY2(r2 > 0.95, qPrintable(QString("R2 %1 slope %2").arg(r2).arg(slope)));
        QVERIFY2(slope < -0.4 && slope > -1.6, qPrintable(QString("slope %1").arg(slope)));
    }

    void sarSpeckleHasTheConfiguredLooks()
    {
        // ENL = mean^2 / variance of sigma0 in windows that lie on one
        // surface of uniform backscatter: inside a floe (one roughness).
        std::unique_ptr<GDALDataset, decltype(&GDALClose)> sigma0(
            openCalibratedSentinel1(m_root + "/" + m_products.sar + "/manifest.safe", "HH"), GDALClose);
        const int w = sigma0->GetRasterXSize();
        std::vector<float> values(static_cast<std::size_t>(w) * w);
        QCOMPARE(sigma0->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, w, values.data(), w, w, GDT_Float32, 0, 0), CE_None);
        const auto surface = readBand<unsigned char>(m_root + "/truth/surface_class.tif");
        const auto roughness = readBand<float>(m_root + "/truth/roughness.tif");
        int windows = 0;
        const double measured = measureEnl(values, surface, roughness, w, w, 12, &windows);
        QVERIFY2(windows > 200, qPrintable(QString::number(windows)));
        QVERIFY2(std::abs(measured - m_options.sarLooks) <= 0.1 * m_options.sarLooks, qPrintable(QString::number(measured)));
    }

    void concentrationIsTheTruthBlockAveragePlusNoise()
    {
        // Recompute the 6.25 km block averages from the truth's open-water
        // fractions; the generator counts truth pixels by their own centre, so
        // analysis cells astride a block edge leave up to half a percent.
        const auto water = readBand<float>(m_root + "/truth/class_fraction.tif", 1 + kOpenWater);
        const auto truth = readBand<float>(m_root + "/truth/amsr2_concentration.tif");
        const auto product = readBand<unsigned char>(m_root + "/" + m_products.amsr2);
        banquise::tests::OpenedDataset cells(m_root + "/" + m_products.amsr2);
        const int cellsWide = cells->GetRasterXSize();
        std::vector<double> residuals;
        for (int cr = 0; cr < cells->GetRasterYSize(); ++cr)
            for (int cc = 0; cc < cellsWide; ++cc) {
                double ice = 0.0;
                double all = 0.0;
                for (int r = 0; r < m_grid.height(); ++r)
                    for (int c = 0; c < m_grid.width(); ++c) {
                        const MapPoint p = m_grid.pixelCentre(c, r);
                        const int col = static_cast<int>((p.x - m_grid.originX()) / 6250.0);
                        const int row = static_cast<int>((m_grid.originY() - p.y) / 6250.0);
                        if (col != cc || row != cr)
                            continue;
                        all += 1.0;
                        ice += 1.0 - water[static_cast<std::size_t>(r) * m_grid.width() + c];
                    }
                const std::size_t i = static_cast<std::size_t>(cr) * cellsWide + cc;
                QVERIFY(all > 0.0);
                QVERIFY2(std::abs(truth[i] - 100.0 * ice / all) < 0.5, qPrintable(QString::number(truth[i] - 100.0 * ice / all)));
                if (product[i] < 100) // unclamped cells carry the noise as it is
                    residuals.push_back(product[i] - truth[i]);
            }
        QVERIFY(!residuals.empty());
        for (double r : residuals)
            QVERIFY2(std::abs(r) <= 4.0 * m_options.amsrNoisePercent + 0.5, qPrintable(QString::number(r)));
    }

    void altimeterRecordsAreTheFootprintTruthPlusNoise_data()
    {
        QTest::addColumn<int>("index");
        for (std::size_t k = 0; k < simultaneous().altimeters.size(); ++k)
            QTest::newRow(simultaneous().altimeters[k].c_str()) << static_cast<int>(k);
    }
    void altimeterRecordsAreTheFootprintTruthPlusNoise()
    {
        QFETCH(int, index);
        const AltimeterProfile profile = loadAltimeterProfile(m_options.altimeters[index]);
        banquise::tests::OpenedDataset track(m_root + "/" + m_products.altimeters[index], GDAL_OF_MULTIDIM_RASTER);
        auto root = track->GetRootGroup();
        const auto lat = readScaled(root, profile.latitude.name.c_str());
        const auto lon = readScaled(root, profile.longitude.name.c_str());
        const auto freeboard = readScaled(root, profile.value.name.c_str());
        const auto truth = readBand<float>(m_root + "/truth/freeboard.tif");
        QVERIFY(freeboard.size() > 40);
        std::vector<double> residuals;
        for (std::size_t i = 1; i + 1 < freeboard.size(); ++i) {
            const MapPoint p = m_grid.fromLonLat({lon[i], lat[i]});
            const MapPoint a = m_grid.fromLonLat({lon[i - 1], lat[i - 1]});
            const MapPoint b = m_grid.fromLonLat({lon[i + 1], lat[i + 1]});
            const double norm = std::hypot(b.x - a.x, b.y - a.y);
            const MapPoint along{(b.x - a.x) / norm, (b.y - a.y) / norm};
            // Mean truth over the footprint, sampled every 10 m (the truth's
            // pixel) on the cells' mean freeboard.
            double sum = 0.0;
            int count = 0;
            for (const MapPoint& q : footprintSamples(p, along, profile.footprintAlongM, profile.footprintAcrossM, 10.0)) {
                int c = 0;
                int r = 0;
                if (m_grid.pixelAt(q, c, r)) {
                    sum += truth[static_cast<std::size_t>(r) * m_grid.width() + c];
                    ++count;
                }
            }
            QVERIFY(count > 50);
            residuals.push_back(freeboard[i] - sum / count);
        }
        const double sigma = profile.freeboardNoiseM * m_options.altimeterNoiseFactor;
        QVERIFY2(std::abs(mean(residuals)) < 3.0 * sigma / std::sqrt(residuals.size()) + 0.01, qPrintable(QString::number(mean(residuals))));
        // Three standard errors of a sample standard deviation, sigma / sqrt(2 (n - 1)).
        const double tolerance = 3.0 * sigma / std::sqrt(2.0 * (residuals.size() - 1.0));
        QVERIFY2(std::abs(standardDeviation(residuals) - sigma) < tolerance,
                 qPrintable(QString("%1 over %2 records").arg(standardDeviation(residuals)).arg(residuals.size())));
    }

    void swotSwathHasItsGeometry()
    {
        banquise::tests::OpenedDataset swot(m_root + "/" + m_products.swot, GDAL_OF_MULTIDIM_RASTER);
        auto positions = [&](const char* side) {
            auto group = swot->GetRootGroup()->OpenGroup(side);
            const auto lat = readArray(group, "latitude");
            const auto lon = readArray(group, "longitude");
            const auto dims = group->OpenMDArray("latitude")->GetDimensions();
            const std::size_t pixels = dims[1]->GetSize();
            std::vector<MapPoint> line; // the middle line of the side
            const std::size_t middle = dims[0]->GetSize() / 2;
            for (std::size_t k = 0; k < pixels; ++k)
                line.push_back(m_grid.fromLonLat({lon[middle * pixels + k], lat[middle * pixels + k]}));
            return line;
        };
        const auto left = positions("left");
        const auto right = positions("right");
        QCOMPARE(left.size(), std::size_t(200)); // 50 km of 250 m pixels
        auto distance = [](const MapPoint& a, const MapPoint& b) { return std::hypot(a.x - b.x, a.y - b.y); };
        QVERIFY(std::abs(distance(right[0], right[1]) - 250.0) < 1.0);
        // Left pixels count towards nadir, right ones away from it.
        const double gap = distance(left.back(), right.front());
        QVERIFY2(std::abs(gap - 20250.0) < 5.0, qPrintable(QString::number(gap)));
        const double width = distance(right.front(), right.back()) + 250.0;
        QVERIFY2(std::abs(width - 50000.0) < 5.0, qPrintable(QString::number(width)));
    }

    void buoysRideTheTruthDriftWithGpsNoise()
    {
        const auto buoys = readBuoyTracks(m_root + "/" + m_products.buoys);
        QCOMPARE(static_cast<int>(buoys.size()), m_options.buoys);
        const double t1 = *parseUtc(m_options.sarTime);
        const double t2 = *parseUtc(m_options.sarSecondTime);
        const auto dx = readBand<float>(m_root + "/truth/drift_pixels.tif", 1);
        const auto dy = readBand<float>(m_root + "/truth/drift_pixels.tif", 2);
        double squared = 0.0;
        for (const BuoyTrack& buoy : buoys) {
            QVERIFY(buoy.fixes.front().time < t1 - 36000.0 && buoy.fixes.back().time > t2 + 36000.0);
            const MapPoint from = m_grid.fromLonLat(*buoyPositionAt(buoy, t1, 3600.0));
            const MapPoint to = m_grid.fromLonLat(*buoyPositionAt(buoy, t2, 3600.0));
            int col = 0;
            int row = 0;
            QVERIFY(m_grid.pixelAt(from, col, row)); // dropped inside the scene
            const std::size_t i = static_cast<std::size_t>(row) * m_grid.width() + col;
            const double east = to.x - from.x - dx[i] * m_grid.pixelSize();
            const double north = to.y - from.y + dy[i] * m_grid.pixelSize();
            squared += east * east + north * north;
        }
        // Two interpolated fixes of 10 m noise per axis: about 10-20 m per axis, never the drift itself (kilometres).
        const double rms = std::sqrt(squared / (2.0 * buoys.size()));
        QVERIFY2(rms > 2.0 && rms < 30.0, qPrintable(QString::number(rms)));
        // The scene shows them as tracks valued with their speed, which the models do not take for freeboard.
        const auto layer = std::dynamic_pointer_cast<const TrackLayer>(readScene(m_root).scene.findLayer("Buoys"));
        QVERIFY(layer);
        QVERIFY(layer->info().quantity == Quantity::DriftSpeed);
        std::set<int> shown;
        std::vector<float> speeds;
        for (const auto& record : layer->records()) {
            shown.insert(record.segment);
            speeds.push_back(record.value);
        }
        QCOMPARE(static_cast<int>(shown.size()), m_options.buoys);
        std::nth_element(speeds.begin(), speeds.begin() + speeds.size() / 2, speeds.end());
        const double truthSpeed = std::hypot(m_options.driftEastMetresPerDay, m_options.driftNorthMetresPerDay) / 1000.0;
        QVERIFY2(std::abs(speeds[speeds.size() / 2] - truthSpeed) < 0.1 * truthSpeed, qPrintable(QString::number(speeds[speeds.size() / 2])));
    }

    void sameSeedSameBytesOtherSeedOtherScene()
    {
        banquise::tests::TempSceneFolder again;
        writeSyntheticScene(m_options, again.path());
        std::size_t compared = 0;
        for (const auto& entry : fs::recursive_directory_iterator(m_root)) {
            // The generator's output; the cache/ folder is the reader's.
            if (!entry.is_regular_file() || entry.path().parent_path().filename() == "cache")
                continue;
            const fs::path twin = fs::path(again.path()) / fs::relative(entry.path(), m_root);
            QVERIFY2(bytes(entry.path()) == bytes(twin), qPrintable(QString::fromStdString(twin.string())));
            ++compared;
        }
        QVERIFY(compared > 15);
        SynthOptions other = m_options;
        other.seed = 8;
        banquise::tests::TempSceneFolder different;
        const SynthProducts products = writeSyntheticScene(other, different.path());
        QVERIFY(bytes(fs::path(different.path()) / "truth/freeboard.tif") != bytes(fs::path(m_root) / "truth/freeboard.tif"));
    }

    void impossibleParametersWriteNothing_data()
    {
        QTest::addColumn<QString>("parameter");
        QTest::newRow("negative size") << "size";
        QTest::newRow("footprint larger than the scene") << "footprint";
        QTest::newRow("times out of order") << "times";
        QTest::newRow("not a time") << "time text";
        QTest::newRow("unknown mode") << "mode";
        QTest::newRow("unknown regime") << "regime";
        QTest::newRow("pixel spacing finer than the truth") << "finer";
        QTest::newRow("pixel spacing not a multiple of the truth's") << "multiple";
    }
    void impossibleParametersWriteNothing()
    {
        QFETCH(QString, parameter);
        SynthOptions o = m_options;
        if (parameter == "size")
            o.sizeKm = -5.0;
        else if (parameter == "footprint") {
            o.sizeKm = 1.2; // 120 pixels of 10 m: smaller than a CryoSat-2 footprint
            o.pixelSize = 10.0;
        }
        else if (parameter == "times")
            o.sarSecondTime = "2024-03-13T00:00:00Z";
        else if (parameter == "mode")
            o.mode = "SM";
        else if (parameter == "regime")
            o.regime = "tropical";
        else if (parameter == "finer")
            o.truthPixelSize = 80.0;
        else if (parameter == "multiple")
            o.truthPixelSize = 15.0;
        else
            o.swotTime = "soon";
        banquise::tests::TempSceneFolder folder;
        QVERIFY_THROWS_EXCEPTION(SceneError, writeSyntheticScene(o, folder.path()));
        QVERIFY(!fs::exists(folder.path()));
        QVERIFY(!fs::exists(folder.path() + ".partial"));
    }

private:
    banquise::tests::TempSceneFolder m_folder;
    SynthOptions m_options;
    SynthProducts m_products;
    std::string m_root;
    AnalysisGrid m_grid;
};

BANQUISE_REGISTER_TEST(TestSyntheticScene);
#include "tst_SyntheticScene.moc"
