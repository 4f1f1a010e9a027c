#include "models/RidgeExcess.h"

#include "models/ModelInputs.h"
#include "models/SeaIceClasses.h"
#include "models/SeaIceModel.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <memory>

namespace banquise::models {

namespace {

constexpr float kNoDataFillDb = 1e6f;
constexpr int kReach = 2; // rows on either side the 5 x 5 median reads

cv::Mat stacked(const cv::Mat& top, const cv::Mat& bottom)
{
    if (top.empty())
        return bottom;
    cv::Mat both;
    cv::vconcat(top, bottom, both);
    return both;
}

} // namespace

cv::Mat1b detectRidges(const cv::Mat1f& despeckledDb, const cv::Mat1b& classes)
{
    const cv::Mat1b finite = despeckledDb == despeckledDb;
    // No data counts as bright in the median: no pixel beside it stands out
    // for it, and the answer does not depend on what else the map holds (a
    // band of rows finds the ridges the whole grid would).
    cv::Mat1f values = despeckledDb.clone();
    values.setTo(kNoDataFillDb, ~finite);
    cv::Mat1f background;
    cv::medianBlur(values, background, 5); // a one- or two-pixel line never holds a 5 x 5 median
    // On ice only: the edge of a floe among open water, or a small floe in
    // it, stands as far above the water's median as a ridge above level ice.
    cv::Mat1b iceAround;
    cv::erode((classes == kFloe) | (classes == kNoClass), iceAround, cv::Mat::ones(5, 5, CV_8U));
    return (values - background > kRidgeContrastDb) & finite & iceAround;
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

PredictionRowsSink raisingDetectedRidges(const cv::Mat1f& prior, const RidgeExcess& excess, PredictionRowsSink next)
{
    if (!excess.measured() || prior.empty())
        return next;
    struct Held {
        PredictionRowQueue rows;
        cv::Mat1f above; // despeckled rows just above the held ones, up to kReach
        cv::Mat1b aboveClasses; // and their classes
    };
    auto held = std::make_shared<Held>();
    return [prior, excess, next, held](int firstRow, const Prediction& band) {
        if (!band.hasElevation()) {
            next(firstRow, band);
            return;
        }
        held->rows.push(firstRow, band);
        const bool bottom = held->rows.endRow() == prior.rows;
        const int ready = bottom ? held->rows.rows() : held->rows.rows() - kReach;
        if (ready <= 0)
            return;
        const cv::Mat1f context = stacked(held->above, held->rows.held().despeckledDb);
        const cv::Mat1b contextClasses = stacked(held->aboveClasses, held->rows.held().classes);
        const cv::Mat1b ridges = detectRidges(context, contextClasses).rowRange(held->above.rows, held->above.rows + ready);
        const int first = held->rows.firstRow();
        Prediction out = held->rows.pop(ready);
        raiseRidges(out.elevation, out.elevationStd, ridges, prior.rowRange(first, first + ready), excess);
        const cv::Mat1f done = stacked(held->above, out.despeckledDb);
        const cv::Mat1b doneClasses = stacked(held->aboveClasses, out.classes);
        const int keep = std::min(kReach, done.rows);
        held->above = done.rowRange(done.rows - keep, done.rows).clone();
        held->aboveClasses = doneClasses.rowRange(doneClasses.rows - keep, doneClasses.rows).clone();
        next(first, out);
    };
}

} // namespace banquise::models
