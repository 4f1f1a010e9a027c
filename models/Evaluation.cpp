#include "models/Evaluation.h"

#include "models/Baselines.h"
#include "models/Decibels.h"
#include "models/ModelInputs.h"
#include "models/SeaIceModel.h"
#include "models/SpatialInterpolation.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <cmath>

namespace banquise::models {

namespace {

// Interpolation step of the IDW baseline, as for the model's kriged prior.
constexpr int kInterpolationStep = 4;

} // namespace

Evaluation evaluate(const ModelInputs& inputs, const Prediction& prediction, const scene::synthetic::SyntheticTruth& truth)
{
    Evaluation e;
    const cv::Mat1b truthClasses = classesFromSurfaceCodes(truth.surface);
    e.segmentation = scoreSegmentation(prediction.classes, truthClasses);
    const cv::Mat1f leeDb = toDecibels(leeFilter(toLinear(inputs.primaryDb), kLeeWindow, kLeeLooks));
    e.segmentationOtsu = scoreSegmentation(otsuSegmentation(leeDb), truthClasses);
    if (!truth.sigma0Hh.empty()) {
        const cv::Mat1f truthDb = toDecibels(truth.sigma0Hh);
        e.despecklePsnrDb = psnrDb(prediction.despeckledDb, truthDb);
        e.despecklePsnrLeeDb = psnrDb(leeDb, truthDb);
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
    if (!prediction.elevation.empty())
        e.elevation = scoreRegression(prediction.elevation, truth.freeboard);
    // The kriging baseline is the model's own prior: the same records, the same kriging.
    if (!inputs.freeboardPrior.empty()) {
        e.elevationIdw = scoreRegression(inverseDistanceWeighting(recordSamples(inputs), truth.freeboard.size(), kInterpolationStep),
                                         truth.freeboard);
        e.elevationKriging = scoreRegression(inputs.freeboardPrior, truth.freeboard);
    }
    return e;
}

} // namespace banquise::models
