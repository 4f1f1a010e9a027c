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
// Writes OUT_DIR/object_clicks.csv (mean score after each click).
#include "BenchReport.h"

#include "app/CurvePlot.h"
#include "app/OffscreenApplication.h"
#include "models/InteractiveSegmentation.h"
#include "models/ModelInputs.h"
#include "models/ObjectClickProtocol.h"
#include "models/Scores.h"
#include "models/SeaIceClasses.h"
#include "models/SeaIceModel.h"
#include "scene/SceneReader.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace banquise;

namespace {
constexpr int kTile = 256;
constexpr std::size_t kObjectsPerClass = 40;
constexpr int kThinLeadClicks = 10;

using Runs = std::vector<std::vector<double>>;

// Runs of the model, of the paint control and of the local-correction
// ceiling, by group.
struct Groups {
    std::map<std::string, Runs> model;
    std::map<std::string, Runs> paint;
    std::map<std::string, Runs> oracle;
};

std::string groupOf(const models::ClickObject& object)
{
    if (object.thin)
        return "thin";
    return object.modelClass == models::kFloe ? "floe" : "lead";
}

std::vector<models::ClickObject> sampledObjects(const cv::Mat1b& truthTile, std::mt19937& rng)
{
    std::map<int, std::vector<models::ClickObject>> byClass;
    for (auto& object : models::findClickObjects(truthTile))
        byClass[object.modelClass * 2 + (object.thin ? 1 : 0)].push_back(std::move(object));
    std::vector<models::ClickObject> kept;
    for (auto& [key, objects] : byClass) {
        std::shuffle(objects.begin(), objects.end(), rng);
        objects.resize(std::min(objects.size(), kObjectsPerClass));
        std::move(objects.begin(), objects.end(), std::back_inserter(kept));
    }
    return kept;
}

void measureTile(const models::SeaIceModel& model, const models::ModelInputs& inputs, const cv::Rect& tile, const cv::Mat1b& truth,
                 const std::string& folder, Groups& groups, std::mt19937& rng)
{
    const cv::Mat1b truthTile = truth(tile).clone();
    const models::InteractiveSegmentation interactive(model, inputs, tile);
    const models::PaintControl paint(interactive.classesWithoutClicks().clone(), truthTile, tile.tl());
    const models::LocalCorrectionOracle oracle(interactive.classesWithoutClicks().clone(), truthTile, tile.tl());
    const auto clicked = [&interactive](const std::vector<models::Click>& clicks) { return interactive.classes(clicks); };
    const auto objects = sampledObjects(truthTile, rng);
    if (objects.empty()) {
        std::fprintf(stderr, "  %s tile (%d, %d): no object to click, left out\n", folder.c_str(), tile.x, tile.y);
        return;
    }
    for (const models::ClickObject& object : objects) {
        groups.model[groupOf(object)].push_back(models::refineObject(clicked, object, tile.tl()));
        groups.paint[groupOf(object)].push_back(models::refineObject(paint, object, tile.tl()));
        groups.oracle[groupOf(object)].push_back(models::refineObject(oracle, object, tile.tl()));
    }
    std::fprintf(stderr, "  %s tile (%d, %d): %zu objects\n", folder.c_str(), tile.x, tile.y, objects.size());
}

void measureScene(const models::SeaIceModel& model, const std::string& folder, int tileStride, Groups& groups, std::mt19937& rng)
{
    const models::ModelInputs inputs = models::gatherModelInputs(scene::readScene(folder).scene, nullptr, models::InputUse::Prediction);
    const cv::Mat1b truth = models::classesFromSurfaceCodes(scene::synthetic::readSyntheticTruth(folder).surface);
    int index = 0;
    for (int row = 0; row + kTile <= inputs.height(); row += kTile)
        for (int column = 0; column + kTile <= inputs.width(); column += kTile)
            if (index++ % tileStride == 0)
                measureTile(model, inputs, cv::Rect(column, row, kTile, kTile), truth, folder, groups, rng);
}

std::vector<double> meanCurve(const Runs& runs)
{
    std::vector<double> mean(models::kMaxObjectClicks + 1, 0.0);
    for (const auto& run : runs)
        for (std::size_t k = 0; k < mean.size(); ++k)
            mean[k] += run[k] / static_cast<double>(runs.size());
    return mean;
}

Runs joined(const std::map<std::string, Runs>& groups, std::initializer_list<const char*> names)
{
    Runs all;
    for (const char* name : names)
        if (auto found = groups.find(name); found != groups.end())
            all.insert(all.end(), found->second.begin(), found->second.end());
    return all;
}
} // namespace

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
    Groups groups;
    std::mt19937 rng(20);
    for (int i = first; i < argc; ++i)
        try {
            measureScene(model, argv[i], tileStride, groups, rng);
        } catch (const std::exception& e) { // e.g. a scene without truth: the others still count
            std::fprintf(stderr, "  %s: left out (%s)\n", argv[i], e.what());
        }

    const auto floe = models::summariseObjectRuns(groups.model["floe"]);
    const auto lead = models::summariseObjectRuns(groups.model["lead"]);
    const auto floePaint = models::summariseObjectRuns(groups.paint["floe"]);
    const auto leadPaint = models::summariseObjectRuns(groups.paint["lead"]);
    const auto floeOracle = models::summariseObjectRuns(groups.oracle["floe"]);
    const auto leadOracle = models::summariseObjectRuns(groups.oracle["lead"]);
    const auto eligible = models::summariseObjectRuns(joined(groups.model, {"floe", "lead"}));
    const auto thin = meanCurve(groups.model["thin"]);
    std::fprintf(stderr, "  objects: %d floes, %d leads >= %d px wide, %zu thinner leads\n", floe.objects, lead.objects, models::kMinLeadWidthPx,
                 groups.model["thin"].size());
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
    bench::report("thin_lead_skeleton_recall_10_clicks", thin[kThinLeadClicks]);

    std::ofstream csv(out / "object_clicks.csv");
    csv << "clicks";
    for (const char* group : {"floe", "lead", "thin"})
        csv << "," << group << "_model," << group << "_paint," << group << "_local_correction_ceiling";
    csv << "\n";
    std::map<std::string, std::vector<double>> curves;
    for (const char* group : {"floe", "lead", "thin"}) {
        curves[std::string(group) + "_model"] = meanCurve(groups.model[group]);
        curves[std::string(group) + "_paint"] = meanCurve(groups.paint[group]);
        curves[std::string(group) + "_oracle"] = meanCurve(groups.oracle[group]);
    }
    for (int k = 0; k <= models::kMaxObjectClicks; ++k) {
        csv << k;
        for (const char* group : {"floe", "lead", "thin"})
            csv << "," << curves[std::string(group) + "_model"][k] << "," << curves[std::string(group) + "_paint"][k] << ","
                << curves[std::string(group) + "_oracle"][k];
        csv << "\n";
    }
    // The same curves as a figure: model, paint control and local ceiling per group.
    std::vector<app::CurveSeries> series;
    const std::pair<const char*, const char*> groupNames[] = {
        {"floe", "floes"}, {"lead", "leads >= 3 px"}, {"thin", "thin leads (skeleton recall)"}};
    const std::pair<const char*, const char*> kinds[] = {{"_model", "clicks"}, {"_paint", "paint"}, {"_oracle", "local ceiling"}};
    for (const auto& [group, groupName] : groupNames)
        for (const auto& [suffix, label] : kinds) {
            app::CurveSeries line{QString("%1, %2").arg(groupName, label), {}};
            const auto& curve = curves[std::string(group) + suffix];
            for (std::size_t k = 0; k < curve.size(); ++k)
                line.points.emplace_back(static_cast<double>(k), curve[k]);
            series.push_back(std::move(line));
        }
    app::ensureOffscreenApplication();
    app::writeCurvePlot(QString::fromStdString((out / "object_clicks.png").string()), "Clicks per object (RITM protocol, from the model's map)",
                        "clicks", "mean IoU", series);
    return 0;
}
