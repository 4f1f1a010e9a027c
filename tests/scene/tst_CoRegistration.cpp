#include "common/TempSceneFolder.h"
#include "common/OpenedDataset.h"
#include "common/TestRegistry.h"

#include "scene/AnalysisGrid.h"
#include "scene/RasterOnGrid.h"
#include "scene/SceneReader.h"
#include "scene/Sentinel1Calibrated.h"
#include "scene/synthetic/SyntheticScene.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <QTest>

#include <cmath>
#include <functional>
#include <memory>
#include <random>

using namespace banquise::scene;

namespace {
using DatasetPtr = std::unique_ptr<GDALDataset, decltype(&GDALClose)>;

// A copy of a dataset's georeferencing whose two bands hold each pixel's own
// column and row (pixel centres): warped, they tell where every grid cell
// was read from.
DatasetPtr coordinateImage(GDALDataset& like)
{
    const int w = like.GetRasterXSize();
    const int h = like.GetRasterYSize();
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    DatasetPtr image(memory->Create("", w, h, 2, GDT_Float32, nullptr), GDALClose);
    double transform[6];
    if (like.GetGeoTransform(transform) == CE_None) {
        image->SetGeoTransform(transform);
        image->SetSpatialRef(like.GetSpatialRef());
    } else {
        image->SetGCPs(like.GetGCPCount(), like.GetGCPs(), like.GetGCPSpatialRef());
    }
    std::vector<float> row(w);
    for (int r = 0; r < h; ++r) {
        for (int c = 0; c < w; ++c)
            row[c] = c + 0.5f;
        image->GetRasterBand(1)->RasterIO(GF_Write, 0, r, w, 1, row.data(), w, 1, GDT_Float32, 0, 0);
        std::fill(row.begin(), row.end(), r + 0.5f);
        image->GetRasterBand(2)->RasterIO(GF_Write, 0, r, w, 1, row.data(), w, 1, GDT_Float32, 0, 0);
    }
    return image;
}
} // namespace

class TestCoRegistration : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        synthetic::SynthOptions options;
        options.sizeKm = 20.0;
        m_products = synthetic::writeSyntheticScene(options, m_folder.path());
        m_grid = readScene(m_folder.path()).scene.grid();
    }

    void sarPixelsLandOnTheirGridCells()
    {
        // The synthetic GRD's image grid is the analysis grid itself, so
        // after the GCP (thin-plate spline) warp every cell must come from
        // the same column and row: within a tenth of a pixel (half is the requirement).
        DatasetPtr sar(openCalibratedSentinel1(m_folder.path() + "/" + m_products.sar + "/manifest.safe", "HH"), GDALClose);
        DatasetPtr coordinates = coordinateImage(*sar);
        const auto bands = readRasterOnGrid(*coordinates, "SAR coordinates", m_grid, "bilinear");
        std::mt19937 rng(1);
        std::uniform_int_distribution<int> pick(5, m_grid.width() - 6);
        for (int k = 0; k < 200; ++k) {
            const int c = pick(rng);
            const int r = pick(rng);
            const std::size_t i = static_cast<std::size_t>(r) * m_grid.width() + c;
            QVERIFY2(std::abs(bands[0][i] - (c + 0.5)) <= 0.1 && std::abs(bands[1][i] - (r + 0.5)) <= 0.1,
                     qPrintable(QString("cell %1 %2 read from %3 %4").arg(c).arg(r).arg(bands[0][i]).arg(bands[1][i])));
        }
    }

    void opticalPixelsInUtmLandOnTheirGridCells()
    {
        // Sentinel-2 is in its UTM zone: a known point (the centre of a grid
        // cell, as latitude and longitude) must be read from the UTM pixel
        // that holds it, within a tenth of a pixel (half is the requirement).
        banquise::tests::OpenedDataset optical(m_folder.path() + "/" + m_products.sentinel2);
        DatasetPtr coordinates = coordinateImage(*optical.ds);
        const auto bands = readRasterOnGrid(*coordinates, "optical coordinates", m_grid, "bilinear");
        double t[6];
        optical->GetGeoTransform(t);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRSpatialReference utm(*optical->GetSpatialRef());
        utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> toUtm(OGRCreateCoordinateTransformation(&wgs84, &utm));
        std::mt19937 rng(2);
        std::uniform_int_distribution<int> pick(5, m_grid.width() - 6);
        for (int k = 0; k < 200; ++k) {
            const int c = pick(rng);
            const int r = pick(rng);
            const LonLat known = m_grid.toLonLat(m_grid.pixelCentre(c, r));
            double x = known.lon;
            double y = known.lat;
            QVERIFY(toUtm->Transform(1, &x, &y));
            const double col = (x - t[0]) / t[1];
            const double row = (y - t[3]) / t[5];
            const std::size_t i = static_cast<std::size_t>(r) * m_grid.width() + c;
            QVERIFY2(std::abs(bands[0][i] - col) <= 0.1 && std::abs(bands[1][i] - row) <= 0.1,
                     qPrintable(QString("cell %1 %2: %3 %4 against %5 %6").arg(c).arg(r).arg(bands[0][i]).arg(bands[1][i]).arg(col).arg(row)));
        }
    }

    // Concentration: averaged onto a coarser grid (a 10 m 0 / 100 %
    // checkerboard of 20 m squares is 50 % at 40 m), but never blended
    // onto a finer one (a 500 m grid's cells keep their own values at 40 m).
    void concentrationIsAveragedDownAndTakenNearestUp()
    {
        const AnalysisGrid grid(3413, 0.0, 0.0, 40.0, 50, 50);
        const auto raster = [](int size, double pixel, const std::function<float(int, int)>& value) {
            GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
            DatasetPtr ds(memory->Create("", size, size, 1, GDT_Float32, nullptr), GDALClose);
            const double transform[6] = {0.0, pixel, 0.0, 0.0, 0.0, -pixel};
            ds->SetGeoTransform(const_cast<double*>(transform));
            OGRSpatialReference polar;
            polar.importFromEPSG(3413);
            ds->SetSpatialRef(&polar);
            std::vector<float> v(static_cast<std::size_t>(size) * size);
            for (int r = 0; r < size; ++r)
                for (int c = 0; c < size; ++c)
                    v[static_cast<std::size_t>(r) * size + c] = value(c, r);
            if (ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, size, size, v.data(), size, size, GDT_Float32, 0, 0) != CE_None)
                return DatasetPtr(nullptr, GDALClose);
            return ds;
        };
        DatasetPtr fine = raster(200, 10.0, [](int c, int r) { return ((c / 2 + r / 2) % 2) * 100.0f; });
        const auto averaged = readRasterOnGrid(*fine, "fine concentration", grid, "average");
        for (float v : averaged[0])
            QVERIFY2(std::abs(v - 50.0f) < 1e-3f, qPrintable(QString::number(v)));
        DatasetPtr coarse = raster(4, 500.0, [](int c, int r) { return 10.0f * r + c; });
        const auto nearest = readRasterOnGrid(*coarse, "coarse concentration", grid, "average");
        for (int r = 0; r < grid.height(); ++r)
            for (int c = 0; c < grid.width(); ++c) {
                const MapPoint at = grid.pixelCentre(c, r);
                const float expected = 10.0f * std::floor(-at.y / 500.0) + std::floor(at.x / 500.0);
                QCOMPARE(nearest[0][static_cast<std::size_t>(r) * grid.width() + c], expected);
            }
    }

private:

    banquise::tests::TempSceneFolder m_folder;
    synthetic::SynthProducts m_products;
    AnalysisGrid m_grid;
};

BANQUISE_REGISTER_TEST(TestCoRegistration);
#include "tst_CoRegistration.moc"
