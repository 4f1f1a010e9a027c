#include "app/LabellingCurves.h"

#include "app/CurvePlot.h"
#include "labeling/PixelStrategyComparison.h"
#include "models/ObjectClickEvaluation.h"

#include <fstream>
#include <stdexcept>
#include <utility>

namespace banquise::app {

namespace {
const std::pair<const char*, const char*> kGroups[] = {{"floe", "floes"}, {"lead", "leads >= 3 px"}, {"thin", "thin leads (skeleton recall)"}};

std::ofstream openTable(const std::filesystem::path& path)
{
    std::ofstream file(path);
    if (!file)
        throw std::runtime_error("cannot write " + path.string());
    return file;
}
} // namespace

void writeObjectClickCurves(const models::ObjectClickRuns& runs, const std::filesystem::path& folder)
{
    struct Kind {
        const std::map<std::string, models::ClickRuns>& runs;
        const char* column;
        const char* label;
    };
    const Kind kinds[] = {{runs.model, "model", "clicks"}, {runs.paint, "paint", "paint"}, {runs.ceiling, "local_correction_ceiling", "local ceiling"}};
    std::ofstream csv = openTable(folder / "object_clicks.csv");
    csv << "clicks";
    std::vector<std::vector<double>> columns;
    std::vector<CurveSeries> series;
    for (const auto& [group, groupName] : kGroups)
        for (const Kind& kind : kinds) {
            csv << "," << group << "_" << kind.column;
            const auto found = kind.runs.find(group);
            columns.push_back(found == kind.runs.end() ? std::vector<double>(models::kMaxObjectClicks + 1, 0.0)
                                                       : models::meanClickCurve(found->second));
            if (found == kind.runs.end())
                continue; // no such object: no line in the figure
            CurveSeries line{QString("%1, %2").arg(groupName, kind.label), {}};
            for (std::size_t k = 0; k < columns.back().size(); ++k)
                line.points.emplace_back(static_cast<double>(k), columns.back()[k]);
            series.push_back(std::move(line));
        }
    csv << "\n";
    for (int k = 0; k <= models::kMaxObjectClicks; ++k) {
        csv << k;
        for (const auto& column : columns)
            csv << "," << column[static_cast<std::size_t>(k)];
        csv << "\n";
    }
    writeCurvePlot(QString::fromStdString((folder / "object_clicks.png").string()), "Clicks per object (RITM protocol, from the model's map)",
                   "clicks", "mean IoU", series);
}

void writePixelCurves(const labeling::PixelComparison& comparison, const std::filesystem::path& folder)
{
    std::ofstream csv = openTable(folder / "pixel_al.csv");
    csv << "strategy,round,labelled_pixels,labelled_share,heldout_mean_iou\n";
    std::vector<CurveSeries> series;
    double first = 0.0;
    double last = 0.0;
    for (const auto& [name, curve] : comparison.meanCurves) {
        CurveSeries line{QString::fromStdString(name), {}};
        for (const auto& round : curve) {
            const double share = round.labelledPixels / comparison.scenePixels;
            csv << name << "," << round.round << "," << round.labelledPixels << "," << share << "," << round.heldOutMeanIou << "\n";
            line.points.emplace_back(100.0 * share, round.heldOutMeanIou);
        }
        if (name != "dense" && !line.points.empty()) {
            first = line.points.front().first;
            last = std::max(last, line.points.back().first);
        }
        series.push_back(std::move(line));
    }
    // The dense bound labels far more than the strategies: a level line across their range.
    for (auto& line : series)
        if (line.name == "dense" && !line.points.empty() && last > first) {
            const double level = line.points.back().second;
            line.points = {{first, level}, {last, level}};
            line.name = "dense labels (bound)";
        }
    writeCurvePlot(QString::fromStdString((folder / "pixel_al.png").string()), "Pixels the model asks for (PixelPick protocol)",
                   "labelled pixels (% of the scene)", "held-out mean IoU", series);
}

} // namespace banquise::app
