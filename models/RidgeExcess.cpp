#include "models/RidgeExcess.h"

#include "models/ModelInputs.h"
#include "models/SeaIceModel.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace banquise::models {

cv::Mat1b detectRidges(const cv::Mat1f& despeckledDb)
{
    const cv::Mat1b finite = despeckledDb == despeckledDb;
    if (cv::countNonZero(finite) == 0)
        return cv::Mat1b::zeros(despeckledDb.size());
    cv::Mat1f values = despeckledDb.clone();
    values.setTo(cv::mean(values, finite)[0], ~finite);
    cv::Mat1f background;
    cv::medianBlur(values, background, 5); // a one- or two-pixel line never holds a 5 x 5 median
    return (values - background > kRidgeContrastDb) & finite;
}

RidgeExcess estimateRidgeExcess(const cv::Mat1b& ridges, const cv::Mat1f& levelIce, const std::vector<FootprintRecord>& records)
{
    cv::Mat1f ridgeFraction;
    ridges.convertTo(ridgeFraction, CV_32F, 1.0 / 255.0);
    const std::vector<float> fraction = footprintMeans(ridgeFraction, records);
    const std::vector<float> level = footprintMeans(levelIce, records);
    double fractionByExcess = 0.0;
    double fractionSquared = 0.0;
    RidgeExcess excess;
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (!std::isfinite(fraction[i]) || !std::isfinite(level[i]) || fraction[i] <= 0.0f || records[i].sigma <= 0.0f)
            continue;
        const double weight = 1.0 / (records[i].sigma * records[i].sigma);
        fractionByExcess += weight * fraction[i] * (records[i].value - level[i]);
        fractionSquared += weight * fraction[i] * fraction[i];
        ++excess.records;
    }
    if (excess.records == 0)
        return {};
    excess.metres = fractionByExcess / fractionSquared;
    excess.sigma = 1.0 / std::sqrt(fractionSquared);
    return excess;
}

void raiseRidges(cv::Mat1f& elevation, cv::Mat1f& elevationStd, const cv::Mat1b& ridges, const cv::Mat1f& levelIce,
                 const RidgeExcess& excess)
{
    if (!excess.measured())
        return;
    for (int r = 0; r < elevation.rows; ++r)
        for (int c = 0; c < elevation.cols; ++c) {
            if (!ridges(r, c) || !std::isfinite(elevation(r, c)) || !std::isfinite(levelIce(r, c)))
                continue;
            elevation(r, c) = static_cast<float>(levelIce(r, c) + excess.metres);
            elevationStd(r, c) = static_cast<float>(std::hypot(elevationStd(r, c), excess.sigma));
        }
}

void raiseDetectedRidges(Prediction& prediction, const cv::Mat1f& prior, const RidgeExcess& excess)
{
    if (excess.measured() && !prediction.elevation.empty() && !prior.empty() && !prediction.despeckledDb.empty())
        raiseRidges(prediction.elevation, prediction.elevationStd, detectRidges(prediction.despeckledDb), prior, excess);
}

} // namespace banquise::models
