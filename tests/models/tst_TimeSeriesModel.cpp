#include "common/SeriesScene.h"
#include "common/SyntheticInputs.h"
#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "models/ComputeDevice.h"
#include "models/Decibels.h"
#include "models/Evaluation.h"
#include "models/ModelInputs.h"
#include "models/SeaIceModel.h"
#include "scene/DriftChain.h"
#include "scene/RasterLayer.h"
#include "scene/SceneReader.h"
#include "scene/synthetic/SyntheticScene.h"
#include "scene/synthetic/SyntheticTruth.h"
#include "scene/synthetic/TruthEvaluation.h"

#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <optional>

using namespace banquise;
using namespace banquise::models;

namespace {
// A small series: 16 km at 40 m, four SAR dates a day apart (seed 11).
scene::synthetic::SynthOptions smallSeries()
{
    scene::synthetic::SynthOptions o = tests::driftingSeries(16.0, 4, "2024-03-15T16:05:12Z");
    o.seed = 11;
    return o;
}
} // namespace

// Issue 23: several dates of SAR and altimetry make a better map than one.
class TestTimeSeriesModel : public QObject {
    Q_OBJECT
private:
    tests::TempSceneFolder m_folder;
    std::optional<ModelInputs> m_four;
    std::optional<ModelInputs> m_one;

private Q_SLOTS:
    void initTestCase()
    {
        configureComputeDevice();
        scene::synthetic::writeSyntheticScene(smallSeries(), m_folder.path());
        const scene::LoadedScene loaded = scene::readScene(m_folder.path());
        std::vector<double> times;
        for (const auto& date : scene::sarDates(loaded.scene))
            times.push_back(date->info().time);
        QCOMPARE(times.size(), std::size_t(4));
        // A scene this small once held the matcher on the sensor's fixed
        // incidence pattern: the chain must follow the ice to the last date.
        const auto epe = scene::synthetic::chainEndPointErrors(scene::estimateDriftChain(loaded.scene), 3,
                                                               m_folder.path() + "/truth/drift_pixels_date3.tif");
        QVERIFY2(epe.median < 2.0, qPrintable(QString::number(epe.median)));
        m_four = gatherModelInputs(loaded.scene);
        m_one = gatherModelInputs(tests::firstDates(loaded.scene, times, 1));
    }

    // The later dates come back to the reference time through the chain:
    // the same ice under its own speckle; the second date, the despeckling
    // target, is marked so that training keeps it out of the input.
    void laterDatesAreReadAsLooksAtTheReferenceIce()
    {
        QCOMPARE(m_four->looks.size(), std::size_t(3));
        QCOMPARE(m_four->pairedLook, 0);
        QVERIFY(m_one->looks.empty());
        QVERIFY(m_four->records.size() > 3 * m_one->records.size());
        const auto truth = scene::synthetic::readSyntheticTruth(m_folder.path());
        const cv::Mat1f truthDb = toDecibels(truth.sigma0Hh);
        for (const SarLook& look : m_four->looks) {
            QVERIFY(!look.secondaryDb.empty());
            cv::Mat1f smoothLook, smoothTruth;
            cv::blur(look.primaryDb, smoothLook, cv::Size(9, 9));
            cv::blur(truthDb, smoothTruth, cv::Size(9, 9));
            const cv::Mat1b seen = smoothLook == smoothLook;
            QVERIFY(cv::countNonZero(seen) > 0.5 * look.primaryDb.total());
            const double error = cv::mean(cv::abs(smoothLook - smoothTruth), seen)[0];
            QVERIFY2(error < 1.0, qPrintable(QString("%1: %2 dB").arg(QString::fromStdString(look.name)).arg(error)));
        }
    }

    // Trained alike, the model of four dates maps the freeboard better than
    // the model of the first date; a date missing altogether changes
    // nothing, as if it were not there.
    void moreDatesBeatOne()
    {
        const auto truth = scene::synthetic::readSyntheticTruth(m_folder.path());
        SeaIceModel four(ModelConfig{}, 5);
        four.train(*m_four, tests::quickTraining(200));
        SeaIceModel one(ModelConfig{}, 5);
        one.train(*m_one, tests::quickTraining(200));
        PredictionOptions deterministic;
        deterministic.monteCarloSamples = 1;
        const Evaluation withFour = evaluate(*m_four, four.predict(*m_four, deterministic), truth);
        const Evaluation withOne = evaluate(*m_one, one.predict(*m_one, deterministic), truth);
        qInfo("four dates: freeboard RMSE %.3f m (kriging %.3f), mIoU %.3f, PSNR %.2f dB; one date: %.3f m (kriging %.3f), mIoU %.3f, PSNR %.2f dB",
              withFour.elevation.rmse, withFour.elevationKriging.rmse, withFour.segmentation.meanIou, withFour.despecklePsnrDb,
              withOne.elevation.rmse, withOne.elevationKriging.rmse, withOne.segmentation.meanIou, withOne.despecklePsnrDb);
        QVERIFY(withFour.elevation.rmse < 0.95 * withOne.elevation.rmse);

        ModelInputs missing = *m_four;
        missing.looks[2].primaryDb.setTo(std::nanf(""));
        missing.looks[2].secondaryDb.setTo(std::nanf(""));
        ModelInputs without = *m_four;
        without.looks.pop_back();
        const Prediction a = four.predict(missing, deterministic);
        const Prediction b = four.predict(without, deterministic);
        QVERIFY(cv::countNonZero(a.classes != b.classes) < 0.001 * a.classes.total());
        QVERIFY(cv::norm(a.elevation, b.elevation, cv::NORM_INF) < 1e-3);
    }
};

BANQUISE_REGISTER_TEST(TestTimeSeriesModel);
#include "tst_TimeSeriesModel.moc"
