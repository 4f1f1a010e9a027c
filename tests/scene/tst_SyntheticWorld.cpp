// The synthetic world beneath the sensors: lead widths drawn from their
// power law, the SAR's resolution cell mixing what it cannot resolve, the
// classic traps of sea-ice SAR, the acquisition modes and the regimes'
// parameter files.
#include "common/OpenedDataset.h"
#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "scene/SceneError.h"
#include "scene/SensorProfile.h"
#include "scene/synthetic/IceTruth.h"
#include "scene/synthetic/LeadWidths.h"
#include "scene/synthetic/SarSimulator.h"
#include "scene/synthetic/SensorMode.h"
#include "scene/synthetic/SyntheticScene.h"
#include "scene/synthetic/WorldParameters.h"

#include <gdal_priv.h>

#include <opencv2/imgproc.hpp>

#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace banquise::scene;
using namespace banquise::scene::synthetic;
namespace fs = std::filesystem;

namespace {
// A floe field of one roughness on a 10 m truth grid, for hand-drawn leads.
IceTruth floeField(int size, float roughness)
{
    IceTruth truth;
    truth.surface = cv::Mat1b(size, size, static_cast<unsigned char>(kFloe));
    truth.appearance = cv::Mat1b(size, size, static_cast<unsigned char>(kPlain));
    truth.roughness = cv::Mat1f(size, size, roughness);
    truth.freeboard = cv::Mat1f(size, size, 0.3f);
    return truth;
}

void drawVerticalLead(IceTruth& truth, int column, int widthPx, Appearance appearance)
{
    const cv::Rect lead(column, 0, widthPx, truth.surface.rows);
    truth.surface(lead).setTo(kOpenWater);
    truth.appearance(lead).setTo(appearance);
    truth.roughness(lead).setTo(0.05f);
}

// A parameter file: the winter pack's with one key changed or left out.
std::string parameterFile(const std::string& folder, const std::string& key, const std::string& value)
{
    std::ifstream in(assetsDirectory() + "/regimes/winter_pack.json");
    std::string line;
    std::string text;
    while (std::getline(in, line)) {
        if (line.find("\"" + key + "\"") != std::string::npos) {
            if (value.empty())
                continue;
            line = "  \"" + key + "\": " + value + ",";
        }
        text += line + "\n";
    }
    const std::string path = folder + "/world.json";
    std::ofstream(path) << text;
    return path;
}
} // namespace

class TestSyntheticWorld : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void leadWidthsFollowTheConfiguredPowerLaw_data()
    {
        QTest::addColumn<double>("exponent");
        QTest::newRow("Weddell Sea, maximum likelihood (1.15)") << 1.15;
        QTest::newRow("winter pack (1.25)") << 1.25;
        QTest::newRow("refreezing leads (1.4)") << 1.4;
    }
    void leadWidthsFollowTheConfiguredPowerLaw()
    {
        // Widths measured on the drawn truth, per unit lead length, from six
        // truth pixels (leads are drawn an odd number of pixels wide: a
        // sample of 7 stands for 6 to 8).
        QFETCH(double, exponent);
        WorldParameters world = regimeParameters("winter_pack");
        world.leadWidthExponent = exponent;
        world.leadAreaFraction = 0.08;
        std::mt19937 rng(3);
        const double pixel = 10.0;
        const int kSide = 6000; // 60 km: enough leads wider than 50 m (each lead is one width) to fit
        const IceTruth truth = makeIceTruth(kSide, pixel, world, rng);
        const cv::Mat1b leads = (truth.surface == kOpenWater) | (truth.surface == kRefrozenLead);
        const double fraction = cv::countNonZero(leads) / (double(kSide) * kSide);
        QVERIFY2(std::abs(fraction - world.leadAreaFraction) < 0.25 * world.leadAreaFraction, qPrintable(QString::number(fraction)));
        const double fitted = fitPowerLawExponent(leadWidthSamples(leads, pixel), 6.0 * pixel, world.leadMaxWidthM);
        qInfo("configured %.2f, fitted %.3f, lead area %.3f", exponent, fitted, fraction);
        QVERIFY2(std::abs(fitted - exponent) < 0.15, qPrintable(QString::number(fitted)));
    }

    void powerLawFitRecoversAKnownExponent()
    {
        std::mt19937 rng(9);
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        std::vector<double> samples;
        for (int i = 0; i < 20000; ++i)
            samples.push_back(truncatedPowerLawQuantile(1.3, 10.0, 2000.0, uniform(rng)));
        QVERIFY(std::abs(fitPowerLawExponent(samples, 10.0, 2000.0) - 1.3) < 0.03);
        QCOMPARE(fitPowerLawExponent({20.0, 30.0}, 10.0, 2000.0), 0.0); // too few to fit
    }

    void leadNarrowerThanTheCellRaisesItsPixelByItsAreaFractionOnly()
    {
        // A 20 m calm lead on uniform floe, seen by EW GRDM (40 m pixels,
        // 93 x 87 m cells) from a 10 m truth: across every image row the
        // sigma0 it removes is its area share of the contrast, and no
        // pixel darkens by more than the lead's share of it.
        const SensorMode& ew = sensorMode("ew");
        IceTruth truth = floeField(400, 0.45f);
        drawVerticalLead(truth, 202, 2, kPlain);
        const std::vector<double> flat(400, 30.0);
        const cv::Mat1f fine = meanSigma0(truth, flat, Polarisation::HH, false);
        const float floe = fine(0, 0);
        const float water = fine(0, 202);
        const cv::Mat1f image = senseSigma0(fine, 10.0, 4, ew);
        QCOMPARE(image.cols, 100);
        const double share = 20.0 / 40.0;
        for (int r = 10; r < 90; r += 10) {
            double removed = 0.0;
            double darkest = floe;
            for (int c = 0; c < image.cols; ++c) {
                removed += floe - image(r, c);
                darkest = std::min<double>(darkest, image(r, c));
            }
            QVERIFY2(std::abs(removed - share * (floe - water)) < 0.01 * (floe - water), qPrintable(QString::number(removed)));
            QVERIFY2(darkest >= floe - share * (floe - water) - 1e-6, qPrintable(QString::number(darkest)));
            QVERIFY(darkest < floe - 0.1 * share * (floe - water)); // it is seen, mixed
        }
    }

    void windRoughenedLeadIsBrighterThanTheFloeAroundIt()
    {
        // A 400 m lead of wind-roughened water among floes as rough as
        // most, at mid-swath incidence: brighter than the ice in HH, darker
        // in HV, so only a model that reads both can call it water.
        const SensorMode& ew = sensorMode("ew");
        IceTruth truth = floeField(400, 0.6f);
        drawVerticalLead(truth, 180, 40, kWindRoughened);
        const std::vector<double> incidence = incidenceAngles(ew, 400, 10.0);
        const cv::Mat1f hh = senseSigma0(meanSigma0(truth, incidence, Polarisation::HH, true), 10.0, 4, ew);
        const cv::Mat1f hv = senseSigma0(meanSigma0(truth, incidence, Polarisation::HV, true), 10.0, 4, ew);
        QVERIFY2(hh(50, 50) > 1.5f * hh(50, 10), qPrintable(QString("%1 %2").arg(hh(50, 50)).arg(hh(50, 10))));
        QVERIFY(hh(50, 50) > 1.5f * hh(50, 90));
        QVERIFY(hv(50, 50) < 0.5f * hv(50, 10));
        // With the trap off the same lead is dark.
        drawVerticalLead(truth, 180, 40, kPlain);
        QVERIFY(senseSigma0(meanSigma0(truth, incidence, Polarisation::HH, true), 10.0, 4, ew)(50, 50) < 0.2f * hh(50, 10));
    }

    void frostFlowersBrightenRefrozenLeads()
    {
        IceTruth truth = floeField(200, 0.3f);
        const cv::Rect lead(80, 0, 40, 200);
        truth.surface(lead).setTo(kRefrozenLead);
        const std::vector<double> flat(200, 30.0);
        const float plain = meanSigma0(truth, flat, Polarisation::HH, false)(0, 100);
        truth.appearance(lead).setTo(kFrostFlowers);
        const cv::Mat1f flowers = meanSigma0(truth, flat, Polarisation::HH, false);
        QVERIFY(flowers(0, 100) > 10.0f * plain);
        QVERIFY(flowers(0, 100) > flowers(0, 10)); // brighter than the floe beside it
    }

    void incidenceFalloffIsSwitchable()
    {
        const IceTruth truth = floeField(100, 0.4f);
        const std::vector<double> incidence = incidenceAngles(sensorMode("ew"), 100, 4000.0); // the whole 400 km swath
        QVERIFY(incidence.front() < 20.0 && incidence.back() > 46.0);
        const cv::Mat1f falling = meanSigma0(truth, incidence, Polarisation::HH, true);
        QVERIFY(10.0 * std::log10(falling(0, 0) / falling(0, 99)) > 5.0);
        const cv::Mat1f level = meanSigma0(truth, incidence, Polarisation::HH, false);
        QCOMPARE(level(0, 0), level(0, 99));
    }

    void hvNoiseFloorIsScallopedBySubSwaths()
    {
        // Across the whole EW swath the floor steps at the four sub-swath
        // seams and ripples along track; without the trap it is flat.
        const SensorMode& ew = sensorMode("ew");
        const cv::Mat1f floor = noiseFloor(200, 1000, 400.0, ew, -25.0, true);
        double low = 1e9;
        double high = 0.0;
        cv::minMaxLoc(floor, &low, &high);
        QVERIFY2(10.0 * std::log10(high / low) > 3.0, qPrintable(QString::number(10.0 * std::log10(high / low))));
        QVERIFY(floor(0, 500) != floor(25, 500)); // along track, within a burst
        const cv::Mat1f flat = noiseFloor(200, 1000, 400.0, ew, -25.0, false);
        cv::minMaxLoc(flat, &low, &high);
        QCOMPARE(low, high);
    }

    void iwModeWritesAGrdhAtTenMetres()
    {
        SynthOptions o;
        o.useMode("iw");
        o.sizeKm = 5.0;
        QCOMPARE(o.pixelSize, 10.0);
        QCOMPARE(o.truthFactor(), 4);
        banquise::tests::TempSceneFolder folder;
        const SynthProducts products = writeSyntheticScene(o, folder.path());
        QVERIFY2(products.sar.find("_IW_GRDH_") != std::string::npos, products.sar.c_str());
        banquise::tests::OpenedDataset safe(folder.path() + "/" + products.sar + "/manifest.safe");
        QVERIFY(safe.ds);
        QCOMPARE(QString(safe->GetMetadataItem("MODE")), QString("IW"));
        QCOMPARE(safe->GetRasterXSize(), 500);
        banquise::tests::OpenedDataset truth(folder.path() + "/truth/class_fraction.tif");
        QCOMPARE(truth->GetRasterCount(), 4);
        double geo[6];
        truth->GetGeoTransform(geo);
        QCOMPARE(geo[1], 10.0);
    }

    void multiyearAndDeformedIceAreBrighterAndHigher()
    {
        // 20 km at 10 m, no leads to speak of: floe pixels only.
        WorldParameters world = regimeParameters("winter_pack");
        world.leadAreaFraction = 0.001;
        const auto floePixels = [&](double multiyear, double deformed) {
            world.multiyearShare = multiyear;
            world.deformedShare = deformed;
            std::mt19937 rng(5);
            const IceTruth truth = makeIceTruth(2000, 10.0, world, rng);
            return std::make_pair(truth.roughness, (truth.surface == kFloe));
        };
        // First-year level ice only: roughness 0.10-0.40, as drawn.
        auto [level, floe] = floePixels(0.0, 0.0);
        double low = 0.0, high = 0.0;
        cv::minMaxLoc(level, &low, &high, nullptr, nullptr, floe);
        QVERIFY2(low >= 0.1 - 1e-6 && high <= 0.4 + 1e-6, qPrintable(QString("%1 %2").arg(low).arg(high)));
        // Multiyear ice only: brighter than any first-year level ice.
        auto [old, oldFloe] = floePixels(1.0, 0.0);
        cv::minMaxLoc(old, &low, nullptr, nullptr, nullptr, oldFloe);
        QVERIFY2(low >= 0.55 - 1e-6, qPrintable(QString::number(low)));
        // Deformed zones cover their share of the ice, brighter than the
        // level ice they lie on (the same seed draws the same floes).
        auto [rough, roughFloe] = floePixels(0.0, 0.3);
        const cv::Mat1b brighter = (rough > level + 0.2f) & roughFloe;
        const double deformedShare = cv::countNonZero(brighter) / double(cv::countNonZero(roughFloe));
        QVERIFY2(std::abs(deformedShare - 0.3) < 0.03, qPrintable(QString::number(deformedShare)));
        QCOMPARE(cv::countNonZero((rough != level) & roughFloe & ~brighter), 0);

        // Freeboard follows: multiyear and deformed ice stand higher, so the
        // SAR tells something of a floe's freeboard.
        world.multiyearShare = 0.3;
        world.deformedShare = 0.2;
        std::mt19937 rng(6);
        const IceTruth mixed = makeIceTruth(2000, 10.0, world, rng);
        const cv::Mat1b ice = mixed.surface == kFloe;
        const double brightFreeboard = cv::mean(mixed.freeboard, ice & (mixed.roughness > 0.5f))[0];
        const double darkFreeboard = cv::mean(mixed.freeboard, ice & (mixed.roughness < 0.4f))[0];
        qInfo("freeboard of bright ice %.3f m, of dark level ice %.3f m", brightFreeboard, darkFreeboard);
        QVERIFY(brightFreeboard > darkFreeboard + 0.08);
    }

    void everyRegimeLoadsAndDiffers()
    {
        const std::vector<std::string> names = regimeNames();
        QVERIFY(names.size() >= 3);
        const WorldParameters winter = regimeParameters("winter_pack");
        const WorldParameters miz = regimeParameters("marginal_ice_zone");
        const WorldParameters refreezing = regimeParameters("refreezing_leads");
        QVERIFY(miz.leadAreaFraction > 3.0 * winter.leadAreaFraction);
        QVERIFY(refreezing.openLeadShare < winter.openLeadShare);
        QVERIFY(refreezing.frostFlowerShare > winter.frostFlowerShare);
    }

    void savedWorldReadsBack()
    {
        banquise::tests::TempSceneFolder folder;
        fs::create_directories(folder.path());
        WorldParameters world = regimeParameters("marginal_ice_zone");
        world.hvScalloping = false;
        const std::string path = folder.path() + "/mine.json";
        saveWorldParameters(world, path);
        const WorldParameters back = loadWorldParameters(path);
        QCOMPARE(back.leadAreaFraction, world.leadAreaFraction);
        QCOMPARE(back.hvScalloping, false);
        QCOMPARE(back.name, std::string("mine"));
    }

    void badParameterFilesNameTheirFault_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << "lead_area_fraction" << "" << "'lead_area_fraction' is missing";
        QTest::newRow("out of range") << "lead_width_exponent" << "0.5" << "'lead_width_exponent' = 0.500000 is out of range";
        QTest::newRow("not a number") << "open_lead_share" << "\"half\"" << "'open_lead_share' is not a number";
        QTest::newRow("not a switch") << "hv_scalloping" << "1" << "'hv_scalloping' must be true or false";
        QTest::newRow("unknown key") << "lead_colour" << "3" << "unknown parameter 'lead_colour'";
    }
    void badParameterFilesNameTheirFault()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, message);
        banquise::tests::TempSceneFolder folder;
        fs::create_directories(folder.path());
        std::string path = parameterFile(folder.path(), key.toStdString(), value.toStdString());
        if (key == "lead_colour") { // a key the file does not have: add it
            std::ifstream in(path);
            std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            text.insert(text.find('{') + 1, "\n  \"lead_colour\": 3,");
            std::ofstream(path) << text;
        }
        try {
            loadWorldParameters(path);
            QFAIL("no error");
        } catch (const SceneError& e) {
            QVERIFY2(QString(e.what()).contains(message), e.what());
            QCOMPARE(e.file(), path);
        }
    }

    void unknownModeAndRegimeAreNamed()
    {
        try {
            sensorMode("stripmap");
            QFAIL("no error");
        } catch (const SceneError& e) {
            QVERIFY2(QString(e.what()).contains("'stripmap'") && QString(e.what()).contains("ew, iw"), e.what());
        }
        try {
            regimeParameters("tropical");
            QFAIL("no error");
        } catch (const SceneError& e) {
            QVERIFY2(QString(e.what()).contains("'tropical'") && QString(e.what()).contains("winter_pack"), e.what());
        }
    }
};

BANQUISE_REGISTER_TEST(TestSyntheticWorld);
#include "tst_SyntheticWorld.moc"
