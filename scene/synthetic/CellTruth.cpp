#include "scene/synthetic/CellTruth.h"

#include "scene/synthetic/SensorMode.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/ximgproc.hpp>

#include <cmath>

namespace banquise::scene::synthetic {

namespace {
cv::Mat1f cellMean(const cv::Mat& fine, int factor)
{
    cv::Mat1f values;
    fine.convertTo(values, CV_32F);
    if (factor == 1)
        return values;
    cv::Mat1f cells;
    cv::resize(values, cells, cv::Size(fine.cols / factor, fine.rows / factor), 0, 0, cv::INTER_AREA);
    return cells;
}

// Lead pixels that lie in a lead at least `widthPx` wide: the opening of
// the lead mask by a disc of that diameter, by two distance transforms
// (5 x 5 chamfer mask: OpenCV 4.6's DIST_MASK_PRECISE is wrong on images
// wider than 4 096 pixels).
cv::Mat1b wideLeads(const cv::Mat1b& leads, double widthPx)
{
    cv::Mat1f inside;
    cv::distanceTransform(leads, inside, cv::DIST_L2, cv::DIST_MASK_5);
    const cv::Mat1b centres = inside > 0.5 * widthPx;
    cv::Mat1f fromCentres;
    cv::distanceTransform(~centres, fromCentres, cv::DIST_L2, cv::DIST_MASK_5);
    return (fromCentres <= 0.5 * widthPx) & leads;
}

// Roughness of each cell whose resolution cell (the cell and the impulse
// response's reach beyond it) sees one roughness; NaN elsewhere.
cv::Mat1f uniformRoughness(const cv::Mat1f& roughness, const cv::Mat1f& meanRoughness, int factor, int reachPx)
{
    const int side = factor + 2 * reachPx + ((factor + 2 * reachPx) % 2 == 0 ? 1 : 0);
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(side, side));
    cv::Mat1f low;
    cv::Mat1f high;
    cv::erode(roughness, low, kernel);
    cv::dilate(roughness, high, kernel);
    cv::Mat1f uniform = meanRoughness.clone();
    for (int r = 0; r < uniform.rows; ++r)
        for (int c = 0; c < uniform.cols; ++c) {
            const int fr = r * factor + factor / 2;
            const int fc = c * factor + factor / 2;
            if (low(fr, fc) != high(fr, fc))
                uniform(r, c) = std::nanf("");
            else
                uniform(r, c) = roughness(fr, fc);
        }
    return uniform;
}
} // namespace

CellTruth cellTruth(const IceTruth& truth, double truthPixelSize, int factor, const SensorMode& mode)
{
    CellTruth cells;
    for (int k = 0; k < kSurfaceClassCount; ++k)
        cells.fraction[k] = cellMean((truth.surface == k) / 255, factor);
    const int rows = cells.fraction[0].rows;
    const int cols = cells.fraction[0].cols;
    cells.majority.create(rows, cols);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            int best = 0;
            for (int k = 1; k < kSurfaceClassCount; ++k)
                if (cells.fraction[k](r, c) > cells.fraction[best](r, c))
                    best = k;
            cells.majority(r, c) = static_cast<unsigned char>(best);
        }
    cells.freeboard = cellMean(truth.freeboard, factor);
    cells.trap = {cellMean((truth.appearance == kWindRoughened) / 255, factor), cellMean((truth.appearance == kFrostFlowers) / 255, factor)};
    cells.floeId.create(rows, cols);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const int fr = r * factor + factor / 2;
            const int fc = c * factor + factor / 2;
            const unsigned char surface = truth.surface(fr, fc);
            cells.floeId(r, c) = surface == kFloe || surface == kRidge ? static_cast<float>(truth.floeId(fr, fc)) : 0.0f;
        }
    const double cellWidth = std::max(mode.rangeResolutionM, mode.azimuthResolutionM);
    const int reach = static_cast<int>(std::ceil(cellWidth / truthPixelSize));
    cells.roughness = uniformRoughness(truth.roughness, cellMean(truth.roughness, factor), factor, reach);

    const cv::Mat1b leads = (truth.surface == kOpenWater) | (truth.surface == kRefrozenLead);
    const cv::Mat1b wide = wideLeads(leads, 3.0 * cellWidth / truthPixelSize);
    const cv::Mat1f wideShare = cellMean(wide / 255, factor);
    const cv::Mat1f narrowShare = cellMean((leads & ~wide) / 255, factor);
    cells.leadWidth = cv::Mat1b::zeros(rows, cols);
    cells.leadWidth.setTo(kNarrowLead, narrowShare > 0.0f);
    cv::Mat1b centreline;
    cv::ximgproc::thinning(cells.leadWidth == kNarrowLead, centreline, cv::ximgproc::THINNING_ZHANGSUEN);
    cells.leadWidth.setTo(kNarrowCentreline, centreline);
    cells.leadWidth.setTo(kResolvableLead, wideShare >= 0.5f);
    return cells;
}

} // namespace banquise::scene::synthetic
