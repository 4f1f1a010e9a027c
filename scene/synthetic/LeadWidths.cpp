#include "scene/synthetic/LeadWidths.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace banquise::scene::synthetic {

std::vector<double> leadWidthSamples(const cv::Mat1b& leads, double pixelSize)
{
    cv::Mat1f distance;
    // The 5 x 5 chamfer mask (within 2 % of Euclidean): OpenCV 4.6's
    // DIST_MASK_PRECISE returns distances off the mask on images wider than
    // 4 096 pixels.
    cv::distanceTransform(leads, distance, cv::DIST_L2, cv::DIST_MASK_5);
    cv::Mat1f neighbourhoodMax;
    cv::dilate(distance, neighbourhoodMax, cv::Mat());
    std::vector<double> widths;
    for (int r = 0; r < distance.rows; ++r)
        for (int c = 0; c < distance.cols; ++c) {
            const float d = distance(r, c);
            // Centre-line pixels: within half a pixel of their neighbourhood's
            // largest distance (along a slanted lead the centre line's values
            // ripple by ~0.4; a step across the lead costs 0.7 or more).
            // The centre pixel of a lead 2k + 1 pixels wide lies k + 1 pixels
            // from the first pixel beside it.
            if (d > 0.0f && d >= neighbourhoodMax(r, c) - 0.5f)
                widths.push_back((2.0 * d - 1.0) * pixelSize);
        }
    return widths;
}

double fitPowerLawExponent(const std::vector<double>& samples, double low, double high)
{
    double sumLog = 0.0;
    std::size_t n = 0;
    for (double w : samples)
        if (w >= low && w <= high) {
            sumLog += std::log(w);
            ++n;
        }
    if (n < 20)
        return 0.0;
    // Log-likelihood of the truncated law, concave in a: golden-section search.
    auto logLikelihood = [&](double a) {
        const double norm = (std::pow(low, 1.0 - a) - std::pow(high, 1.0 - a)) / (a - 1.0);
        return -static_cast<double>(n) * std::log(norm) - a * sumLog;
    };
    const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
    double a = 1.0001;
    double b = 6.0;
    double x1 = b - ratio * (b - a);
    double x2 = a + ratio * (b - a);
    double f1 = logLikelihood(x1);
    double f2 = logLikelihood(x2);
    while (b - a > 1e-5) {
        if (f1 < f2) {
            a = x1;
            x1 = x2;
            f1 = f2;
            x2 = a + ratio * (b - a);
            f2 = logLikelihood(x2);
        } else {
            b = x2;
            x2 = x1;
            f2 = f1;
            x1 = b - ratio * (b - a);
            f1 = logLikelihood(x1);
        }
    }
    return 0.5 * (a + b);
}

} // namespace banquise::scene::synthetic
