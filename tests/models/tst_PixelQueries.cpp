#include "common/TestRegistry.h"

#include "models/PixelQueries.h"
#include "models/SeaIceClasses.h"

#include <QTest>

#include <opencv2/core.hpp>

#include <algorithm>
#include <set>
#include <utility>

using namespace banquise::models;

namespace {
// Uncertainty drawn at random on a 200 x 200 grid.
cv::Mat1f randomUncertainty()
{
    cv::Mat1f u(200, 200);
    cv::RNG(7).fill(u, cv::RNG::UNIFORM, 0.0, 1.0);
    return u;
}

std::set<std::pair<int, int>> asSet(const std::vector<cv::Point>& points)
{
    std::set<std::pair<int, int>> set;
    for (const cv::Point& p : points)
        set.insert({p.x, p.y});
    return set;
}
} // namespace

class TestPixelQueries : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void queriesComeFromTheTopFivePercent()
    {
        const cv::Mat1f u = randomUncertainty();
        const cv::Rect tile(50, 60, 100, 80);
        const cv::Mat1b labels(u.size(), kNoClass);
        const cv::Mat1f inside = u(tile);
        std::vector<float> values(inside.begin(), inside.end());
        std::sort(values.begin(), values.end(), std::greater<>());
        const float threshold = values[static_cast<std::size_t>(kQueryTopShare * tile.area()) - 1];
        std::mt19937 rng(3);
        const auto picked = pickPixels(u, tile, labels, 10, rng);
        QCOMPARE(picked.size(), std::size_t(10));
        QCOMPARE(asSet(picked).size(), std::size_t(10));
        for (const cv::Point& p : picked) {
            QVERIFY(tile.contains(p));
            QVERIFY2(u(p) >= threshold, qPrintable(QString("%1 below %2").arg(u(p)).arg(threshold)));
        }
        // Not just the ten most uncertain: drawn across the top share.
        QVERIFY(std::any_of(picked.begin(), picked.end(), [&](const cv::Point& p) { return u(p) < values[20]; }));
    }

    void aSeedGivesTheSamePixels()
    {
        const cv::Mat1f u = randomUncertainty();
        const cv::Mat1b labels(u.size(), kNoClass);
        const cv::Rect tile(0, 0, 128, 128);
        for (const cv::Mat1f& map : {u, cv::Mat1f()}) {
            std::mt19937 a(11), b(11), c(12);
            const auto first = pickPixels(map, tile, labels, 10, a);
            QCOMPARE(asSet(first), asSet(pickPixels(map, tile, labels, 10, b)));
            QVERIFY(asSet(first) != asSet(pickPixels(map, tile, labels, 10, c)));
        }
    }

    void labelledPixelsAreNeverAskedAgain()
    {
        const cv::Mat1f u = randomUncertainty();
        cv::Mat1b labels(u.size(), kNoClass);
        const cv::Rect tile(10, 10, 30, 30);
        labels(tile).setTo(kFloe);
        labels(12, 15) = labels(30, 31) = labels(39, 39) = kNoClass;
        std::mt19937 rng(5);
        const auto picked = pickPixels(u, tile, labels, 10, rng);
        QCOMPARE(asSet(picked), (std::set<std::pair<int, int>>{{15, 12}, {31, 30}, {39, 39}})); // all that is left
        std::mt19937 again(5);
        QCOMPARE(asSet(pickPixels(cv::Mat1f(), tile, labels, 10, again)).size(), std::size_t(3));
    }

    void marginUncertaintyIsOneMinusTheMargin()
    {
        Prediction prediction;
        prediction.margin = cv::Mat1f(2, 2, 0.25f);
        prediction.entropy = cv::Mat1f(2, 2, 0.5f);
        QCOMPARE(pixelUncertainty(prediction, AcquisitionStrategy::Margin)(1, 1), 0.75f);
        QCOMPARE(pixelUncertainty(prediction, AcquisitionStrategy::Entropy)(0, 1), 0.5f);
        QVERIFY(pixelUncertainty(prediction, AcquisitionStrategy::Random).empty());
    }
};

BANQUISE_REGISTER_TEST(TestPixelQueries);
#include "tst_PixelQueries.moc"
