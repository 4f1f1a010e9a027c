#include "common/SceneErrorText.h"
#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalDataset.h"
#include "scene/ProductCatalog.h"
#include "scene/RadarsatConstellation.h"
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
constexpr double kOffset = 1000.0;
// The sigma-nought table: gains listed from the far range (pixel 199) to
// the near range, one entry every 99 pixels, as the products' negative
// stepSize does when pixels run against range time.
constexpr int kFirstLutPixel = 199;
constexpr int kStep = -99;
constexpr double kGains[] = {3.0e5, 1.0e5, 1.0e5};

double gainAt(int pixel)
{
    const double t = std::clamp((pixel - kFirstLutPixel) / static_cast<double>(kStep), 0.0, 2.0);
    const int k = std::min(static_cast<int>(t), 1);
    return kGains[k] + (t - k) * (kGains[k + 1] - kGains[k]);
}

void writeImage(const std::string& file, std::uint16_t level)
{
    std::unique_ptr<GDALDataset> image(
        GetGDALDriverManager()->GetDriverByName("GTiff")->Create(file.c_str(), kSamples, kLines, 1, GDT_UInt16, nullptr));
    std::vector<std::uint16_t> dn(kSamples * kLines, level);
    for (int r = 60; r < 90; ++r)
        for (int c = 80; c < 120; ++c)
            dn[r * kSamples + c] = 3 * level;
    if (image->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, kSamples, kLines, dn.data(), kSamples, kLines, GDT_UInt16, 0, 0) != CE_None)
        throw std::runtime_error("cannot write the RCM imagery");
}

void writeLut(const std::string& file)
{
    std::ofstream(file) << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                        << "<lut xmlns=\"rcmGsProductSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                           "xsi:schemaLocation=\"rcmGsProductSchema ../../support/schemas/rcm_prod_lut.xsd\">\n"
                        << "\t<pixelFirstLutValue>" << kFirstLutPixel << "</pixelFirstLutValue>\n\t<stepSize>" << kStep
                        << "</stepSize>\n\t<numberOfValues>3</numberOfValues>\n\t<offset>" << kOffset << "</offset>\n\t<gains>"
                        << kGains[0] << " " << kGains[1] << " " << kGains[2] << "</gains>\n</lut>\n";
}

// A ScanSAR Medium Resolution 50 m GRD product of RCM-1 as the RCM
// processor lays it out (the product specification's names, as GDAL 3.11's
// RCM driver reads them): manifest.safe, metadata/product.xml in the
// rcmGsProductSchema namespace, metadata/calibration/ with one look-up table
// per calibration and polarisation, imagery/HH.tif and HV.tif (UInt16
// detected magnitude, a block three times brighter at the centre), and a
// 3 x 3 geolocation grid about 75 N 140 W.
std::string writeRcm(const std::string& folder, const std::string& productType = "GRD")
{
    fs::create_directories(folder + "/metadata/calibration");
    fs::create_directories(folder + "/imagery");
    GDALAllRegister();
    writeImage(folder + "/imagery/HH.tif", 100);
    writeImage(folder + "/imagery/HV.tif", 20);
    for (const char* pole : {"HH", "HV"})
        for (const char* table : {"lutSigma_", "lutBeta_", "lutGamma_"})
            writeLut(folder + "/metadata/calibration/" + table + pole + ".xml");
    std::ofstream(folder + "/manifest.safe") << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                             << "<xfdu:XFDU xmlns:xfdu=\"urn:ccsds:schema:xfdu:1\" version=\"esa/safe/rcm\"/>\n";
    std::string tiePoints;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            tiePoints += "\t\t\t\t<imageTiePoint>\n\t\t\t\t\t<imageCoordinate><line>" + std::to_string(i * (kLines - 1) / 2.0) + "</line><pixel>"
                + std::to_string(j * (kSamples - 1) / 2.0) + "</pixel></imageCoordinate>\n\t\t\t\t\t<geodeticCoordinate><latitude units=\"deg\">"
                + std::to_string(75.05 - 0.05 * i) + "</latitude><longitude units=\"deg\">" + std::to_string(-140.2 + 0.2 * j)
                + "</longitude><height units=\"m\">0</height></geodeticCoordinate>\n\t\t\t\t</imageTiePoint>\n";
    std::string tables;
    for (const char* pole : {"HH", "HV"})
        for (const auto& [type, file] : {std::pair{"Beta Nought", "lutBeta_"}, {"Sigma Nought", "lutSigma_"}, {"Gamma", "lutGamma_"}})
            tables += std::string("\t\t<lookupTableFileName sarCalibrationType=\"") + type + "\" pole=\"" + pole + "\">" + file + pole
                + ".xml</lookupTableFileName>\n";
    std::ofstream(folder + "/metadata/product.xml")
        << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        << "<product xmlns=\"rcmGsProductSchema\" copyright=\"none\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"rcmGsProductSchema ../support/schemas/rcm_prod_product.xsd\">\n"
        << "\t<productId>1234567_1</productId>\n"
        << "\t<sourceAttributes>\n\t\t<satellite>RCM-1</satellite>\n\t\t<sensor>SAR</sensor>\n"
        << "\t\t<polarizationDataMode>Dual Co/Cross</polarizationDataMode>\n\t\t<beamMode>ScanSAR Medium Resolution 50m</beamMode>\n"
        << "\t\t<beamModeMnemonic>SC50MB</beamModeMnemonic>\n\t\t<rawDataStartTime>2024-03-14T16:05:12.000000Z</rawDataStartTime>\n"
        << "\t\t<radarParameters>\n\t\t\t<acquisitionType>ScanSAR Medium Resolution 50m</acquisitionType>\n\t\t\t<beams>S1 S2 S3 S4</beams>\n"
        << "\t\t\t<polarizations>HH HV</polarizations>\n\t\t</radarParameters>\n\t</sourceAttributes>\n"
        << "\t<imageGenerationParameters>\n\t\t<generalProcessingInformation>\n\t\t\t<productType>" << productType << "</productType>\n"
        << "\t\t\t<polarizationsInProduct>HH HV</polarizationsInProduct>\n\t\t</generalProcessingInformation>\n"
        << "\t\t<sarProcessingInformation>\n\t\t\t<noiseSubtractionPerformed>false</noiseSubtractionPerformed>\n"
        << "\t\t\t<zeroDopplerTimeFirstLine>2024-03-14T16:05:12.500000Z</zeroDopplerTimeFirstLine>\n\t\t</sarProcessingInformation>\n"
        << "\t</imageGenerationParameters>\n"
        << "\t<imageReferenceAttributes>\n\t\t<productFormat>GeoTIFF</productFormat>\n" << tables
        << "\t\t<incidenceAngleFileName>incidenceAngles.xml</incidenceAngleFileName>\n"
        << "\t\t<noiseLevelFileName pole=\"HH\">noiseLevels_HH.xml</noiseLevelFileName>\n"
        << "\t\t<rasterAttributes>\n\t\t\t<sampleType>Magnitude Detected</sampleType>\n\t\t\t<dataType>Integer</dataType>\n"
        << "\t\t\t<bitsPerSample dataStream=\"Magnitude\">16</bitsPerSample>\n"
        << "\t\t\t<sampledPixelSpacing units=\"m\">50</sampledPixelSpacing>\n\t\t\t<sampledLineSpacing units=\"m\">50</sampledLineSpacing>\n"
        << "\t\t\t<lineTimeOrdering>Increasing</lineTimeOrdering>\n\t\t\t<pixelTimeOrdering>Decreasing</pixelTimeOrdering>\n"
        << "\t\t</rasterAttributes>\n\t\t<geographicInformation>\n\t\t\t<ellipsoidParameters>\n\t\t\t\t<ellipsoidName>WGS 1984</ellipsoidName>\n"
        << "\t\t\t</ellipsoidParameters>\n\t\t\t<geolocationGrid>\n" << tiePoints << "\t\t\t</geolocationGrid>\n"
        << "\t\t</geographicInformation>\n\t</imageReferenceAttributes>\n"
        << "\t<sceneAttributes>\n\t\t<numberOfEntries>1</numberOfEntries>\n\t\t<imageAttributes sampleType=\"Magnitude Detected\">\n"
        << "\t\t\t<ipdf pole=\"HH\">../imagery/HH.tif</ipdf>\n\t\t\t<ipdf pole=\"HV\">../imagery/HV.tif</ipdf>\n"
        << "\t\t\t<pixelOffset>0</pixelOffset>\n\t\t\t<lineOffset>0</lineOffset>\n"
        << "\t\t\t<numLines>" << kLines << "</numLines>\n\t\t\t<samplesPerLine>" << kSamples << "</samplesPerLine>\n"
        << "\t\t</imageAttributes>\n\t</sceneAttributes>\n</product>\n";
    return folder;
}

float valueAt(GDALDataset& ds, int pixel, int line)
{
    float v = std::nanf("");
    if (ds.GetRasterBand(1)->RasterIO(GF_Read, pixel, line, 1, 1, &v, 1, 1, GDT_Float32, 0, 0) != CE_None)
        throw std::runtime_error("cannot read the calibrated image");
    return v;
}
} // namespace

class TestRadarsatConstellation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aProductIsDescribedAndCalibratedToSigma0()
    {
        tests::TempSceneFolder folder;
        const std::string product = writeRcm(folder.path("RCM1_OK1234567_PK1234568_1_SC50MB_20240314_160512_HH_HV_GRD"));
        QVERIFY(isRcmProduct(product));
        QVERIFY(isRcmProduct(product + "/manifest.safe"));
        const RcmProduct rcm = describeRcm(product);
        QCOMPARE(rcm.satellite, std::string("RCM-1"));
        QCOMPARE(formatUtc(rcm.time), std::string("2024-03-14T16:05:12Z"));
        QCOMPARE(rcm.polarisations, (std::vector<std::string>{"HH", "HV"}));
        QCOMPARE(rcm.productType, std::string("GRD"));
        QCOMPARE(rcm.footprint.size(), std::size_t(9));
        DatasetPtr hh(openCalibratedRcm(product, "HH"));
        // sigma0 = (DN^2 + offset) / gain, the gain interpolated in range: far
        // range (pixel 199) 3e5, from pixel 100 to the near range 1e5.
        for (const int pixel : {0, 100, 150, 199})
            QVERIFY2(std::abs(valueAt(*hh, pixel, 0) - (100.0 * 100.0 + kOffset) / gainAt(pixel)) < 1e-7,
                     qPrintable(QString("pixel %1: %2").arg(pixel).arg(valueAt(*hh, pixel, 0))));
        QVERIFY(std::abs(gainAt(150) - 2.0101e5) < 10.0);
        QVERIFY(std::abs(valueAt(*hh, 100, 75) - (300.0 * 300.0 + kOffset) / 1.0e5) < 1e-6);
        QCOMPARE(hh->GetGCPCount(), 9);
        DatasetPtr hv(openCalibratedRcm(product, "HV"));
        QVERIFY(std::abs(valueAt(*hv, 0, 0) - (20.0 * 20.0 + kOffset) / 1.0e5) < 1e-7);
        QVERIFY(tests::sceneErrorOf([&] { DatasetPtr(openCalibratedRcm(product, "VV")); }).contains("has no VV image"));
    }

    // The folder is one product: neither its manifest.safe (Sentinel-1's
    // name) nor its GeoTIFFs are offered on their own.
    void aSceneIngestsItOnItsGrid()
    {
        tests::TempSceneFolder folder;
        writeRcm(folder.path("RCM1_OK1234567_PK1234568_1_SC50MB_20240314_160512_HH_HV_GRD"));
        const Detection d = detectProducts({folder.root()});
        QVERIFY2(d.skipped.empty(), d.skipped.empty() ? "" : d.skipped.front().c_str());
        QCOMPARE(d.products.size(), std::size_t(1));
        QCOMPARE(d.products[0].kind, std::string("rcm"));
        QCOMPARE(d.products[0].sensor, std::string("RCM-1"));
        QCOMPARE(d.products[0].detail, std::string("GRD HH+HV, ScanSAR Medium Resolution 50m"));
        const AnalysisGrid grid = gridForProducts(d.products, 3413, 200.0);
        writeSceneManifest(d.products, grid, "rcm", folder.path("project"));
        const LoadedScene loaded = readScene(folder.path("project"));
        QVERIFY2(loaded.skippedLayers.empty(), loaded.skippedLayers.empty() ? "" : loaded.skippedLayers.front().c_str());
        const auto hh = std::dynamic_pointer_cast<const RasterLayer>(loaded.scene.findLayer("RCM HH sigma0"));
        QVERIFY(hh);
        QVERIFY(loaded.scene.findLayer("RCM HV sigma0"));
        QCOMPARE(formatUtc(loaded.scene.referenceTime()), std::string("2024-03-14T16:05:12Z"));
        // The bright block (0.91) lands where its tie points put it: at the image centre, about 75.0 N 140.0 W.
        int col = 0;
        int row = 0;
        QVERIFY(grid.pixelAt(grid.fromLonLat({-140.0, 75.0}), col, row));
        const float centre = hh->band(0)[static_cast<std::size_t>(row) * grid.width() + col];
        QVERIFY2(std::abs(centre - 0.91f) < 0.05f, qPrintable(QString::number(centre)));
    }

    void anIncompleteProductSaysWhatIsMissing()
    {
        tests::TempSceneFolder folder;
        const std::string product = writeRcm(folder.path("RCM_GRD"));
        fs::remove(product + "/metadata/calibration/lutSigma_HV.xml");
        const QString noTable = tests::sceneErrorOf([&] { DatasetPtr(openCalibratedRcm(product, "HV")); });
        QVERIFY2(noTable.contains("lutSigma_HV.xml") && noTable.contains("sigma-nought look-up table is missing"), qPrintable(noTable));
        // A scene made of it loads the layer it can and names the one it cannot.
        const Detection d = detectProducts({product});
        QCOMPARE(d.products.size(), std::size_t(1));
        writeSceneManifest(d.products, gridForProducts(d.products, 3413, 200.0), "rcm", folder.path("project"));
        const LoadedScene loaded = readScene(folder.path("project"));
        QVERIFY(loaded.scene.findLayer("RCM HH sigma0"));
        QCOMPARE(loaded.skippedLayers.size(), std::size_t(1));
        QVERIFY2(QString::fromStdString(loaded.skippedLayers.front()).contains("lutSigma_HV.xml"), loaded.skippedLayers.front().c_str());
        fs::remove(product + "/imagery/HH.tif");
        const QString noImage = tests::sceneErrorOf([&] { DatasetPtr(openCalibratedRcm(product, "HH")); });
        QVERIFY2(noImage.contains("HH.tif") && noImage.contains("the HH image named by") && noImage.contains("is missing"), qPrintable(noImage));

        const std::string geocoded = writeRcm(folder.path("RCM_GCD"), "GCD");
        QVERIFY(tests::sceneErrorOf([&] { DatasetPtr(openCalibratedRcm(geocoded, "HH")); }).contains("is a geocoded GCD product"));
        fs::remove(geocoded + "/metadata/product.xml");
        QVERIFY(tests::sceneErrorOf([&] { describeRcm(geocoded); }).contains("product.xml: the product's metadata/product.xml is missing"));
    }
};

BANQUISE_REGISTER_TEST(TestRadarsatConstellation);
#include "tst_RadarsatConstellation.moc"
