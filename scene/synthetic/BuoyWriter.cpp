#include "scene/synthetic/BuoyWriter.h"

#include "scene/AnalysisGrid.h"
#include "scene/SceneError.h"
#include "scene/UtcTime.h"
#include "scene/synthetic/DriftField.h"
#include "scene/synthetic/SynthOptions.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>

namespace banquise::scene::synthetic {

namespace {
constexpr double kReportEvery = 3600.0;
constexpr double kBeforeAndAfter = 43200.0;

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
} // namespace

std::string writeSimulatedBuoys(const std::string& folder, const AnalysisGrid& grid, const DriftField& drift, double referenceTime,
                                double secondTime, const SynthOptions& options, std::mt19937& rng)
{
    const std::string date = formatUtc(referenceTime).substr(0, 10);
    const std::string relative = "buoys/IABP_synthetic_" + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2) + ".csv";
    const std::filesystem::path path = std::filesystem::path(folder) / relative;
    std::filesystem::create_directories(path.parent_path());
    std::unique_ptr<std::FILE, FileCloser> out(std::fopen(path.string().c_str(), "w"));
    if (!out)
        throw SceneError(path.string(), "cannot create the buoy table");
    std::fprintf(out.get(), "BuoyID,Year,Hour,Min,DOY,POS_DOY,Lat,Lon,BP,Ta,Ts\n");
    const MapExtent e = grid.extent();
    std::uniform_real_distribution<double> across(0.1, 0.9);
    std::normal_distribution<double> gps(0.0, options.buoyGpsNoiseMetres);
    const double first = std::floor((referenceTime - kBeforeAndAfter) / kReportEvery) * kReportEvery;
    for (int b = 0; b < options.buoys; ++b) {
        const MapPoint dropped{e.xMin + across(rng) * e.width(), e.yMin + across(rng) * e.height()};
        const std::string id = std::to_string(900000000000001LL + b);
        for (double t = first; t <= secondTime + kBeforeAndAfter; t += kReportEvery) {
            const MapPoint at = drift.position(dropped, t - referenceTime);
            const LonLat ll = grid.toLonLat({at.x + gps(rng), at.y + gps(rng)});
            const std::string iso = formatUtc(t);
            const int year = std::stoi(iso.substr(0, 4));
            const double dayOfYear = 1.0 + (t - *parseUtc(iso.substr(0, 4) + "-01-01T00:00:00Z")) / 86400.0;
            std::fprintf(out.get(), "%s,%d,%d,%d,%.4f,%.4f,%.5f,%.5f,-999,-999.00,-999.00\n", id.c_str(), year, std::stoi(iso.substr(11, 2)),
                         std::stoi(iso.substr(14, 2)), dayOfYear, dayOfYear, ll.lat, ll.lon < 0.0 ? ll.lon + 360.0 : ll.lon);
        }
    }
    if (std::ferror(out.get()))
        throw SceneError(path.string(), "cannot write the buoy table");
    return relative;
}

} // namespace banquise::scene::synthetic
