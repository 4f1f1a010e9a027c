#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "scene/AnalysisGrid.h"
#include "scene/ChainCompensation.h"
#include "scene/DriftCompensation.h"
#include "scene/DriftChain.h"
#include "scene/RasterLayer.h"
#include "scene/Scene.h"
#include "scene/SceneError.h"
#include "scene/SceneReader.h"
#include "scene/TrackLayer.h"
#include "scene/synthetic/SyntheticScene.h"
#include "scene/synthetic/TruthEvaluation.h"

#include <opencv2/imgproc.hpp>

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using namespace banquise::scene;

namespace {
constexpr double kDay = 86400.0;

// A 5 x 5 lattice over a 101 x 101 image whose vectors follow `motion`
// (linear motions are then carried exactly by the bilinear interpolation).
template <typename Motion>
MotionField latticeOf(Motion motion, double quality = 1.0, bool measured = true)
{
    std::vector<MotionVector> vectors;
    for (int j = 0; j < 5; ++j)
        for (int i = 0; i < 5; ++i) {
            MotionVector v;
            v.col = 25.0 * i;
            v.row = 25.0 * j;
            motion(v.col, v.row, v.dx, v.dy);
            v.quality = quality;
            v.measured = measured;
            vectors.push_back(v);
        }
    return MotionField(5, 5, 25.0, 0.0, 0.0, vectors);
}

void shift(double, double, double& dx, double& dy)
{
    dx = 3.0;
    dy = -2.0;
}

// A small rotation about the image centre (0.02 rad) and 1 % divergence.
void turn(double col, double row, double& dx, double& dy)
{
    dx = 0.01 * (col - 50.0) - 0.02 * (row - 50.0);
    dy = 0.02 * (col - 50.0) + 0.01 * (row - 50.0);
}

// Textured backscatter under fresh speckle, moved by (shiftX, shiftY) pixels.
std::vector<float> speckledImage(int size, double shiftX, double shiftY, unsigned seed)
{
    std::mt19937 texture(7); // the same ice in every image
    std::normal_distribution<float> normal(0.0f, 1.0f);
    cv::Mat1f ice(size + 40, size + 40);
    for (auto& v : ice)
        v = normal(texture);
    cv::GaussianBlur(ice, ice, cv::Size(), 3.0);
    cv::normalize(ice, ice, -2.0, 2.0, cv::NORM_MINMAX);
    cv::Mat1f moved;
    cv::warpAffine(ice, moved, cv::Matx23f(1, 0, static_cast<float>(shiftX), 0, 1, static_cast<float>(shiftY)), ice.size(), cv::INTER_CUBIC);
    std::mt19937 rng(seed);
    std::gamma_distribution<float> speckle(10.7f, 1.0f / 10.7f);
    std::vector<float> image(static_cast<std::size_t>(size) * size);
    for (int r = 0; r < size; ++r)
        for (int c = 0; c < size; ++c)
            image[static_cast<std::size_t>(r) * size + c] = 0.02f * std::exp(0.8f * moved(r + 20, c + 20)) * speckle(rng);
    return image;
}

std::shared_ptr<const RasterLayer> sarDate(const AnalysisGrid& grid, const std::string& name, double time, std::vector<float> image)
{
    LayerInfo info;
    info.name = name;
    info.quantity = Quantity::Sigma0;
    info.time = time;
    return std::make_shared<const RasterLayer>(info, grid, std::vector<std::vector<float>>{std::move(image)});
}
} // namespace

class TestDriftChain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void composingTwoKnownDriftsGivesTheTotal()
    {
        const DriftChain chain(101, 101, {0.0, kDay, 2.0 * kDay}, {latticeOf(shift), latticeOf(turn)});
        const CarriedPosition p = chain.carry(40.0, 60.0, 0, 2);
        // (40, 60) -> (43, 58) -> (43, 58) + turn(43, 58)
        double dx = 0.0;
        double dy = 0.0;
        turn(43.0, 58.0, dx, dy);
        QVERIFY(std::abs(p.col - (43.0 + dx)) < 1e-9);
        QVERIFY(std::abs(p.row - (58.0 + dy)) < 1e-9);
        QVERIFY(p.inside);
        // Two links of measured vectors at a peak of 1 over a day each.
        QVERIFY(std::abs(p.sigma - std::sqrt(2.0) * std::hypot(kMatchedSigmaPx, kDeformationSigmaPxPerDay)) < 1e-9);
    }

    void aPositionCarriedForwardAndBackReturnsWithinItsSigma()
    {
        const DriftChain chain(101, 101, {0.0, kDay, 3.0 * kDay}, {latticeOf(turn), latticeOf(turn, 0.5)});
        const CarriedPosition forward = chain.carry(30.0, 70.0, 0, 2);
        const CarriedPosition back = chain.carry(forward.col, forward.row, 2, 0);
        QVERIFY2(std::hypot(back.col - 30.0, back.row - 70.0) < 0.01, qPrintable(QString("%1 %2").arg(back.col).arg(back.row)));
        // Uncertainty grows with the links, their time span and weaker correlation peaks.
        const CarriedPosition one = chain.carry(30.0, 70.0, 0, 1);
        QVERIFY(forward.sigma > one.sigma);
        QVERIFY(std::abs(back.sigma - forward.sigma) < 0.05);
        const DriftChain filled(101, 101, {0.0, kDay}, {latticeOf(turn, 1.0, false)});
        QVERIFY(filled.carry(30.0, 70.0, 0, 1).sigma > one.sigma);
        QCOMPARE(chain.carry(30.0, 70.0, 1, 1).sigma, 0.0);
    }

    void aPathLeavingTheImageIsSaid()
    {
        const DriftChain chain(101, 101, {0.0, kDay}, {latticeOf(shift)});
        QVERIFY(!chain.carry(99.0, 50.0, 0, 1).inside); // 99 + 3 is past the last column
        QVERIFY(chain.carry(90.0, 50.0, 0, 1).inside);
    }

    void datesOutOfOrderOrLinksMissingAreRefused()
    {
        QVERIFY_THROWS_EXCEPTION(SceneError, DriftChain(101, 101, {kDay, 0.0}, {latticeOf(shift)}));
        QVERIFY_THROWS_EXCEPTION(SceneError, DriftChain(101, 101, {0.0, kDay, 2.0 * kDay}, {latticeOf(shift)}));
        const DriftChain chain(101, 101, {0.0, kDay}, {latticeOf(shift)});
        QVERIFY_THROWS_EXCEPTION(SceneError, chain.carry(1.0, 1.0, 0, 2));
    }

    // A date without a valid pixel is left out, named, and the chain links over it.
    void aDateWithoutDataIsLeftOutAndLinkedOver()
    {
        const int size = 200;
        const AnalysisGrid grid(3413, 0.0, 0.0, 40.0, size, size);
        Scene scene("series", grid);
        scene.addLayer(sarDate(grid, "S1 HH sigma0", 0.0 + 1.7e9, speckledImage(size, 0.0, 0.0, 1)));
        scene.addLayer(sarDate(grid, "S1 HH sigma0 cloud", kDay + 1.7e9,
                               std::vector<float>(size * size, std::numeric_limits<float>::quiet_NaN())));
        scene.addLayer(sarDate(grid, "S1 HH sigma0 late", 2.0 * kDay + 1.7e9, speckledImage(size, 4.0, -3.0, 2)));
        QCOMPARE(sarDates(scene).size(), std::size_t(3));
        std::vector<std::string> leftOut;
        const DriftChain chain = estimateDriftChain(scene, nullptr, &leftOut);
        QCOMPARE(chain.dates(), 2);
        QCOMPARE(leftOut.size(), std::size_t(1));
        QVERIFY(leftOut.front().find("S1 HH sigma0 cloud") == 0);
        QVERIFY(leftOut.front().find("no valid pixel") != std::string::npos);
        const CarriedPosition p = chain.carry(100.0, 100.0, 0, 1);
        QVERIFY2(std::hypot(p.col - 104.0, p.row - 97.0) < 0.3, qPrintable(QString("%1 %2").arg(p.col).arg(p.row)));
        Scene single("one date", grid);
        single.addLayer(sarDate(grid, "S1 HH sigma0", 1.7e9, speckledImage(size, 0.0, 0.0, 1)));
        QVERIFY_THROWS_EXCEPTION(SceneError, estimateDriftChain(single));
    }

    // A synthetic time series: the drift chained over four dates follows the
    // truth to within a few pixels, and its sigma covers most of its errors.
    void aSyntheticSeriesIsChainedToItsTruth()
    {
        synthetic::SynthOptions options;
        // Large enough for four passes of the last two dates with lead
        // records (tst_TimeSeriesModel chains a 16 km series).
        options.sizeKm = 30.0;
        options.sarDates = 4;
        options.sarSecondTime = "2024-03-16T04:05:12Z"; // 1.5 days apart
        options.driftEastMetresPerDay = 1500.0;
        options.driftNorthMetresPerDay = -1000.0;
        options.buoys = 0;
        const auto products = synthetic::writeSyntheticScene(options, m_folder.path("series"));
        QCOMPARE(products.sarLater.size(), std::size_t(2));
        const LoadedScene loaded = readScene(m_folder.path("series"));
        QCOMPARE(sarDates(loaded.scene).size(), std::size_t(4));
        const DriftChain chain = estimateDriftChain(loaded.scene);
        QCOMPARE(chain.dates(), 4);
        QVERIFY(std::abs(chain.time(3) - chain.time(0) - 4.5 * kDay) < 1.0);
        const auto epe = synthetic::chainEndPointErrors(chain, 3, m_folder.path("series") + "/truth/drift_pixels_date3.tif");
        QVERIFY(epe.scored > 1000);
        QVERIFY2(epe.median < 2.5, qPrintable(QString::number(epe.median)));
        QVERIFY2(epe.withinTwoSigma > 0.8, qPrintable(QString::number(epe.withinTwoSigma)));

        // Every altimeter passes again on each later date; carried back
        // through the chain, its lead records fall on the reference time's
        // leads more often than where they were seen.
        QCOMPARE(products.laterAltimeters.size(), 3 * options.altimeters.size());
        const ChainCompensation compensation(chain, loaded.scene.grid());
        const std::vector<float> leads = synthetic::readLeadFraction(m_folder.path("series"));
        double seen = 0.0;
        double carried = 0.0;
        int tracks = 0;
        for (const auto& layer : loaded.scene.layers()) {
            const auto track = std::dynamic_pointer_cast<const TrackLayer>(layer);
            if (!track || track->info().time < chain.time(2) - 0.5 * kDay)
                continue; // the passes of the last two dates: the chain carries them over two or three links
            const auto back = compensation.compensate(*track);
            QVERIFY(back->footprint().acrossTrackM > track->footprint().acrossTrackM);
            const double before = synthetic::leadHitFraction(track->records(), track->footprint(), leads, loaded.scene.grid());
            if (before < 0.0)
                continue; // no lead-flagged record on this pass
            seen += before;
            carried += synthetic::leadHitFraction(back->records(), track->footprint(), leads, loaded.scene.grid());
            ++tracks;
        }
        QVERIFY(tracks >= 4);
        QVERIFY2(carried > seen + 0.1 * tracks, qPrintable(QString("%1 %2").arg(seen).arg(carried)));
    }

    // An observation half-way between two dates goes back by half the link's
    // motion; beyond the chain's reach it is refused.
    void observationsBetweenDatesGoBackByTheirShareOfTheLink()
    {
        const AnalysisGrid grid(3413, 0.0, 4000.0, 40.0, 101, 101);
        const DriftChain chain(101, 101, {0.0, kDay}, {latticeOf(shift)});
        const ChainCompensation compensation(chain, grid);
        double sigma = 0.0;
        const MapPoint back = compensation.toFirstDate(grid.pixelCentre(50, 50), 0.5 * kDay, &sigma);
        double col = 0.0;
        double row = 0.0;
        grid.mapToPixel(back, col, row);
        QVERIFY(std::abs(col - 0.5 - 48.5) < 1e-6 && std::abs(row - 0.5 - 51.0) < 1e-6);
        QVERIFY(std::abs(sigma - 0.5 * std::hypot(kMatchedSigmaPx, kDeformationSigmaPxPerDay) * 40.0) < 1e-6);
        QVERIFY(compensation.reaches(1.9 * kDay) && !compensation.reaches(2.1 * kDay) && !compensation.reaches(-1.1 * kDay));
        LayerInfo late;
        late.name = "late track";
        late.time = 3.0 * kDay;
        TrackRecord record;
        record.position = grid.pixelCentre(50, 50);
        QVERIFY_THROWS_EXCEPTION(SceneError, compensation.compensate(TrackLayer(late, {record}, Footprint{300.0, 1600.0})));
    }

    // An image of the third date comes back to the first through both
    // links: each cell takes the value where its ice was then; cells whose
    // ice left the image are NaN; an image beyond the chain is refused.
    void anImageOfALaterDateComesBackThroughTheChain()
    {
        const AnalysisGrid grid(3413, 0.0, 4000.0, 40.0, 101, 101);
        const DriftChain chain(101, 101, {0.0, kDay, 2.0 * kDay}, {latticeOf(shift), latticeOf(shift)});
        const ChainCompensation compensation(chain, grid);
        std::vector<float> ramp(101 * 101); // value = 1000 row + col: where each value was taken is readable
        for (int r = 0; r < 101; ++r)
            for (int c = 0; c < 101; ++c)
                ramp[static_cast<std::size_t>(r) * 101 + c] = static_cast<float>(1000 * r + c);
        LayerInfo info;
        info.name = "S1 HH sigma0 date 3";
        info.sourceFile = "date3.tif";
        info.time = 2.0 * kDay;
        const auto back = compensation.compensate(RasterLayer(info, grid, {ramp}));
        QCOMPARE(back->info().name, compensatedName(info.name));
        // The ice of cell (40, 60) moved by 2 x (3, -2) px: it is at (46, 56) on the third date.
        QCOMPARE(back->value(0, 40, 60), 1000.0f * 56 + 46);
        QCOMPARE(back->value(0, 0, 50), 1000.0f * 46 + 6);
        QVERIFY(std::isnan(back->value(0, 98, 50))); // its ice was beyond the right edge
        info.time = 1.5 * kDay; // half-way along the second link: (44.5, 57), between two cells
        const float between = compensation.compensate(RasterLayer(info, grid, {ramp}))->value(0, 40, 60);
        QVERIFY2(between == 1000.0f * 57 + 44 || between == 1000.0f * 57 + 45, qPrintable(QString::number(between)));
        info.time = 3.5 * kDay;
        QVERIFY_THROWS_EXCEPTION(SceneError, compensation.compensate(RasterLayer(info, grid, {ramp})));
        const AnalysisGrid other(3413, 0.0, 4000.0, 40.0, 50, 50);
        info.time = kDay;
        QVERIFY_THROWS_EXCEPTION(SceneError, compensation.compensate(RasterLayer(info, other, {std::vector<float>(2500, 1.0f)})));
    }

    void impossibleSeriesAreRefused()
    {
        synthetic::SynthOptions options;
        options.sarDates = 1;
        QVERIFY_THROWS_EXCEPTION(SceneError, options.validate());
        options.sarDates = 12;
        options.sarSecondTime = "2024-03-16T16:05:12Z"; // 11 x 2 days
        QVERIFY_THROWS_EXCEPTION(SceneError, options.validate());
    }

private:
    banquise::tests::TempSceneFolder m_folder;
};

BANQUISE_REGISTER_TEST(TestDriftChain);
#include "tst_DriftChain.moc"
