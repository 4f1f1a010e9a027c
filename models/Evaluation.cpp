#include "models/Evaluation.h"

#include "models/Baselines.h"
#include "models/Decibels.h"
#include "models/ModelInputs.h"
#include "models/SeaIceModel.h"
#include "models/SpatialInterpolation.h"
#include "scene/synthetic/SpeckleStatistics.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <cmath>
#include <limits>

namespace banquise::models {

namespace {

// Interpolation step of the IDW and regression-kriging baselines, as for
// the model's kriged prior.
constexpr int kInterpolationStep = 4;

Evaluation::BySurface scoreBySurface(const cv::Mat1f& predicted, const scene::synthetic::SyntheticTruth& truth)
{
    Evaluation::BySurface by;
    const RegressionScores all = scoreRegression(predicted, truth.freeboard);
    const double totalSquares = all.rmse * all.rmse * static_cast<double>(all.count);
    for (std::size_t k = 0; k < by.scores.size(); ++k) {
        cv::Mat1f onSurface(truth.freeboard.size(), std::numeric_limits<float>::quiet_NaN());
        truth.freeboard.copyTo(onSurface, truth.surface == static_cast<unsigned char>(k));
        by.scores[k] = scoreRegression(predicted, onSurface);
        const double squares = by.scores[k].rmse * by.scores[k].rmse * static_cast<double>(by.scores[k].count);
        by.shareOfSquaredError[k] = totalSquares > 0.0 ? squares / totalSquares : 0.0;
    }
    return by;
}

// Windows of 12 x 12 pixels, as the synthetic scene's own ENL check.
double enlOnUniformFloes(const cv::Mat1f& estimateDb, const scene::synthetic::SyntheticTruth& truth)
{
    constexpr int kWindow = 12;
    const cv::Mat1f linear = toLinear(estimateDb);
    return scene::synthetic::measureEnl(std::vector<float>(linear.begin(), linear.end()),
                                        std::vector<std::uint8_t>(truth.surface.begin(), truth.surface.end()),
                                        std::vector<float>(truth.roughness.begin(), truth.roughness.end()), linear.cols, linear.rows,
                                        kWindow);
}

} // namespace

Evaluation evaluate(const ModelInputs& inputs, const Prediction& prediction, const scene::synthetic::SyntheticTruth& truth)
{
    Evaluation e;
    const cv::Mat1b truthClasses = classesFromSurfaceCodes(truth.surface);
    e.segmentation = scoreSegmentation(prediction.classes, truthClasses);
    const cv::Mat1f leeDb = leeFilteredDb(inputs.primaryDb, inputs.sarLooks);
    const cv::Mat1b otsu = otsuSegmentation(leeDb);
    e.segmentationOtsu = scoreSegmentation(otsu, truthClasses);
    const cv::Mat1f leeHvDb = inputs.secondaryDb.empty() ? cv::Mat1f() : leeFilteredDb(inputs.secondaryDb, inputs.sarLooks);
    const cv::Mat1b kMeans = kMeansSegmentation(leeDb, leeHvDb);
    e.segmentationKMeans = scoreSegmentation(kMeans, truthClasses);
    if (!truth.leadWidth.empty()) {
        e.leads = scoreLeadsByWidth(prediction.classes, truth.leadWidth);
        e.leadsOtsu = scoreLeadsByWidth(otsu, truth.leadWidth);
        e.leadsKMeans = scoreLeadsByWidth(kMeans, truth.leadWidth);
    }
    if (!truth.sigma0Hh.empty()) {
        const cv::Mat1f truthDb = toDecibels(truth.sigma0Hh);
        e.despecklePsnrDb = psnrDb(prediction.despeckledDb, truthDb);
        e.despecklePsnrLeeDb = psnrDb(leeDb, truthDb);
        e.despeckleBiasDb = scoreRegression(prediction.despeckledDb, truthDb).bias;
        e.despeckleBiasLeeDb = scoreRegression(leeDb, truthDb).bias;
    }
    if (!truth.roughness.empty()) {
        e.despeckleEnl = enlOnUniformFloes(prediction.despeckledDb, truth);
        e.despeckleEnlLee = enlOnUniformFloes(leeDb, truth);
        e.inputEnl = enlOnUniformFloes(inputs.primaryDb, truth);
    }
    double wrong = 0.0, right = 0.0;
    std::size_t wrongCount = 0, rightCount = 0;
    for (int r = 0; r < truthClasses.rows; ++r)
        for (int c = 0; c < truthClasses.cols; ++c) {
            if (prediction.classes(r, c) == kNoClass || truthClasses(r, c) == kNoClass)
                continue;
            if (prediction.classes(r, c) == truthClasses(r, c)) {
                right += prediction.entropy(r, c);
                ++rightCount;
            } else {
                wrong += prediction.entropy(r, c);
                ++wrongCount;
            }
        }
    e.entropyRight = rightCount ? right / rightCount : 0.0;
    e.entropyWrong = wrongCount ? wrong / wrongCount : 0.0;
    if (!prediction.elevation.empty()) {
        e.elevation = scoreRegression(prediction.elevation, truth.freeboard);
        e.elevationBySurface = scoreBySurface(prediction.elevation, truth);
    }
    // The kriging baselines are the model's own prior: the same records, the same kriging.
    if (!inputs.freeboardPrior.empty()) {
        const std::vector<PointSample> samples = recordSamples(inputs);
        e.elevationIdw = scoreRegression(inverseDistanceWeighting(samples, truth.freeboard.size(), kInterpolationStep), truth.freeboard);
        e.elevationKriging = scoreRegression(inputs.freeboardPrior, truth.freeboard);
        e.elevationKrigingBySurface = scoreBySurface(inputs.freeboardPrior, truth);
        if (!inputs.freeboardSarTerm.empty())
            e.elevationRegressionKriging = scoreRegression(inputs.freeboardPrior + inputs.freeboardSarTerm, truth.freeboard);
    }
    return e;
}

} // namespace banquise::models
