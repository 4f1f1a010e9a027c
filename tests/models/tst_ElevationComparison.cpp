#include "common/TestRegistry.h"

#include "models/ElevationComparison.h"
#include "models/SeaIceClasses.h"

#include <QTest>

#include <cmath>
#include <numeric>
#include <stdexcept>

using namespace banquise::models;

namespace {

bool near(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) < tolerance;
}

std::size_t total(const std::vector<std::size_t>& counts)
{
    return std::accumulate(counts.begin(), counts.end(), std::size_t(0));
}

} // namespace

class TestElevationComparison : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyMetricByHand()
    {
        // d = 1, 2, 3, 4: bias 2.5, RMSE sqrt(7.5), MAE 2.5; median 2.5,
        // |d - 2.5| = 1.5, .5, .5, 1.5 -> NMAD 1.4826; estimate = 2 x reference.
        const RegressionScores s = scoreRegression(std::vector<float>{2, 4, 6, 8, NAN, 1}, std::vector<float>{1, 2, 3, 4, 5, NAN});
        QCOMPARE(s.count, std::size_t(4));
        QVERIFY(near(s.bias, 2.5));
        QVERIFY(near(s.rmse, std::sqrt(7.5)));
        QVERIFY(near(s.mae, 2.5));
        QVERIFY(near(s.nmad, 1.4826));
        QVERIFY(near(s.correlation, 1.0));
        QVERIFY(near(s.slope, 2.0));
        QVERIFY(near(s.intercept, 0.0));

        const RegressionScores reversed = scoreRegression(std::vector<float>{4, 3, 2, 1}, std::vector<float>{1, 2, 3, 4});
        QVERIFY(near(reversed.correlation, -1.0));
        QVERIFY(near(reversed.slope, -1.0));
        QVERIFY(near(reversed.intercept, 5.0));
        QVERIFY(near(reversed.bias, 0.0));
        // d = 3, 1, -1, -3: median 0, |d| median 2.
        QVERIFY(near(reversed.nmad, 1.4826 * 2.0));

        // An outlier moves the RMSE, hardly the NMAD.
        const RegressionScores outlier =
            scoreRegression(std::vector<float>{0, 0.1f, 0.2f, 0.3f, 0.4f, 9}, std::vector<float>{0, 0, 0, 0, 0, 0});
        QVERIFY(outlier.rmse > 3.0);
        QVERIFY(outlier.nmad < 0.3);

        const RegressionScores empty = scoreRegression(std::vector<float>{NAN}, std::vector<float>{1});
        QCOMPARE(empty.count, std::size_t(0));
        QCOMPARE(empty.rmse, 0.0);
    }

    void theDifferenceMapIsEstimateMinusReference()
    {
        const cv::Mat1f estimate = (cv::Mat1f(2, 3) << 0.5f, 0.2f, NAN, 0.1f, 0.0f, 0.3f);
        const cv::Mat1f reference = (cv::Mat1f(2, 3) << 0.4f, NAN, 0.1f, 0.3f, 0.0f, 0.0f);
        const ElevationComparison c = compareElevation(estimate, reference);
        QVERIFY(near(c.difference(0, 0), 0.1, 1e-6));
        QVERIFY(std::isnan(c.difference(0, 1)));
        QVERIFY(std::isnan(c.difference(0, 2)));
        QVERIFY(near(c.difference(1, 0), -0.2, 1e-6));
        QCOMPARE(c.difference(1, 1), 0.0f);
        QVERIFY(near(c.difference(1, 2), 0.3, 1e-6));
        QCOMPARE(c.overall().count, std::size_t(4));
        QCOMPARE(c.table.size(), std::size_t(1)); // no classes, no distances
        QCOMPARE(total(c.differences.counts), std::size_t(4));
        QCOMPARE(total(c.density.counts), std::size_t(4));
        QVERIFY(c.differenceLimit > 0.0);
    }

    void perClassAndPerCrossTrackRowsScoreTheirPixelsOnly()
    {
        // Floes 0.1 m too high, open leads exact, refrozen leads 0.2 m too low.
        const cv::Mat1f reference = (cv::Mat1f(1, 6) << 0.3f, 0.4f, 0.0f, 0.0f, 0.05f, 0.05f);
        const cv::Mat1f estimate = (cv::Mat1f(1, 6) << 0.4f, 0.5f, 0.0f, 0.0f, -0.15f, -0.15f);
        const cv::Mat1b classes = (cv::Mat1b(1, 6) << kFloe, kFloe, kOpenLead, kOpenLead, kRefrozenLead, kRefrozenLead);
        const cv::Mat1f distance = (cv::Mat1f(1, 6) << -12000.f, 15000.f, -25000.f, 31000.f, 38000.f, -39999.f);
        const ElevationComparison c = compareElevation(estimate, reference, classes, distance);
        QVERIFY(near(c.row("class", "floe").scores.bias, 0.1, 1e-6));
        QCOMPARE(c.row("class", "floe").scores.count, std::size_t(2));
        QVERIFY(near(c.row("class", "open lead").scores.rmse, 0.0));
        QVERIFY(near(c.row("class", "refrozen lead").scores.bias, -0.2, 1e-6));
        QCOMPARE(c.row("class", "leads").scores.count, std::size_t(4));
        QVERIFY(near(c.row("class", "leads").scores.bias, -0.1, 1e-6));
        // |distance| in 10 km bins: 10-20 (2 floes), 20-30 (1), 30-40 (3).
        QCOMPARE(c.row("cross-track", "10-20 km").scores.count, std::size_t(2));
        QVERIFY(near(c.row("cross-track", "10-20 km").scores.bias, 0.1, 1e-6));
        QCOMPARE(c.row("cross-track", "20-30 km").scores.count, std::size_t(1));
        QCOMPARE(c.row("cross-track", "30-40 km").scores.count, std::size_t(3));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, c.row("cross-track", "0-10 km"));
        QCOMPARE(c.overall().count, std::size_t(6));
    }

    void theDensityAndHistogramPlaceEveryPair()
    {
        cv::Mat1f reference(50, 50);
        cv::Mat1f estimate(50, 50);
        for (int r = 0; r < 50; ++r)
            for (int c = 0; c < 50; ++c) {
                reference(r, c) = 0.01f * c;
                estimate(r, c) = 0.01f * c + ((r % 2) ? 0.05f : -0.05f);
            }
        const ElevationComparison c = compareElevation(estimate, reference, {}, {}, ComparisonOptions{10000.0, 10, 16});
        QCOMPARE(total(c.density.counts), std::size_t(2500));
        QCOMPARE(total(c.differences.counts), std::size_t(2500));
        // Differences are +-0.05: the two end bins of a symmetric +-0.05 range.
        QVERIFY(near(c.differenceLimit, 0.05, 1e-6));
        QCOMPARE(c.differences.counts.front(), std::size_t(1250));
        QCOMPARE(c.differences.counts.back(), std::size_t(1250));
        // Pairs lie within 0.05 m (two bins of 0.036 m here) of the 1:1 diagonal.
        std::size_t nearDiagonal = 0;
        for (int i = 0; i < c.density.bins; ++i)
            for (int j = std::max(0, i - 2); j <= std::min(c.density.bins - 1, i + 2); ++j)
                nearDiagonal += c.density.at(i, j);
        QCOMPARE(nearDiagonal, std::size_t(2500));
        QCOMPARE(c.density.at(0, c.density.bins - 1), std::size_t(0));
    }

    void noOverlapIsRefused()
    {
        const cv::Mat1f estimate = (cv::Mat1f(1, 2) << 0.1f, NAN);
        const cv::Mat1f reference = (cv::Mat1f(1, 2) << NAN, 0.2f);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, compareElevation(estimate, reference));
    }

    void theFootprintAverageIgnoresNoData()
    {
        const cv::Mat1f map = (cv::Mat1f(3, 3) << 1, 2, 3, 4, NAN, 6, 7, 8, 9);
        const cv::Mat1f averaged = footprintAverage(map, 3);
        QVERIFY(near(averaged(1, 0), (1 + 2 + 4 + 7 + 8) / 5.0, 1e-6)); // the border box holds 6 pixels, one NaN
        QVERIFY(near(averaged(0, 0), (1 + 2 + 4) / 3.0, 1e-6));
        QVERIFY(std::isnan(averaged(1, 1)));
        QCOMPARE(footprintAverage(map, 1)(2, 2), 9.0f);
    }

    void aProfileSamplesEveryMapAlongTheLine()
    {
        cv::Mat1f ramp(20, 40);
        for (int r = 0; r < 20; ++r)
            for (int c = 0; c < 40; ++c)
                ramp(r, c) = static_cast<float>(c);
        cv::Mat1f holes = ramp.clone();
        holes(10, 20) = NAN;
        const Profile p = profileAlong({ramp, holes}, {0.5, 10.5}, {30.5, 10.5});
        QCOMPARE(p.distance.size(), std::size_t(31));
        QCOMPARE(p.values.size(), std::size_t(2));
        QVERIFY(near(p.distance.back(), 30.0));
        for (std::size_t s = 0; s < p.distance.size(); ++s)
            QVERIFY(near(p.values[0][s], static_cast<double>(s), 1e-5));
        QVERIFY(std::isnan(p.values[1][20]));
        QVERIFY(near(p.values[1][5], 5.0, 1e-5));
    }
};

BANQUISE_REGISTER_TEST(TestElevationComparison);
#include "tst_ElevationComparison.moc"
