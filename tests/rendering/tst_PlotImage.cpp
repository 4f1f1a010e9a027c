#include "common/TestRegistry.h"

#include "rendering/Plot.h"
#include "rendering/PlotImage.h"

#include <QImage>
#include <QTest>

#include <cmath>
#include <limits>

using namespace banquise::rendering;

namespace {

bool isRed(QRgb c)
{
    return qRed(c) > 200 && qGreen(c) < 90 && qBlue(c) < 90;
}

// Columns holding at least one pixel of the colour test, as runs [first, last].
template <class Test> std::vector<std::pair<int, int>> columnRuns(const QImage& image, Test test)
{
    std::vector<std::pair<int, int>> runs;
    for (int x = 0; x < image.width(); ++x) {
        bool hit = false;
        for (int y = 0; y < image.height() && !hit; ++y)
            hit = test(image.pixel(x, y));
        if (!hit)
            continue;
        if (!runs.empty() && runs.back().second == x - 1)
            runs.back().second = x;
        else
            runs.emplace_back(x, x);
    }
    return runs;
}

// Rows of column x holding the exact colour: (first, last), or (-1, -1).
std::pair<int, int> rowSpan(const QImage& image, int x, QRgb colour)
{
    int first = -1, last = -1;
    for (int y = 0; y < image.height(); ++y)
        if (image.pixel(x, y) == colour) {
            if (first < 0)
                first = y;
            last = y;
        }
    return {first, last};
}

} // namespace

class TestPlotImage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ticksAreRoundNumbersInsideTheRange()
    {
        const std::vector<double> unit = niceTicks(0.0, 1.0);
        QCOMPARE(unit.size(), std::size_t(6));
        for (std::size_t i = 0; i < unit.size(); ++i)
            QVERIFY(std::abs(unit[i] - 0.2 * i) < 1e-12);
        const std::vector<double> ticks = niceTicks(-0.137, 0.137);
        QCOMPARE(ticks.size(), std::size_t(5));
        QVERIFY(std::abs(ticks.front() + 0.10) < 1e-12 && std::abs(ticks.back() - 0.10) < 1e-12);
        QCOMPARE(ticks[2], 0.0);
        QCOMPARE(tickDecimals(ticks), 2);
        QCOMPARE(tickDecimals(niceTicks(0.0, 60.0)), 0);
        QCOMPARE(niceTicks(1.0, 1.0).size(), std::size_t(1)); // an empty range: no loop, no crash
    }

    void aLineBreaksWhereItsValuesAreMissing()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        Plot plot{"gaps", {"x", 0.0, 1.0}, {"y", 0.0, 1.0}, {}};
        plot.series.push_back({"", SeriesStyle::Line, QColor(230, 20, 20), {{0.0, 0.5}, {0.4, 0.5}, {0.5, nan}, {0.6, 0.5}, {1.0, 0.5}}});
        const QImage image = plotImage(plot, QSize(600, 400));
        const auto runs = columnRuns(image, isRed);
        QCOMPARE(runs.size(), std::size_t(2));
        const double span = runs[1].second - runs[0].first;
        const double gap = runs[1].first - runs[0].second;
        QVERIFY2(std::abs(gap / span - 0.2) < 0.03, qPrintable(QString::number(gap / span)));
    }

    void barsStandOnZeroWithTheirHeights()
    {
        const QColor green(20, 160, 40);
        Plot plot{"bars", {"x", 0.0, 1.0}, {"count", 0.0, 1.0}, {}};
        plot.series.push_back({"counts", SeriesStyle::Bars, green, {{0.25, 0.8}, {0.75, 0.4}}, 0.2});
        const QImage image = plotImage(plot, QSize(700, 500));
        const auto runs = columnRuns(image, [&](QRgb c) { return c == green.rgb(); });
        QVERIFY2(runs.size() >= 2, qPrintable(QString::number(runs.size())));
        // The legend's swatch is a third run, right of the plot: the bars are the first two.
        const auto tall = rowSpan(image, (runs[0].first + runs[0].second) / 2, green.rgb());
        const auto short_ = rowSpan(image, (runs[1].first + runs[1].second) / 2, green.rgb());
        QVERIFY(std::abs(tall.second - short_.second) <= 1); // same base: y = 0
        const double ratio = (tall.second - tall.first + 1.0) / (short_.second - short_.first + 1.0);
        QVERIFY2(std::abs(ratio - 2.0) < 0.05, qPrintable(QString::number(ratio)));
        QVERIFY(std::abs((runs[0].second - runs[0].first) - (runs[1].second - runs[1].first)) <= 1); // same width
    }
};

BANQUISE_REGISTER_TEST(TestPlotImage);
#include "tst_PlotImage.moc"
