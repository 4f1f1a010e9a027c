#include "scene/synthetic/IceTruth.h"

#include "scene/synthetic/WorldParameters.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace banquise::scene::synthetic {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kRidgeWidthM = 15.0;   // sail and rubble of a first-year ridge
constexpr double kLeadLengthExponent = 2.0; // many short leads, few crossing the scene

// A gently curving crack: a random walk of heading, segment by segment.
std::vector<cv::Point> crackPath(cv::Point2d start, double heading, double lengthPx, std::mt19937& rng)
{
    std::normal_distribution<double> turn(0.0, 0.12);
    const double step = std::max(4.0, lengthPx / 24.0);
    std::vector<cv::Point> path{cv::Point(cvRound(start.x), cvRound(start.y))};
    cv::Point2d p = start;
    for (double walked = 0.0; walked < lengthPx; walked += step) {
        heading += turn(rng);
        p += cv::Point2d(std::cos(heading), std::sin(heading)) * step;
        path.emplace_back(cvRound(p.x), cvRound(p.y));
    }
    return path;
}

// lineType LINE_4 makes a one-pixel line that 4-connected pieces cannot cross.
// The thickness that makes cv::line draw a line about `widthPx` wide: its
// thick lines come out two pixels wider than asked and odd (3 draws 5, 4
// draws 5), so widths are drawn to the nearest odd number of pixels.
int lineThickness(double widthPx)
{
    const int odd = 2 * static_cast<int>(std::lround(std::max(0.0, widthPx - 1.0) / 2.0)) + 1;
    return odd == 1 ? 1 : odd - 2;
}

void drawPath(cv::Mat1b& image, const std::vector<cv::Point>& path, int thickness, unsigned char code, int lineType = cv::LINE_8)
{
    for (std::size_t k = 1; k < path.size(); ++k)
        cv::line(image, path[k - 1], path[k], code, thickness, lineType);
}

cv::Mat1f smoothNoise(int size, double sigmaPixels, std::mt19937& rng)
{
    // Blur a coarse white noise then enlarge: cheap at any scene size.
    const int coarse = std::max(8, static_cast<int>(size / std::max(1.0, sigmaPixels / 2.0)));
    std::normal_distribution<float> normal(0.0f, 1.0f);
    cv::Mat1f noise(coarse, coarse);
    for (auto& v : noise)
        v = normal(rng);
    cv::GaussianBlur(noise, noise, cv::Size(), 1.5);
    cv::Mat1f large;
    cv::resize(noise, large, cv::Size(size, size), 0, 0, cv::INTER_CUBIC);
    cv::normalize(large, large, 0.0, 1.0, cv::NORM_MINMAX);
    return large;
}

// First-year and multiyear ice, told apart by C-band SAR in winter: the
// desalinated, bubbly upper layer of multiyear ice scatters from its volume,
// so it is several dB brighter in HH and brighter still in HV (Dierking,
// Oceanography 26(2), 2013; Onstott, in Carsey, Microwave Remote Sensing of
// Sea Ice, 1992), and it stands higher (winter total freeboards ~0.45 m
// against ~0.3 m for first-year ice, Kwok et al., J. Geophys. Res. Oceans
// 125, 2020, ICESat-2). Roughness drives backscatter (SarSimulator):
// first-year level ice 0.10-0.40, multiyear 0.55-0.85.
struct FloeIce {
    float freeboard;
    float roughness;
};

std::vector<FloeIce> drawFloeIce(int floes, const WorldParameters& world, std::mt19937& rng)
{
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::vector<FloeIce> ice(floes);
    for (FloeIce& floe : ice) {
        const bool multiyear = uniform(rng) < world.multiyearShare;
        const double median = multiyear ? world.multiyearFreeboardM : world.floeFreeboardM;
        // Within a type, floes' freeboards spread by about a quarter (log-normal).
        std::lognormal_distribution<double> freeboard(std::log(median), 0.25);
        floe.freeboard = static_cast<float>(std::clamp(freeboard(rng), 0.4 * median, 2.0 * median));
        floe.roughness = static_cast<float>(multiyear ? 0.55 + 0.30 * uniform(rng) : 0.10 + 0.30 * uniform(rng));
    }
    return ice;
}

// Deformed ice (rubble fields, ridged zones) within floes: brighter and
// thicker than the level ice around it. Zones of a few hundred metres to
// kilometres, covering `share` of the area; one roughness rise and one
// freeboard factor, so that each zone of a floe keeps a uniform backscatter
// (what the speckle statistics are measured on).
constexpr float kDeformedRoughnessRise = 0.25f;
constexpr float kDeformedFreeboardFactor = 1.5f;

cv::Mat1b deformedZones(int size, double pixelSize, double share, std::mt19937& rng)
{
    // Kilometre-scale zones with ragged edges: a finer noise added to the coarse one.
    // Drawn even without deformed ice, so that the draws after it do not depend on the share.
    const cv::Mat1f noise = smoothNoise(size, 800.0 / pixelSize, rng) + 0.4f * smoothNoise(size, 120.0 / pixelSize, rng);
    if (share <= 0.0)
        return cv::Mat1b(size, size, static_cast<unsigned char>(0));
    // The threshold that leaves `share` of the pixels above it, from a sample.
    std::vector<float> sample;
    const int stride = std::max(1, size / 500);
    for (int r = 0; r < size; r += stride)
        for (int c = 0; c < size; c += stride)
            sample.push_back(noise(r, c));
    const auto cut = sample.begin() + static_cast<std::ptrdiff_t>((1.0 - share) * static_cast<double>(sample.size() - 1));
    std::nth_element(sample.begin(), cut, sample.end());
    return noise > *cut;
}

// Floe identity of every pixel: the pieces of a network of closed
// fractures (no open water in them), the fracture pixels given to a floe
// beside them.
cv::Mat1i floePieces(int size, double pixelSize, const WorldParameters& world, std::mt19937& rng)
{
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    cv::Mat1b fractures(size, size, static_cast<unsigned char>(0));
    const double sceneMetres = size * pixelSize;
    double lengthMetres = 0.9 * sceneMetres;
    // Enough scene-crossing fractures (one per 10 km) that the network
    // closes pieces at every scale instead of leaving one floe with cracks in it.
    int count = std::max(2, static_cast<int>(sceneMetres / 10000.0));
    const double finest = std::max(world.floeMinSizeM, 4.0 * pixelSize);
    while (lengthMetres > finest && count < 2000000) {
        for (int i = 0; i < count; ++i) {
            const cv::Point2d start(uniform(rng) * size, uniform(rng) * size);
            drawPath(fractures, crackPath(start, uniform(rng) * 2.0 * kPi, lengthMetres / pixelSize, rng), 1, 255, cv::LINE_4);
        }
        count *= 2;
        lengthMetres /= 1.6;
    }
    cv::Mat1i pieces;
    cv::connectedComponents(fractures == 0, pieces, 4, CV_32S);
    // Fractures are one pixel wide: the largest label around each is a floe beside it.
    cv::Mat1f labels;
    pieces.convertTo(labels, CV_32F); // exact below 2^24 pieces
    cv::Mat1f around;
    cv::dilate(labels, around, cv::Mat());
    for (int r = 0; r < size; ++r)
        for (int c = 0; c < size; ++c)
            if (pieces(r, c) == 0)
                pieces(r, c) = static_cast<int>(around(r, c));
    return pieces;
}

// Leads until they cover the world's area fraction. Widths are drawn as
// they come; a lead that would overshoot the remaining area by half again is
// shortened instead (on a small scene one kilometre-wide lead would
// otherwise be all its leads), down to a few times its width, and a batch
// ends once it would cover half of what remains.
void drawLeads(IceTruth& truth, double pixelSize, const WorldParameters& world, std::mt19937& rng)
{
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    const int size = truth.surface.rows;
    const double sceneMetres = size * pixelSize;
    const double target = world.leadAreaFraction * static_cast<double>(size) * size;
    const double longest = 0.9 * sceneMetres;
    const double shortest = std::min(1000.0, 0.3 * sceneMetres);
    double covered = 0.0;
    int batch = 8;
    int drawn = 0;
    for (; covered < target && drawn < 1000000; drawn += batch) {
        const double remaining = target - covered;
        double batchArea = 0.0; // pixels the batch's leads would cover, were they straight and inside
        for (int i = 0; i < batch && batchArea < 0.5 * remaining; ++i) {
            const double width = truncatedPowerLawQuantile(world.leadWidthExponent, world.leadMinWidthM, world.leadMaxWidthM, uniform(rng));
            const double drawnLength = truncatedPowerLawQuantile(kLeadLengthExponent, shortest, longest, uniform(rng));
            const double length = std::min(drawnLength, std::max(3.0 * width, 1.5 * remaining * pixelSize * pixelSize / width));
            const cv::Point2d start(uniform(rng) * size, uniform(rng) * size);
            const double heading = uniform(rng) * 2.0 * kPi;
            const bool open = uniform(rng) < world.openLeadShare;
            const double look = uniform(rng);
            const std::vector<cv::Point> path = crackPath(start, heading, length / pixelSize, rng);
            const int thickness = lineThickness(width / pixelSize);
            drawPath(truth.surface, path, thickness, open ? kOpenWater : kRefrozenLead);
            const Appearance appearance = open ? (look < world.windRoughenedShare ? kWindRoughened : kPlain)
                                               : (look < world.frostFlowerShare ? kFrostFlowers : kPlain);
            drawPath(truth.appearance, path, thickness, appearance);
            batchArea += width * length / (pixelSize * pixelSize);
        }
        covered = static_cast<double>(size) * size - cv::countNonZero(truth.surface == kFloe);
        // The next batch covers about a quarter of what is left at the mean
        // yield so far (leads leave the scene and overlap): heavy-tailed
        // widths make any one batch's yield a poor guide.
        const double perLead = std::max(1.0, covered / (drawn + batch));
        batch = std::clamp(static_cast<int>(0.25 * (target - covered) / perLead), 1, 4096);
    }
}
} // namespace

double truncatedPowerLawQuantile(double exponent, double low, double high, double u)
{
    const double e = 1.0 - exponent;
    const double a = std::pow(low, e);
    const double b = std::pow(high, e);
    return std::pow(a + u * (b - a), 1.0 / e);
}

IceTruth makeIceTruth(int size, double pixelSize, const WorldParameters& world, std::mt19937& rng)
{
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    IceTruth truth;
    truth.surface = cv::Mat1b(size, size, static_cast<unsigned char>(kFloe));
    truth.appearance = cv::Mat1b(size, size, static_cast<unsigned char>(kPlain));
    truth.floeId = floePieces(size, pixelSize, world, rng);
    const cv::Mat1i& floeId = truth.floeId;
    drawLeads(truth, pixelSize, world, rng);

    // Pressure ridges: short lines, kept where they lie on a floe.
    const double sceneMetres = size * pixelSize;
    cv::Mat1b ridges(size, size, static_cast<unsigned char>(0));
    const int ridgeCount = static_cast<int>(sceneMetres * sceneMetres / 4.0e6);
    const int ridgeWidth = lineThickness(kRidgeWidthM / pixelSize);
    for (int i = 0; i < ridgeCount; ++i) {
        const cv::Point2d start(uniform(rng) * size, uniform(rng) * size);
        drawPath(ridges, crackPath(start, uniform(rng) * 2.0 * kPi, (300.0 + 1500.0 * uniform(rng)) / pixelSize, rng), ridgeWidth, 1);
    }
    truth.surface.setTo(kRidge, (ridges != 0) & (truth.surface == kFloe));

    // Per-floe ice type, freeboard and roughness, deformed zones, and a
    // smooth within-floe texture.
    double largestId = 0.0;
    cv::minMaxLoc(floeId, nullptr, &largestId);
    const std::vector<FloeIce> floeIce = drawFloeIce(static_cast<int>(largestId) + 1, world, rng);
    const cv::Mat1b deformed = deformedZones(size, pixelSize, world.deformedShare, rng);
    const cv::Mat1f texture = smoothNoise(size, 2000.0 / pixelSize, rng);
    std::normal_distribution<float> seaSurface(0.0f, 0.02f);
    std::uniform_real_distribution<float> ridgeHeight(0.8f, 2.0f);
    truth.freeboard.create(size, size);
    truth.roughness.create(size, size);
    for (int r = 0; r < size; ++r)
        for (int c = 0; c < size; ++c) {
            const int floe = floeId(r, c);
            switch (truth.surface(r, c)) {
            case kOpenWater:
                truth.freeboard(r, c) = seaSurface(rng);
                truth.roughness(r, c) = 0.05f;
                break;
            case kRefrozenLead:
                truth.freeboard(r, c) = 0.04f + 0.5f * seaSurface(rng);
                truth.roughness(r, c) = 0.1f;
                break;
            case kRidge:
                truth.freeboard(r, c) = ridgeHeight(rng);
                truth.roughness(r, c) = 1.0f;
                break;
            default: {
                const FloeIce& ice = floeIce[floe];
                const bool rough = deformed(r, c) != 0;
                truth.freeboard(r, c) = ice.freeboard * (rough ? kDeformedFreeboardFactor : 1.0f) + 0.08f * (texture(r, c) - 0.5f);
                truth.roughness(r, c) = rough ? std::min(1.0f, ice.roughness + kDeformedRoughnessRise) : ice.roughness;
            }
            }
        }
    return truth;
}

} // namespace banquise::scene::synthetic
