#include "common/TestRegistry.h"

#include "models/TileLayout.h"

#include <QTest>

#include <opencv2/core.hpp>

using namespace banquise::models;

class TestTileLayout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tilesCoverTheImageWithTheOverlap()
    {
        const cv::Size image(1000, 700);
        const TileLayout layout(image, 256, 32);
        QCOMPARE(layout.tileSize, cv::Size(256, 256));
        QCOMPARE(layout.columns.front(), 0);
        QCOMPARE(layout.columns.back(), 1000 - 256);
        QCOMPARE(layout.rows.back(), 700 - 256);
        for (std::size_t i = 1; i < layout.columns.size(); ++i)
            QVERIFY(layout.columns[i - 1] + 256 - layout.columns[i] >= 32);
        cv::Mat1f total = cv::Mat1f::zeros(image);
        for (int top : layout.rows)
            for (int left : layout.columns) {
                const cv::Rect tile(left, top, 256, 256);
                cv::Mat1f region = total(tile);
                region += layout.weights(tile, image);
            }
        double low = 0.0;
        cv::minMaxLoc(total, &low);
        QVERIFY(low > 0.0); // every pixel is predicted by some tile
        QCOMPARE(total(0, 0), 1.0f); // image corners are not faded
    }

    void aSmallImageIsOneTile()
    {
        const TileLayout layout({100, 80}, 512, 64);
        QCOMPARE(layout.tileSize, cv::Size(100, 80));
        QCOMPARE(layout.columns.size(), std::size_t(1));
        QCOMPARE(layout.rows.size(), std::size_t(1));
        const cv::Mat1f w = layout.weights({0, 0, 100, 80}, {100, 80});
        QCOMPARE(cv::countNonZero(w != 1.0f), 0);
    }

    void impossibleTilesAreRefused()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TileLayout({100, 100}, 64, 64));
    }
};

BANQUISE_REGISTER_TEST(TestTileLayout);
#include "tst_TileLayout.moc"
