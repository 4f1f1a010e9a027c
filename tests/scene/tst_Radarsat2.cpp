#include "common/SceneErrorText.h"
#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalDataset.h"
#include "scene/ProductCatalog.h"
#include "scene/Radarsat2.h"
#include "scene/RasterLayer.h"
#include "scene/SceneAssembly.h"
#include "scene/SceneReader.h"
#include "scene/UtcTime.h"

#include <gdal_priv.h>

#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace banquise;
using namespace banquise::scene;
namespace fs = std::filesystem;

namespace {
constexpr int kSamples = 200;
constexpr int kLines = 150;
constexpr double kGain = 1.0e5; // sigma0 = DN^2 / gain (offset 0)

// A ScanSAR Wide SGF product as RADARSAT-2's processor lays it out:
// product.xml (the RS2 schema's names), imagery_HH.tif (UInt16 detected
// magnitude, DN 100 everywhere but a 300 block), lutSigma.xml (listed
// before the image data, as the products do), and a 3 x 3
// geolocation grid of tie points about 75 N 140 W.
std::string writeRadarsat2(const std::string& folder, bool withLut = true)
{
    fs::create_directories(folder);
    GDALAllRegister();
    std::unique_ptr<GDALDataset> image(
        GetGDALDriverManager()->GetDriverByName("GTiff")->Create((folder + "/imagery_HH.tif").c_str(), kSamples, kLines, 1, GDT_UInt16, nullptr));
    std::vector<std::uint16_t> dn(kSamples * kLines, 100);
    for (int r = 60; r < 90; ++r)
        for (int c = 80; c < 120; ++c)
            dn[r * kSamples + c] = 300;
    if (image->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, kSamples, kLines, dn.data(), kSamples, kLines, GDT_UInt16, 0, 0) != CE_None)
        throw std::runtime_error("cannot write the RADARSAT-2 imagery");
    image.reset();
    std::string gains;
    for (int i = 0; i < kSamples; ++i)
        gains += (i ? " " : "") + std::to_string(kGain);
    std::ofstream(folder + "/lutSigma.xml") << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lut xmlns=\"http://www.rsi.ca/rs2/prod/xml/schemas\">\n"
                                            << "<offset>0.000000e+00</offset>\n<gains>" << gains << "</gains>\n</lut>\n";
    std::string tiePoints;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            const double line = i * (kLines - 1) / 2.0;
            const double pixel = j * (kSamples - 1) / 2.0;
            tiePoints += "<imageTiePoint><imageCoordinate><line>" + std::to_string(line) + "</line><pixel>" + std::to_string(pixel)
                + "</pixel></imageCoordinate><geodeticCoordinate><latitude units=\"deg\">" + std::to_string(75.05 - 0.05 * i)
                + "</latitude><longitude units=\"deg\">" + std::to_string(-140.2 + 0.2 * j)
                + "</longitude><height units=\"m\">0</height></geodeticCoordinate></imageTiePoint>\n";
        }
    std::ofstream(folder + "/product.xml")
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<product xmlns=\"http://www.rsi.ca/rs2/prod/xml/schemas\">\n"
        << "<sourceAttributes><satellite>RADARSAT-2</satellite><sensor>SAR</sensor><beamModeMnemonic>SCWA</beamModeMnemonic>"
        << "<rawDataStartTime>2024-03-14T16:05:12.000000Z</rawDataStartTime></sourceAttributes>\n"
        << "<imageGenerationParameters><generalProcessingInformation><productType>SGF</productType></generalProcessingInformation>"
        << "</imageGenerationParameters>\n<imageAttributes>\n"
        << "<rasterAttributes><dataType>Magnitude Detected</dataType><bitsPerSample dataStream=\"Magnitude\">16</bitsPerSample>"
        << "<numberOfSamplesPerLine>" << kSamples << "</numberOfSamplesPerLine><numberOfLines>" << kLines << "</numberOfLines>"
        << "<sampledPixelSpacing units=\"m\">50</sampledPixelSpacing><sampledLineSpacing units=\"m\">50</sampledLineSpacing>"
        << "</rasterAttributes>\n"
        << (withLut ? "<lookupTable incidenceAngleCorrection=\"Sigma Nought\">lutSigma.xml</lookupTable>\n" : "")
        << "<fullResolutionImageData pole=\"HH\">imagery_HH.tif</fullResolutionImageData>\n"
        << "<geographicInformation><geolocationGrid>\n" << tiePoints << "</geolocationGrid>"
        << "<referenceEllipsoidParameters><ellipsoidName>WGS 1984</ellipsoidName><semiMajorAxis units=\"m\">6378137</semiMajorAxis>"
        << "<semiMinorAxis units=\"m\">6356752.314245</semiMinorAxis><geodeticTerrainHeight units=\"m\">0</geodeticTerrainHeight>"
        << "</referenceEllipsoidParameters></geographicInformation>\n</imageAttributes>\n</product>\n";
    return folder;
}
} // namespace

class TestRadarsat2 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aProductIsDescribedAndCalibratedToSigma0()
    {
        tests::TempSceneFolder folder;
        const std::string product = writeRadarsat2(folder.path("RS2_OK1_PK1_DK1_SCWA_20240314_160512_HH_SGF"));
        const Radarsat2Product rs2 = describeRadarsat2(product);
        QCOMPARE(formatUtc(rs2.time), std::string("2024-03-14T16:05:12Z"));
        QCOMPARE(rs2.polarisations, std::vector<std::string>{"HH"});
        QCOMPARE(rs2.productType, std::string("SGF"));
        QCOMPARE(rs2.footprint.size(), std::size_t(9));
        DatasetPtr sigma0(openCalibratedRadarsat2(product, "HH"));
        float corner = 0.0f;
        float block = 0.0f;
        QCOMPARE(sigma0->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, 1, 1, &corner, 1, 1, GDT_Float32, 0, 0), CE_None);
        QCOMPARE(sigma0->GetRasterBand(1)->RasterIO(GF_Read, 100, 75, 1, 1, &block, 1, 1, GDT_Float32, 0, 0), CE_None);
        QVERIFY(std::abs(corner - 100.0f * 100.0f / kGain) < 1e-6f); // 0.1: -10 dB
        QVERIFY(std::abs(block - 300.0f * 300.0f / kGain) < 1e-6f);
        QVERIFY(sigma0->GetGCPCount() == 9);
        QVERIFY(tests::sceneErrorOf([&] { DatasetPtr(openCalibratedRadarsat2(product, "VV")); }).contains("has no VV band"));
    }

    void aSceneIngestsItOnItsGrid()
    {
        tests::TempSceneFolder folder;
        writeRadarsat2(folder.path("RS2_OK1_PK1_DK1_SCWA_20240314_160512_HH_SGF"));
        const Detection d = detectProducts({folder.root()});
        QCOMPARE(d.products.size(), std::size_t(1));
        QCOMPARE(d.products[0].kind, std::string("radarsat2"));
        QCOMPARE(d.products[0].detail, std::string("SGF HH"));
        const AnalysisGrid grid = gridForProducts(d.products, 3413, 200.0);
        writeSceneManifest(d.products, grid, "rs2", folder.path("project"));
        const LoadedScene loaded = readScene(folder.path("project"));
        QVERIFY2(loaded.skippedLayers.empty(), loaded.skippedLayers.empty() ? "" : loaded.skippedLayers.front().c_str());
        const auto hh = std::dynamic_pointer_cast<const RasterLayer>(loaded.scene.findLayer("RS2 HH sigma0"));
        QVERIFY(hh);
        QCOMPARE(formatUtc(loaded.scene.referenceTime()), std::string("2024-03-14T16:05:12Z"));
        // The bright block (0.9) lands where its tie points put it: at the image centre, about 75.0 N 140.0 W.
        int col = 0;
        int row = 0;
        QVERIFY(grid.pixelAt(grid.fromLonLat({-140.0, 75.0}), col, row));
        QVERIFY2(std::abs(hh->band(0)[static_cast<std::size_t>(row) * grid.width() + col] - 0.9f) < 0.05f,
                 qPrintable(QString::number(hh->band(0)[static_cast<std::size_t>(row) * grid.width() + col])));
    }

    void aProductWithoutItsSigmaTableIsNamed()
    {
        tests::TempSceneFolder folder;
        const std::string product = writeRadarsat2(folder.path("RS2_SSG"), false);
        QVERIFY(tests::sceneErrorOf([&] { DatasetPtr(openCalibratedRadarsat2(product, "HH")); })
                    .contains("product.xml: names no sigma-nought look-up table"));
    }
};

BANQUISE_REGISTER_TEST(TestRadarsat2);
#include "tst_Radarsat2.moc"
