#include "common/TestRegistry.h"

#include "models/Baselines.h"
#include "models/Decibels.h"
#include "models/LeadScores.h"
#include "models/Hydrostatic.h"
#include "models/Scores.h"
#include "models/SpatialInterpolation.h"

#include <QTest>

#include <opencv2/core.hpp>

#include <cmath>
#include <random>

using namespace banquise::models;

class TestBaselines : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void iouAndAccuracyByHand()
    {
        // Truth: floe floe lead lead; predicted: floe lead lead lead.
        const cv::Mat1b truth = (cv::Mat1b(1, 5) << kFloe, kFloe, kOpenLead, kOpenLead, kNoClass);
        const cv::Mat1b predicted = (cv::Mat1b(1, 5) << kFloe, kOpenLead, kOpenLead, kOpenLead, kFloe);
        const SegmentationScores s = scoreSegmentation(predicted, truth);
        QCOMPARE(s.pixels, std::size_t(4));
        QCOMPARE(s.iou[kFloe], 0.5);
        QVERIFY(std::abs(s.iou[kOpenLead] - 2.0 / 3.0) < 1e-12);
        QVERIFY(std::isnan(s.iou[kRefrozenLead]));
        QVERIFY(std::abs(s.meanIou - (0.5 + 2.0 / 3.0) / 2.0) < 1e-12);
        QCOMPARE(s.accuracy, 0.75);
    }

    void regressionScoresByHand()
    {
        const cv::Mat1f truth = (cv::Mat1f(1, 4) << 1.0f, 2.0f, 3.0f, NAN);
        const cv::Mat1f predicted = (cv::Mat1f(1, 4) << 2.0f, 3.0f, 4.0f, 0.0f);
        const RegressionScores s = scoreRegression(predicted, truth);
        QCOMPARE(s.count, std::size_t(3));
        QVERIFY(std::abs(s.rmse - 1.0) < 1e-12);
        QVERIFY(std::abs(s.bias - 1.0) < 1e-12);
        QVERIFY(std::abs(s.correlation - 1.0) < 1e-9);
        // PSNR: range 2 (1..3), RMSE 1 -> 20 log10 2.
        QVERIFY(std::abs(psnrDb(predicted, truth) - 20.0 * std::log10(2.0)) < 1e-9);
    }

    void leeFilterSmoothsSpeckleAndKeepsTheMean()
    {
        std::mt19937 rng(4);
        std::gamma_distribution<float> speckle(4.0f, 0.25f);
        cv::Mat1f image(128, 128);
        for (float& v : image)
            v = 0.1f * speckle(rng);
        const cv::Mat1f filtered = leeFilter(image, 7, 4.0);
        cv::Scalar mean, before, after;
        cv::meanStdDev(image, mean, before);
        cv::meanStdDev(filtered, mean, after);
        QVERIFY(std::abs(mean[0] - 0.1) < 0.005);
        QVERIFY(after[0] < 0.3 * before[0]);
    }

    void leeFilterInDecibelsIsTheWholeImagesBandByBand()
    {
        std::mt19937 rng(5);
        std::gamma_distribution<float> speckle(4.0f, 0.25f);
        cv::Mat1f db(1100, 40); // more than two bands of rows
        for (int r = 0; r < db.rows; ++r)
            for (int c = 0; c < db.cols; ++c)
                db(r, c) = (r / 50 % 2 ? -12.0f : -20.0f) + 10.0f * std::log10(speckle(rng));
        db(600, 7) = NAN;
        cv::Mat1f banded = leeFilteredDb(db, 4.0);
        cv::Mat1f whole = toDecibels(leeFilter(toLinear(db), kLeeWindow, 4.0));
        QVERIFY(std::isnan(banded(600, 7)));
        banded(600, 7) = whole(600, 7) = 0.0f;
        QVERIFY(cv::norm(banded, whole, cv::NORM_INF) < 1e-4);
    }

    void otsuSeparatesDarkLeadsFromBrightFloes()
    {
        cv::Mat1f db(20, 20, -12.0f);
        db(cv::Rect(0, 8, 20, 4)).setTo(-22.0f); // a lead 4 rows wide
        db(0, 0) = NAN;
        const cv::Mat1b classes = otsuSegmentation(db);
        QCOMPARE(int(classes(10, 10)), int(kOpenLead));
        QCOMPARE(int(classes(2, 5)), int(kFloe));
        QCOMPARE(int(classes(0, 0)), int(kNoClass));
    }

    void interpolatorsHonourTheSamples()
    {
        const std::vector<PointSample> samples{{10.5, 10.5, 1.0}, {50.5, 10.5, 2.0}, {30.5, 40.5, 0.0}, {5.5, 50.5, 1.5}};
        const cv::Mat1f idw = inverseDistanceWeighting(samples, {64, 64}, 1);
        const Variogram v{0.0, 1.0, 20.0}; // no nugget: kriging is exact
        const cv::Mat1f kriged = ordinaryKriging(samples, v, {64, 64}, 1);
        for (const PointSample& s : samples) {
            QVERIFY(std::abs(idw(int(s.row), int(s.col)) - s.value) < 1e-4);
            QVERIFY(std::abs(kriged(int(s.row), int(s.col)) - s.value) < 1e-3);
        }
        // Between samples both stay within the samples' range.
        double low = 0.0, high = 0.0;
        cv::minMaxLoc(idw, &low, &high);
        QVERIFY(low >= -1e-4 && high <= 2.0 + 1e-4);
    }

    void krigingOverAWideGridHonoursEverySample()
    {
        // A grid many ranges wide: each node sums the samples of the nearby
        // buckets only, and every sample that matters must be among them.
        std::vector<PointSample> samples;
        for (int k = 0; k < 400; ++k)
            samples.push_back({7.5 + (k * 37) % 590, 3.5 + (k * 53) % 595, std::sin(k * 0.7)});
        const Variogram v{0.0, 1.0, 15.0};
        const cv::Mat1f kriged = ordinaryKriging(samples, v, {600, 600}, 1);
        double worst = 0.0;
        for (const PointSample& s : samples)
            worst = std::max(worst, std::abs(kriged(int(s.row), int(s.col)) - s.value));
        QVERIFY2(worst < 1e-3, qPrintable(QString::number(worst)));
    }

    void driftLineShrugsOffBrightSamplesAtSeaLevel()
    {
        // Freeboard 0.05 m per dB of brightness, and a tenth of the samples
        // at sea level but bright (wind-roughened leads): least squares would
        // tilt the line, Huber's weights keep it.
        std::mt19937 rng(6);
        std::normal_distribution<double> noise(0.0, 0.02);
        std::vector<PointSample> samples;
        std::vector<float> brightness;
        for (int k = 0; k < 200; ++k) {
            const double db = -16.0 + 6.0 * (k % 20) / 19.0;
            const bool brightLead = k % 10 == 0;
            samples.push_back({double(k), 0.0, brightLead ? 0.0 : 1.1 + 0.05 * db + noise(rng)});
            brightness.push_back(brightLead ? -10.0f : static_cast<float>(db));
        }
        brightness[3] = NAN; // left out of the fit
        const DriftLine line = fitDriftLine(samples, brightness);
        QVERIFY2(std::abs(line.slope - 0.05) < 0.005, qPrintable(QString::number(line.slope)));
        QVERIFY2(std::abs(line.at(-13.0) - (1.1 - 0.65)) < 0.01, qPrintable(QString::number(line.at(-13.0))));
    }

    void regressionKrigingMapsWhatTheCovariateTells()
    {
        // Bright and dark floes in 12-pixel squares, finer than the samples'
        // 16-pixel lattice: kriging alone cannot place them, the covariate can.
        cv::Mat1f brightness(160, 160);
        cv::Mat1f truth(160, 160);
        for (int r = 0; r < 160; ++r)
            for (int c = 0; c < 160; ++c) {
                brightness(r, c) = (r / 12 + c / 12) % 2 ? -11.0f : -15.0f;
                truth(r, c) = 0.9f + 0.04f * brightness(r, c) + 0.05f * std::sin(c / 40.0f);
            }
        std::vector<PointSample> samples;
        std::vector<float> atSamples;
        for (int r = 5; r < 160; r += 16)
            for (int c = 3; c < 160; c += 16) {
                samples.push_back({c + 0.5, r + 0.5, truth(r, c)});
                atSamples.push_back(brightness(r, c));
            }
        const cv::Mat1f guided = regressionKriging(samples, atSamples, brightness, 1);
        const cv::Mat1f kriged = ordinaryKriging(samples, fitVariogram(samples), brightness.size(), 1);
        const double guidedRmse = scoreRegression(guided, truth).rmse;
        const double krigedRmse = scoreRegression(kriged, truth).rmse;
        QVERIFY2(guidedRmse < 0.2 * krigedRmse, qPrintable(QString("%1 vs %2").arg(guidedRmse).arg(krigedRmse)));
    }

    void variogramFitFindsTheCorrelationRange()
    {
        // A smooth field with a 20-pixel correlation scale sampled on a lattice.
        std::vector<PointSample> samples;
        for (int r = 0; r < 200; r += 8)
            for (int c = 0; c < 200; c += 8)
                samples.push_back({double(c), double(r), std::sin(c / 20.0) + std::cos(r / 20.0)});
        const Variogram v = fitVariogram(samples);
        QVERIFY2(v.range > 5.0 && v.range < 200.0, qPrintable(QString::number(v.range)));
        QVERIFY(v.nugget < 0.2 * v.partialSill);
    }

    void thicknessFromFreeboardByHand()
    {
        // 0.3 m freeboard, 0.2 m snow: (1024 * 0.3 + 320 * 0.2) / 107 = 3.4692 m.
        const Thickness t = thicknessFromFreeboard(0.3, 0.05, true);
        QVERIFY(std::abs(t.value - (1024 * 0.3 + 320 * 0.2) / 107.0) < 1e-9);
        QVERIFY(t.sigma > 1024 / 107.0 * 0.05); // more than the freeboard's share alone
        QCOMPARE(thicknessFromFreeboard(0.0, 0.0, false).value, 0.0);
    }

    void kMeansNamesThreeBrightnessesByTheirMean()
    {
        // Three surfaces in HH and HV dB with noise: dark water, grey nilas,
        // bright floe; one NaN pixel stays unclassified.
        std::mt19937 rng(6);
        std::normal_distribution<float> noise(0.0f, 0.8f);
        cv::Mat1f hh(90, 90);
        cv::Mat1f hv(90, 90);
        for (int r = 0; r < 90; ++r)
            for (int c = 0; c < 90; ++c) {
                const float level = c < 20 ? -22.0f : c < 40 ? -18.0f : -12.0f;
                hh(r, c) = level + noise(rng);
                hv(r, c) = level - 10.0f + noise(rng);
            }
        hh(5, 5) = NAN;
        const cv::Mat1b classes = kMeansSegmentation(hh, hv);
        QCOMPARE(classes(5, 5), kNoClass);
        QVERIFY(cv::countNonZero(classes(cv::Rect(0, 10, 20, 80)) == kOpenLead) > 0.95 * 20 * 80);
        QVERIFY(cv::countNonZero(classes(cv::Rect(20, 0, 20, 90)) == kRefrozenLead) > 0.95 * 20 * 90);
        QVERIFY(cv::countNonZero(classes(cv::Rect(40, 0, 50, 90)) == kFloe) > 0.99 * 50 * 90);
        QCOMPARE(cv::countNonZero(kMeansSegmentation(hh, hv) != classes), 0); // deterministic
        // HH alone works the same.
        QVERIFY(cv::countNonZero(kMeansSegmentation(hh, cv::Mat1f())(cv::Rect(40, 0, 50, 90)) == kFloe) > 0.99 * 50 * 90);
    }

    void leadsAreScoredByTheirWidth()
    {
        // Truth: a resolvable lead (code 1) in columns 10-19 and a narrow
        // lead's centre line (3) in column 40 with its cells (2) beside it.
        cv::Mat1b width(50, 60, static_cast<unsigned char>(0));
        width.colRange(10, 20).setTo(1);
        width.colRange(39, 42).setTo(2);
        width.col(40).setTo(3);
        cv::Mat1b predicted(50, 60, kFloe);
        predicted.colRange(10, 15).setTo(kOpenLead);     // half the wide lead
        predicted.colRange(20, 25).setTo(kRefrozenLead); // as much again beside it
        predicted(cv::Rect(41, 0, 1, 25)).setTo(kOpenLead); // half the thin one, a pixel off (reaches row 25 within a pixel)
        predicted.col(38).setTo(kOpenLead); // beside the thin lead: counted for neither
        const LeadScores s = scoreLeadsByWidth(predicted, width);
        QVERIFY(std::abs(s.resolvableIou - 250.0 / 750.0) < 1e-12);
        QVERIFY(std::abs(s.thinSkeletonRecall - 26.0 / 50.0) < 1e-12);
    }
};

BANQUISE_REGISTER_TEST(TestBaselines);
#include "tst_Baselines.moc"
