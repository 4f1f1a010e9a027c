#include "scene/synthetic/IceTruth.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace banquise::scene::synthetic {

namespace {
constexpr double kPi = 3.14159265358979323846;

// A gently curving crack: a random walk of heading, drawn segment by segment.
void drawCrack(cv::Mat1b& surface, cv::Point2d start, double heading, double lengthPx, int widthPx, unsigned char code,
               std::mt19937& rng)
{
    std::normal_distribution<double> turn(0.0, 0.12);
    const double step = std::max(4.0, lengthPx / 24.0);
    cv::Point2d p = start;
    for (double walked = 0.0; walked < lengthPx; walked += step) {
        heading += turn(rng);
        const cv::Point2d q = p + cv::Point2d(std::cos(heading), std::sin(heading)) * step;
        cv::line(surface, cv::Point(cvRound(p.x), cvRound(p.y)), cv::Point(cvRound(q.x), cvRound(q.y)), code, widthPx, cv::LINE_8);
        p = q;
    }
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
} // namespace

IceTruth makeIceTruth(int size, double pixelSize, std::mt19937& rng)
{
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    IceTruth truth;
    truth.surface = cv::Mat1b(size, size, static_cast<unsigned char>(kFloe));

    // Cracks: level 0 are ~1 km wide leads crossing much of the scene; each
    // finer level has twice as many, 1.6 times shorter, 1.9 times narrower.
    const double sceneMetres = size * pixelSize;
    double widthMetres = 1000.0;
    double lengthMetres = 0.9 * sceneMetres;
    int count = std::max(2, static_cast<int>(sceneMetres / 40000.0));
    while (lengthMetres > 8.0 * pixelSize && count < 200000) {
        for (int i = 0; i < count; ++i) {
            const cv::Point2d start(uniform(rng) * size, uniform(rng) * size);
            const double heading = uniform(rng) * 2.0 * kPi;
            const double width = widthMetres * std::exp(0.4 * (uniform(rng) - 0.5));
            const unsigned char code = uniform(rng) < 0.4 ? kRefrozenLead : kOpenWater;
            drawCrack(truth.surface, start, heading, lengthMetres / pixelSize, std::max(1, cvRound(width / pixelSize)), code, rng);
        }
        count *= 2;
        lengthMetres /= 1.6;
        widthMetres = std::max(pixelSize * 0.5, widthMetres / 1.9);
    }

    // Floes are the pieces between leads.
    cv::Mat1b ice = truth.surface == kFloe;
    cv::Mat1i floeId; // connected floe label, 0 off floes
    const int floes = cv::connectedComponents(ice, floeId, 4, CV_32S);

    // Pressure ridges: short lines, kept where they lie on a floe.
    cv::Mat1b ridges(size, size, static_cast<unsigned char>(0));
    const int ridgeCount = static_cast<int>(sceneMetres * sceneMetres / 4.0e6);
    for (int i = 0; i < ridgeCount; ++i) {
        const cv::Point2d start(uniform(rng) * size, uniform(rng) * size);
        drawCrack(ridges, start, uniform(rng) * 2.0 * kPi, (300.0 + 1500.0 * uniform(rng)) / pixelSize, 1, 1, rng);
    }
    truth.surface.setTo(kRidge, (ridges != 0) & ice);

    // Per-floe freeboard and roughness, plus a smooth within-floe texture.
    std::vector<float> floeFreeboard(floes);
    std::vector<float> floeRoughness(floes);
    std::lognormal_distribution<double> thickness(std::log(0.28), 0.35);
    for (int i = 0; i < floes; ++i) {
        floeFreeboard[i] = static_cast<float>(std::clamp(thickness(rng), 0.08, 0.65));
        floeRoughness[i] = static_cast<float>(0.15 + 0.6 * uniform(rng));
    }
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
            default:
                truth.freeboard(r, c) = floeFreeboard[floe] + 0.08f * (texture(r, c) - 0.5f);
                truth.roughness(r, c) = floeRoughness[floe];
            }
        }
    return truth;
}

} // namespace banquise::scene::synthetic
