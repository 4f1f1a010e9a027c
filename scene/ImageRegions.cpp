#include "scene/ImageRegions.h"

#include "scene/PyramidLayer.h"
#include "scene/RasterLayer.h"
#include "scene/RasterPyramid.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace banquise::scene {

namespace {

// The window of the image (its first band) to cut, centred on the pixel
// and clipped to the grid; empty when the pixel is outside.
cv::Rect regionBox(const AnalysisGrid& grid, int column, int row, int window)
{
    if (column < 0 || row < 0 || column >= grid.width() || row >= grid.height())
        return {};
    const int w = std::min(window, grid.width()), h = std::min(window, grid.height());
    return {std::clamp(column - w / 2, 0, grid.width() - w), std::clamp(row - h / 2, 0, grid.height() - h), w, h};
}

// The watershed region of the box's values (row-major, as the layer holds
// them) around the pixel.
std::vector<ClassPolygon> regionInBox(cv::Mat1f values, bool decibels, const cv::Rect& box, int column, int row, int spacing)
{
    const int w = box.width, h = box.height;
    std::vector<float> finite;
    for (float& v : values) {
        if (decibels)
            v = v > 0.0f ? 10.0f * std::log10(v) : std::nanf("");
        if (std::isfinite(v))
            finite.push_back(v);
    }
    // No-data takes the median, so it makes no edge of its own.
    std::nth_element(finite.begin(), finite.begin() + finite.size() / 2, finite.end());
    const float median = finite[finite.size() / 2];
    values.setTo(median, values != values);

    // Speckle first: a median then a Gaussian filter, then 8-bit for the watershed.
    cv::Mat1f smooth;
    cv::medianBlur(values, smooth, 5);
    cv::GaussianBlur(smooth, smooth, cv::Size(0, 0), 1.5);
    cv::Mat1b grey;
    cv::normalize(smooth, grey, 0, 255, cv::NORM_MINMAX, CV_8U);
    cv::Mat1f dx, dy, gradient;
    cv::Sobel(smooth, dx, CV_32F, 1, 0);
    cv::Sobel(smooth, dy, CV_32F, 0, 1);
    cv::magnitude(dx, dy, gradient);

    cv::Mat1i markers = cv::Mat1i::zeros(h, w);
    int label = 0;
    for (int y = 0; y < h; y += spacing)
        for (int x = 0; x < w; x += spacing) {
            cv::Point weakest;
            cv::minMaxLoc(gradient(cv::Rect(x, y, std::min(spacing, w - x), std::min(spacing, h - y))), nullptr, nullptr, &weakest);
            markers(y + weakest.y, x + weakest.x) = ++label;
        }
    cv::Mat colour;
    cv::cvtColor(grey, colour, cv::COLOR_GRAY2BGR);
    cv::watershed(colour, markers);

    // On a watershed line, the region of a neighbour.
    int clicked = markers(row - box.y, column - box.x);
    for (int dr = -1; dr <= 1 && clicked <= 0; ++dr)
        for (int dc = -1; dc <= 1 && clicked <= 0; ++dc) {
            const int r = std::clamp(row - box.y + dr, 0, h - 1), c = std::clamp(column - box.x + dc, 0, w - 1);
            clicked = markers(r, c);
        }
    if (clicked <= 0)
        return {};
    cv::Mat1b region = markers == clicked;
    // The one-pixel watershed lines around the region join it, so that
    // neighbouring fills meet without a gap.
    cv::Mat1b grown;
    cv::dilate(region, grown, cv::Mat());
    region |= grown & (markers == -1);
    std::vector<std::uint8_t> classes(region.begin(), region.end());
    for (auto& v : classes)
        v = v ? 1 : 0;
    auto polygons = classPolygons(w, h, classes, 0);
    for (auto& polygon : polygons)
        for (auto& [x, y] : polygon.points) {
            x += box.x;
            y += box.y;
        }
    return polygons;
}

} // namespace

std::vector<ClassPolygon> regionAround(const RasterLayer& image, int column, int row, int window, int spacing)
{
    const cv::Rect box = regionBox(image.grid(), column, row, window);
    if (box.empty() || !std::isfinite(image.value(0, column, row)))
        return {};
    cv::Mat1f values(box.height, box.width);
    for (int r = 0; r < box.height; ++r)
        for (int c = 0; c < box.width; ++c)
            values(r, c) = image.value(0, box.x + c, box.y + r);
    return regionInBox(values, image.info().quantity == Quantity::Sigma0, box, column, row, spacing);
}

std::vector<ClassPolygon> regionAround(const PyramidLayer& image, int column, int row, int window, int spacing)
{
    const cv::Rect box = regionBox(image.grid(), column, row, window);
    if (box.empty())
        return {};
    // Only the window is read, from the pyramid's full-resolution level.
    std::vector<float> band = image.pyramid().read(0, box.x, box.y, box.width, box.height).front();
    if (!std::isfinite(band[static_cast<std::size_t>(row - box.y) * box.width + (column - box.x)]))
        return {};
    return regionInBox(cv::Mat1f(box.height, box.width, band.data()).clone(), image.info().quantity == Quantity::Sigma0, box, column, row,
                       spacing);
}

} // namespace banquise::scene
