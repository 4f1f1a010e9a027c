#include "app/DriftCommand.h"

#include "scene/BuoyDriftScores.h"
#include "scene/BuoyTracks.h"
#include "scene/DriftChain.h"
#include "scene/RasterLayer.h"
#include "scene/MotionField.h"
#include "scene/SceneDrift.h"
#include "scene/SceneError.h"
#include "scene/SceneReader.h"
#include "scene/UtcTime.h"
#include "scene/synthetic/TruthEvaluation.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace banquise::app {

namespace {
void writeVectors(const scene::MotionField& field, const scene::AnalysisGrid& grid, const std::string& csv)
{
    std::FILE* out = std::fopen(csv.c_str(), "w");
    if (!out)
        throw std::runtime_error(csv + ": cannot create file");
    std::fprintf(out, "x,y,lon,lat,dx_m,dy_m,quality,measured\n");
    for (const auto& v : field.vectors()) {
        const scene::MapPoint p = grid.pixelCentre(static_cast<int>(v.col), static_cast<int>(v.row));
        const scene::LonLat ll = grid.toLonLat(p);
        std::fprintf(out, "%.1f,%.1f,%.6f,%.6f,%.1f,%.1f,%.3f,%d\n", p.x, p.y, ll.lon, ll.lat, v.dx * grid.pixelSize(),
                     -v.dy * grid.pixelSize(), v.quality, v.measured ? 1 : 0);
    }
    std::fclose(out);
    std::printf("vectors written to %s\n", csv.c_str());
}

// Every buoy of the files inside the scene during the pair; a file that
// cannot be read is named and the others are scored.
void reportBuoys(const scene::MotionField& field, const scene::AnalysisGrid& grid, double firstTime, double secondTime,
                 const std::vector<std::string>& files)
{
    std::vector<scene::BuoyTrack> buoys;
    for (const std::string& file : files) {
        try {
            for (auto& track : scene::readBuoyTracks(file))
                buoys.push_back(std::move(track));
        } catch (const scene::SceneError& e) {
            std::printf("buoys      skipped: %s\n", e.what());
        }
    }
    const scene::BuoyDriftScores scores = scene::scoreDriftAgainstBuoys(field, grid, firstTime, secondTime, buoys);
    for (const auto& b : scores.buoys)
        std::printf("buoy       %-18s at %8.4f N %9.4f E  drift %6.2f km/day, SAR error %7.1f m/day\n", b.buoy.c_str(), b.start.lat,
                    b.start.lon, b.buoyMetresPerDay / 1000.0, b.errorMetresPerDay);
    for (const auto& reason : scores.leftOut)
        std::printf("buoys      left out: %s\n", reason.c_str());
    if (scores.buoys.empty())
        std::printf("buoys      no buoy to score the drift against\n");
    else
        std::printf("buoys      drift error median %.1f m/day, 95th percentile %.1f m/day (%zu buoys)\n", scores.medianMetresPerDay,
                    scores.p95MetresPerDay, scores.buoys.size());
}

// A time series: each link between consecutive SAR dates, then the drift
// chained from the first date to each later one, scored against the truth
// of that date when the scene has one.
void reportChain(const scene::Scene& scene, const std::string& folder)
{
    std::vector<std::string> leftOut;
    const scene::DriftChain chain = scene::estimateDriftChain(scene, nullptr, &leftOut);
    for (const auto& reason : leftOut)
        std::printf("left out   %s\n", reason.c_str());
    // The truth is written per date of the whole sequence (a date left out keeps its number).
    const auto dates = scene::sarDates(scene);
    const auto sequenceIndex = [&](double time) {
        return static_cast<int>(std::find_if(dates.begin(), dates.end(), [&](const auto& d) { return d->info().time == time; }) - dates.begin());
    };
    for (int k = 0; k + 1 < chain.dates(); ++k) {
        const scene::MotionField& link = chain.link(k);
        std::size_t measured = 0;
        for (const auto& v : link.vectors())
            measured += v.measured ? 1 : 0;
        std::printf("link %-5d %s -> %s (%.2f days), %.1f %% measured\n", k + 1, scene::formatUtc(chain.time(k)).c_str(),
                    scene::formatUtc(chain.time(k + 1)).c_str(), (chain.time(k + 1) - chain.time(k)) / 86400.0,
                    100.0 * measured / std::max<std::size_t>(1, link.vectors().size()));
    }
    for (int k = 1; k < chain.dates(); ++k) {
        const int date = sequenceIndex(chain.time(k));
        const std::string truth =
            folder + (date == 1 ? "/truth/drift_pixels.tif" : "/truth/drift_pixels_date" + std::to_string(date) + ".tif");
        if (!std::filesystem::exists(truth))
            continue;
        const auto epe = scene::synthetic::chainEndPointErrors(chain, k, truth);
        std::printf("chain      first date -> date %d (%.2f days): end-point error median %.2f px, 95th percentile %.2f px, "
                    "%.0f %% within two sigma (%zu points)\n",
                    date + 1, (chain.time(k) - chain.time(0)) / 86400.0, epe.median, epe.p95, 100.0 * epe.withinTwoSigma, epe.scored);
    }
}

// Paths after `name` up to the next option.
std::vector<std::string> optionPaths(const Arguments& args, const std::string& name)
{
    std::vector<std::string> paths;
    for (auto it = std::find(args.begin(), args.end(), name); it != args.end() && ++it != args.end() && it->rfind("--", 0) != 0;)
        paths.push_back(*it);
    return paths;
}
} // namespace

int driftCommand(const Arguments& args)
{
    if (args.empty() || args.front().rfind("--", 0) == 0)
        throw std::invalid_argument("drift needs a scene folder");
    const std::string folder = args.front();
    const auto buoyFiles = optionPaths(args, "--buoys");
    if (std::find(args.begin(), args.end(), "--buoys") != args.end() && buoyFiles.empty())
        throw std::invalid_argument("--buoys needs one or more buoy files (IABP CSV or CF trajectory netCDF)");
    const scene::LoadedScene loaded = scene::readScene(folder);
    const scene::AnalysisGrid& grid = loaded.scene.grid();
    const auto start = std::chrono::steady_clock::now();
    const scene::SceneDrift drift(loaded.scene);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const scene::MotionField& field = drift.field();
    const double days = (drift.secondTime() - drift.referenceTime()) / 86400.0;
    std::size_t measured = 0;
    double sumX = 0.0;
    double sumY = 0.0;
    for (const auto& v : field.vectors()) {
        measured += v.measured ? 1 : 0;
        sumX += v.dx;
        sumY += v.dy;
    }
    const double n = static_cast<double>(field.vectors().size());
    std::printf("drift      %s -> %s (%.2f days)\nvectors    %zu, %.1f %% measured, %.1f s\n"
                "mean       %.2f km/day east, %.2f km/day north\n",
                scene::formatUtc(drift.referenceTime()).c_str(), scene::formatUtc(drift.secondTime()).c_str(), days,
                field.vectors().size(), 100.0 * measured / n, seconds, sumX / n * grid.pixelSize() / 1000.0 / days,
                -sumY / n * grid.pixelSize() / 1000.0 / days);
    if (const std::string csv = option(args, "--vectors", ""); !csv.empty())
        writeVectors(field, grid, csv);
    const std::string truth = folder + "/truth/drift_pixels.tif";
    if (std::filesystem::exists(truth)) {
        const auto epe = scene::synthetic::driftEndPointErrors(field, truth);
        const double metresPerDay = grid.pixelSize() / days;
        std::printf("truth      end-point error median %.3f px, 95th percentile %.3f px (%zu vectors): %.1f and %.1f m/day\n",
                    epe.median, epe.p95, epe.scored, epe.median * metresPerDay, epe.p95 * metresPerDay);
    }
    if (!buoyFiles.empty())
        reportBuoys(field, grid, drift.referenceTime(), drift.secondTime(), buoyFiles);
    if (scene::sarDates(loaded.scene).size() > 2)
        reportChain(loaded.scene, folder);
    return 0;
}

} // namespace banquise::app
