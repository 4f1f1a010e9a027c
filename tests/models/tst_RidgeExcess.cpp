#include "common/TestRegistry.h"

#include "models/ModelInputs.h"
#include "models/Prediction.h"
#include "models/RidgeExcess.h"
#include "models/SeaIceClasses.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <random>

using namespace banquise::models;

namespace {

// A footprint of size x size pixels with its top-left corner at (column, row).
FootprintRecord squareFootprint(int column, int row, int size, int gridWidth)
{
    FootprintRecord record;
    for (int r = row; r < row + size; ++r)
        for (int c = column; c < column + size; ++c) {
            record.pixels.push_back(r * gridWidth + c);
            record.weights.push_back(1.0f / (size * size));
        }
    return record;
}

} // namespace

class TestRidgeExcess : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thinBrightLinesAreRidgesAndEdgesAreNot()
    {
        // Level ice brightening left to right, a dark lead band (its edges
        // are steps, not lines), a one-pixel bright line and a no-data pixel.
        cv::Mat1f db(64, 64);
        for (int r = 0; r < db.rows; ++r)
            for (int c = 0; c < db.cols; ++c)
                db(r, c) = -16.0f + 0.05f * c;
        db(cv::Rect(0, 40, 64, 6)) = -21.0f;
        cv::Mat1b line = cv::Mat1b::zeros(db.size());
        cv::line(line, {5, 5}, {58, 30}, 255, 1, cv::LINE_8);
        db.setTo(-8.0f, line);
        db(50, 50) = NAN;

        cv::Mat1b classes(db.size(), kFloe);
        classes(cv::Rect(0, 40, 64, 6)).setTo(kOpenLead);
        const cv::Mat1b ridges = detectRidges(db, classes);
        QCOMPARE(ridges.size(), db.size());
        const int onLine = cv::countNonZero(ridges & line);
        QVERIFY2(onLine >= 0.9 * cv::countNonZero(line), qPrintable(QString("%1 of the line's pixels found").arg(onLine)));
        QCOMPARE(cv::countNonZero(ridges & ~line), 0);
        QCOMPARE(ridges(50, 50), std::uint8_t(0));
    }

    void floesInOpenWaterAreNotRidges()
    {
        // Small floes (3 x 3 px, -13 dB) scattered in calm water (-21 dB):
        // each stands 8 dB above its 5 x 5 median, as a ridge would on level
        // ice, but open water lies around it.
        cv::Mat1f db(40, 40, -21.0f);
        cv::Mat1b classes(db.size(), kOpenLead);
        for (int r = 4; r < 36; r += 8)
            for (int c = 4; c < 36; c += 8) {
                db(cv::Rect(c, r, 3, 3)).setTo(-13.0f);
                classes(cv::Rect(c, r, 3, 3)).setTo(kFloe);
            }
        QCOMPARE(cv::countNonZero(detectRidges(db, classes)), 0);
        // Called floe all around, the same bright specks would be ridges.
        QVERIFY(cv::countNonZero(detectRidges(db, cv::Mat1b(db.size(), kFloe))) > 0);
    }

    void theRecordsTellHowHighTheRidgesStand()
    {
        // Level ice at 0.3 m with random one-pixel ridges 1.2 m above it;
        // records average 9 x 9 footprints with 5 cm noise.
        const int side = 180;
        std::mt19937 rng(3);
        std::uniform_int_distribution<int> coordinate(0, side - 1);
        cv::Mat1b ridges = cv::Mat1b::zeros(side, side);
        for (int k = 0; k < 60; ++k)
            cv::line(ridges, {coordinate(rng), coordinate(rng)}, {coordinate(rng), coordinate(rng)}, 255, 1, cv::LINE_8);
        const cv::Mat1f level(side, side, 0.3f);
        cv::Mat1f truth = level.clone();
        truth.setTo(1.5f, ridges);
        std::normal_distribution<float> noise(0.0f, 0.05f);
        std::vector<FootprintRecord> records;
        int withRidges = 0;
        for (int row = 0; row + 9 <= side; row += 9)
            for (int column = 0; column + 9 <= side; column += 9) {
                FootprintRecord record = squareFootprint(column, row, 9, side);
                record.value = footprintMeans(truth, {record}).front() + noise(rng);
                record.sigma = 0.05f;
                withRidges += cv::countNonZero(ridges(cv::Rect(column, row, 9, 9))) > 0 ? 1 : 0;
                records.push_back(record);
            }

        const RidgeExcess excess = estimateRidgeExcess(ridges, level, records);
        QVERIFY(excess.measured());
        QCOMPARE(excess.records, withRidges);
        QVERIFY2(excess.sigma > 0.0 && excess.sigma < 0.2, qPrintable(QString::number(excess.sigma)));
        QVERIFY2(std::abs(excess.metres - 1.2) < 3.0 * excess.sigma, qPrintable(QString("%1 +- %2").arg(excess.metres).arg(excess.sigma)));

        // Without a ridge under any footprint there is nothing to estimate.
        QVERIFY(!estimateRidgeExcess(cv::Mat1b::zeros(side, side), level, records).known());
    }

    void raisedRidgesStandOnTheLevelIceWithTheExcessUncertainty()
    {
        cv::Mat1f elevation(1, 3, 0.25f);
        elevation(0, 2) = NAN;
        cv::Mat1f spread(1, 3, 0.04f);
        const cv::Mat1b ridges = (cv::Mat1b(1, 3) << 0, 255, 255);
        const cv::Mat1f level(1, 3, 0.3f);

        raiseRidges(elevation, spread, ridges, level, RidgeExcess{});
        QCOMPARE(elevation(0, 1), 0.25f); // no estimate: nothing raised
        raiseRidges(elevation, spread, ridges, level, RidgeExcess{0.4, 0.3, 12});
        QCOMPARE(elevation(0, 1), 0.25f); // within two sigmas of zero: not measured

        raiseRidges(elevation, spread, ridges, level, RidgeExcess{1.0, 0.03, 50});
        QCOMPARE(elevation(0, 0), 0.25f);
        QVERIFY(std::abs(elevation(0, 1) - 1.3f) < 1e-6f);
        QVERIFY(std::abs(spread(0, 1) - 0.05f) < 1e-6f);
        QVERIFY(std::isnan(elevation(0, 2))); // no data stays no data
    }

    void ridgesRaisedBandByBandAreThoseOfTheWholeGrid()
    {
        // Ridges and no-data on all rows, so that several fall on the band
        // edges; bands of uneven heights, one of a single row.
        const cv::Size size(40, 61);
        std::mt19937 rng(5);
        std::normal_distribution<float> speckle(-17.0f, 0.6f);
        Prediction whole = allocatePrediction(size, true);
        for (float& v : whole.despeckledDb)
            v = speckle(rng);
        for (int r = 0; r < size.height; r += 3)
            whole.despeckledDb(r, (7 * r) % size.width) = -9.0f;
        whole.despeckledDb(20, 5) = NAN;
        // A lead across rows 26-27 rules out the ridges within two rows of
        // it, in whichever band they arrive.
        whole.classes.setTo(kFloe);
        whole.classes.rowRange(26, 28).setTo(kOpenLead);
        whole.elevation.setTo(0.25f);
        whole.elevationStd.setTo(0.02f);
        const cv::Mat1f prior(size, 0.3f);
        const RidgeExcess excess{1.0, 0.1, 40};

        cv::Mat1f expected = whole.elevation.clone();
        cv::Mat1f expectedStd = whole.elevationStd.clone();
        raiseRidges(expected, expectedStd, detectRidges(whole.despeckledDb, whole.classes), prior, excess);
        QCOMPARE(cv::countNonZero(expected > 1.0f), 19); // 21 ridge rows, two of them beside the lead

        Prediction streamed = allocatePrediction(size, true);
        int nextRow = 0;
        const PredictionRowsSink sink = raisingDetectedRidges(prior, excess, [&](int first, const Prediction& band) {
            QCOMPARE(first, nextRow); // in order, each row once
            band.elevation.copyTo(streamed.elevation.rowRange(first, first + band.rows()));
            band.elevationStd.copyTo(streamed.elevationStd.rowRange(first, first + band.rows()));
            nextRow += band.rows();
        });
        int first = 0;
        for (int height : {9, 1, 2, 17, 30, 2}) {
            sink(first, predictionRows(whole, first, height));
            first += height;
        }
        QCOMPARE(first, size.height);
        QCOMPARE(nextRow, size.height);
        QCOMPARE(cv::norm(streamed.elevation, expected, cv::NORM_INF), 0.0);
        QCOMPARE(cv::norm(streamed.elevationStd, expectedStd, cv::NORM_INF), 0.0);
    }
};

BANQUISE_REGISTER_TEST(TestRidgeExcess);
#include "tst_RidgeExcess.moc"
