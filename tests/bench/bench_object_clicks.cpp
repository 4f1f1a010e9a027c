// Clicks per object (issue 20): the RITM / FocalClick protocol from the
// model's automatic map, on scenes the model never saw, beside a control in
// which a click only paints a disk of its class. Each object (a connected
// component of a truth class, open and refrozen leads apart) is refined on
// its own in its box plus 16 pixels; leads at least 3 pixels wide and floes
// are scored by IoU, narrower leads by centre-line recall within a pixel.
//   bench_object_clicks MODEL OUT_DIR [--tile-stride N] SCENE...
// Tiles: every whole 256 x 256 tile of each scene (every Nth with
// --tile-stride, for quick looks at a large scene); at most
// kObjectsPerClass objects of each class per tile (fixed shuffle).
// Writes OUT_DIR/object_clicks.csv and .png (mean score after each click).
#include "BenchReport.h"

#include "app/LabellingCurves.h"
#include "app/OffscreenApplication.h"
#include "models/ModelInputs.h"
#include "models/ObjectClickEvaluation.h"
#include "models/Scores.h"
#include "models/SeaIceClasses.h"
#include "models/SeaIceModel.h"
#include "scene/SceneReader.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

using namespace banquise;

int main(int argc, char** argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: bench_object_clicks MODEL OUT_DIR [--tile-stride N] SCENE...\n");
        return 2;
    }
    int first = 3;
    int tileStride = 1;
    if (std::string(argv[3]) == "--tile-stride" && argc > 5) {
        tileStride = std::max(1, std::atoi(argv[4]));
        first = 5;
    }
    const models::SeaIceModel model = models::SeaIceModel::load(argv[1]);
    const std::filesystem::path out = argv[2];
    std::filesystem::create_directories(out);
    models::ObjectClickRuns runs;
    std::mt19937 rng(20);
    for (int i = first; i < argc; ++i)
        try {
            const models::ModelInputs inputs = models::gatherModelInputs(scene::readScene(argv[i]).scene, nullptr, models::InputUse::Prediction);
            const cv::Mat1b truth = models::classesFromSurfaceCodes(scene::synthetic::readSyntheticTruth(argv[i]).surface);
            models::measureObjectClicks(model, inputs, truth, argv[i], runs, rng, tileStride);
        } catch (const std::exception& e) { // e.g. a scene without truth: the others still count
            std::fprintf(stderr, "  %s: left out (%s)\n", argv[i], e.what());
        }
    for (const auto& note : runs.leftOut)
        std::fprintf(stderr, "  left out: %s\n", note.c_str());

    const auto floe = models::summariseObjectRuns(runs.model["floe"]);
    const auto lead = models::summariseObjectRuns(runs.model["lead"]);
    const auto floePaint = models::summariseObjectRuns(runs.paint["floe"]);
    const auto leadPaint = models::summariseObjectRuns(runs.paint["lead"]);
    const auto floeOracle = models::summariseObjectRuns(runs.ceiling["floe"]);
    const auto leadOracle = models::summariseObjectRuns(runs.ceiling["lead"]);
    const auto eligible = models::summariseObjectRuns(models::joinedRuns(runs.model, {"floe", "lead"}));
    const auto thin = models::meanClickCurve(runs.model["thin"]);
    std::fprintf(stderr, "  objects: %d floes, %d leads >= %d px wide, %zu thinner leads\n", floe.objects, lead.objects, models::kMinLeadWidthPx,
                 runs.model["thin"].size());
    if (floe.objects == 0 || lead.objects == 0) {
        std::fprintf(stderr, "bench_object_clicks: no floe or no lead to click on these scenes: no figure\n");
        return 1;
    }
    bench::report("noc85_floe", floe.noc85);
    bench::report("noc90_floe", floe.noc90);
    bench::report("noc90_floe_paint", floePaint.noc90);
    bench::report("noc90_floe_oracle", floeOracle.noc90);
    bench::report("click_fail_rate_floe", floe.failureRate);
    bench::report("noc85_lead", lead.noc85);
    bench::report("noc90_lead", lead.noc90);
    bench::report("noc85_lead_paint", leadPaint.noc85);
    bench::report("noc85_lead_oracle", leadOracle.noc85);
    bench::report("click_fail_rate_lead", lead.failureRate);
    bench::report("click_fail_rate_lead_paint", leadPaint.failureRate);
    bench::report("click_fail_rate_lead_oracle", leadOracle.failureRate);
    bench::report("click_miou_at_0", eligible.meanBefore);
    bench::report("click_miou_at_1", eligible.meanAfter[0]);
    bench::report("click_miou_at_5", eligible.meanAfter[2]);
    bench::report("click_miou_at_10", eligible.meanAfter[3]);
    bench::report("thin_lead_skeleton_recall", thin[0]);
    bench::report("thin_lead_skeleton_recall_10_clicks", thin[10]);

    app::ensureOffscreenApplication();
    app::writeObjectClickCurves(runs, out);
    return 0;
}
