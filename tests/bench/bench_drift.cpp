// Drift benchmark on the demo synthetic scene (100 km, 2500 x 2500 at 40 m):
// time and vectors per second of the motion estimate between the two SAR
// dates, end-point errors against the truth, and the fraction of
// lead-flagged altimeter records that fall on truth leads with and without
// drift compensation (mean over the scene's tracks); the drift error
// against 40 simulated buoys (IABP table, truth drift plus 10 m GPS noise)
// beside the truth end-point error in the same unit. Then a time series
// (issue 23): 8 SAR dates over 10 days on a 60 km scene, the drift chained
// link by link from the first date to the last, beside one estimate matched
// across the whole gap; and how often the chain's own sigma covers its error.
//   bench_drift OUT_DIR
#include "BenchReport.h"
#include "../common/SeriesScene.h"

#include "scene/BuoyDriftScores.h"
#include "scene/BuoyTracks.h"
#include "scene/DriftChain.h"
#include "scene/DriftCompensation.h"
#include "scene/MotionField.h"
#include "scene/RasterLayer.h"
#include "scene/SceneReader.h"
#include "scene/TrackLayer.h"
#include "scene/synthetic/SyntheticScene.h"
#include "scene/synthetic/TruthEvaluation.h"

#include <gdal_priv.h>

#include <cstdio>
#include <memory>

using namespace banquise;

namespace {
void reportChain(const std::string& folder)
{
    const scene::synthetic::SynthOptions synth = tests::tenDaySeries();
    scene::synthetic::writeSyntheticScene(synth, folder);
    const scene::LoadedScene loaded = scene::readScene(folder);
    const int last = synth.sarDates - 1;
    const std::string truth = folder + "/truth/drift_pixels_date" + std::to_string(last) + ".tif";
    const bench::Stopwatch clock;
    const scene::DriftChain chain = scene::estimateDriftChain(loaded.scene);
    bench::report("drift_chain_s", clock.seconds());
    const auto chained = scene::synthetic::chainEndPointErrors(chain, last, truth);
    bench::report("drift_chain_epe_median_px", chained.median);
    bench::report("drift_chain_epe_p95_px", chained.p95);
    bench::report("drift_chain_sigma_coverage_2", chained.withinTwoSigma);
    const auto dates = scene::sarDates(loaded.scene);
    const scene::AnalysisGrid& grid = loaded.scene.grid();
    const scene::MotionField direct = scene::estimateMotion(dates.front()->band(0), dates.back()->band(0), grid.width(), grid.height());
    const auto across = scene::synthetic::driftEndPointErrors(direct, truth);
    bench::report("drift_direct_epe_median_px", across.median);
    bench::report("drift_direct_epe_p95_px", across.p95);
}
} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_drift OUT_DIR\n");
        return 2;
    }
    const std::string folder = argv[1];
    scene::synthetic::SynthOptions synth;
    synth.buoys = 40; // the other products are those of the demo scene: the buoys draw from their own stream
    const auto products = scene::synthetic::writeSyntheticScene(synth, folder);
    const scene::LoadedScene loaded = scene::readScene(folder);
    const auto [first, second] = scene::sarDatePair(loaded.scene);
    const scene::AnalysisGrid& grid = loaded.scene.grid();

    const bench::Stopwatch clock;
    const scene::MotionField field = scene::estimateMotion(first->band(0), second->band(0), grid.width(), grid.height());
    const double seconds = clock.seconds();
    bench::report("drift_s", seconds);
    bench::report("drift_vectors_per_s", static_cast<double>(field.vectors().size()) / seconds);
    const auto epe = scene::synthetic::driftEndPointErrors(field, folder + "/truth/drift_pixels.tif");
    bench::report("drift_epe_median_px", epe.median);
    bench::report("drift_epe_p95_px", epe.p95);
    const double days = (second->info().time - first->info().time) / 86400.0;
    bench::report("drift_epe_median_m_per_day", epe.median * grid.pixelSize() / days);
    const auto buoys = scene::scoreDriftAgainstBuoys(field, grid, first->info().time, second->info().time,
                                                     scene::readBuoyTracks(folder + "/" + products.buoys));
    for (const auto& reason : buoys.leftOut)
        std::fprintf(stderr, "buoys left out: %s\n", reason.c_str());
    bench::report("drift_buoy_error_m_per_day_median", buoys.medianMetresPerDay);
    bench::report("drift_buoy_error_m_per_day_p95", buoys.p95MetresPerDay);

    const std::vector<float> leadFraction = scene::synthetic::readLeadFraction(folder);
    const scene::DriftCompensation compensation(field, grid, first->info().time, second->info().time);
    double before = 0.0;
    double after = 0.0;
    int tracks = 0;
    for (const auto& layer : loaded.scene.layers())
        if (const auto track = std::dynamic_pointer_cast<const scene::TrackLayer>(layer)) {
            const double seen = scene::synthetic::leadHitFraction(track->records(), track->footprint(), leadFraction, grid);
            if (seen < 0.0)
                continue; // no lead-flagged record: the buoys' track
            before += seen;
            const auto moved = compensation.compensate(*track);
            after += scene::synthetic::leadHitFraction(moved->records(), moved->footprint(), leadFraction, grid);
            ++tracks;
        }
    bench::report("lead_hits_uncompensated", tracks ? before / tracks : 0.0);
    bench::report("lead_hits_compensated", tracks ? after / tracks : 0.0);
    reportChain(folder + "-series");
    return 0;
}
