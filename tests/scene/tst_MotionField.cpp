#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "scene/MotionField.h"
#include "scene/RasterLayer.h"
#include "scene/SceneReader.h"
#include "scene/synthetic/SyntheticScene.h"

#include <gdal_priv.h>

#include <opencv2/imgproc.hpp>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace banquise::scene;

namespace {
double percentile(std::vector<double> values, double p)
{
    const auto k = static_cast<std::size_t>(p / 100.0 * (values.size() - 1) + 0.5);
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
    return values[k];
}
} // namespace

class TestMotionField : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void latticeIsInterpolatedBilinearly()
    {
        std::vector<MotionVector> vectors(4);
        const double dxs[4] = {0.0, 2.0, 4.0, 6.0};
        for (int k = 0; k < 4; ++k) {
            vectors[k].dx = dxs[k];
            vectors[k].dy = -dxs[k];
        }
        const MotionField field(2, 2, 10.0, 5.0, 5.0, vectors);
        double dx = 0.0;
        double dy = 0.0;
        field.displacementAt(10.0, 10.0, dx, dy); // the middle of the cell
        QCOMPARE(dx, 3.0);
        QCOMPARE(dy, -3.0);
        field.displacementAt(-100.0, 5.0, dx, dy); // clamped to the lattice
        QCOMPARE(dx, 0.0);
    }

    void pureTranslationOfSpeckleIsFoundToATenthOfAPixel()
    {
        // Textured backscatter (smooth field times speckle), shifted by a
        // known sub-pixel amount; fresh speckle on the second image as a
        // second SAR pass would have.
        const int size = 400;
        std::mt19937 rng(4);
        std::normal_distribution<float> normal(0.0f, 1.0f);
        cv::Mat1f texture(size + 40, size + 40);
        for (auto& v : texture)
            v = normal(rng);
        cv::GaussianBlur(texture, texture, cv::Size(), 3.0);
        cv::Scalar mean;
        cv::Scalar deviation;
        cv::meanStdDev(texture, mean, deviation);
        texture = (texture - mean[0]) / deviation[0]; // +-3.5 dB of backscatter texture
        cv::Mat1f shifted;
        const cv::Matx23f shift(1, 0, 3.4f, 0, 1, -2.2f); // second(x + 3.4, y - 2.2) = first(x, y)
        cv::warpAffine(texture, shifted, shift, texture.size(), cv::INTER_CUBIC);
        std::gamma_distribution<float> speckle(10.7f, 1.0f / 10.7f);
        std::vector<float> first(size * size);
        std::vector<float> second(size * size);
        for (int r = 0; r < size; ++r)
            for (int c = 0; c < size; ++c) {
                first[r * size + c] = 0.02f * std::exp(0.8f * texture(r + 20, c + 20)) * speckle(rng);
                second[r * size + c] = 0.02f * std::exp(0.8f * shifted(r + 20, c + 20)) * speckle(rng);
            }
        const MotionField field = estimateMotion(first, second, size, size);
        std::vector<double> errors;
        for (const auto& v : field.vectors())
            errors.push_back(std::hypot(v.dx - 3.4, v.dy + 2.2));
        QVERIFY2(percentile(errors, 50) < 0.1, qPrintable(QString::number(percentile(errors, 50))));
    }

    void syntheticDriftIsRecoveredWithinHalfAPixel()
    {
        banquise::tests::TempSceneFolder folder;
        synthetic::SynthOptions options;
        options.sizeKm = 40.0;
        options.seed = 5;
        synthetic::writeSyntheticScene(options, folder.path());
        const LoadedScene loaded = readScene(folder.path());
        const auto first = std::dynamic_pointer_cast<const RasterLayer>(loaded.scene.findLayer("S1 HH sigma0"));
        const auto second = std::dynamic_pointer_cast<const RasterLayer>(loaded.scene.findLayer("S1 HH sigma0 (second date)"));
        QVERIFY(first && second);
        const AnalysisGrid& grid = loaded.scene.grid();
        const MotionField field = estimateMotion(first->band(0), second->band(0), grid.width(), grid.height());

        GDALDataset* truth = static_cast<GDALDataset*>(GDALOpen((folder.path() + "/truth/drift_pixels.tif").c_str(), GA_ReadOnly));
        QVERIFY(truth);
        std::vector<float> tx(static_cast<std::size_t>(grid.width()) * grid.height());
        std::vector<float> ty(tx.size());
        truth->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, grid.width(), grid.height(), tx.data(), grid.width(), grid.height(), GDT_Float32, 0, 0);
        truth->GetRasterBand(2)->RasterIO(GF_Read, 0, 0, grid.width(), grid.height(), ty.data(), grid.width(), grid.height(), GDT_Float32, 0, 0);
        GDALClose(truth);
        // Scored where the ice is in both images: the drift carries part
        // of the first image out of the second (new ice comes in there).
        std::vector<double> errors;
        int measured = 0;
        for (const auto& v : field.vectors()) {
            const std::size_t i = static_cast<std::size_t>(v.row) * grid.width() + static_cast<std::size_t>(v.col);
            const double toCol = v.col + tx[i];
            const double toRow = v.row + ty[i];
            if (toCol < 32 || toRow < 32 || toCol > grid.width() - 32 || toRow > grid.height() - 32)
                continue;
            errors.push_back(std::hypot(v.dx - tx[i], v.dy - ty[i]));
            measured += v.measured ? 1 : 0;
        }
        QVERIFY(errors.size() > 200);
        const double median = percentile(errors, 50);
        const double p95 = percentile(errors, 95);
        qInfo("drift end-point error: median %.3f px, 95th percentile %.3f px, %d of %zu vectors measured", median, p95, measured,
              errors.size());
        QVERIFY2(median <= 0.5, qPrintable(QString::number(median)));
        QVERIFY2(p95 <= 1.5, qPrintable(QString::number(p95)));
    }
};

BANQUISE_REGISTER_TEST(TestMotionField);
#include "tst_MotionField.moc"
