#include "app/BatchSummary.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>

namespace banquise::app {

namespace fs = std::filesystem;

namespace {

// RFC 4180: a field with a comma, quote or line break is quoted.
std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (const char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

std::string figureText(const BatchSceneRecord& record, const char* name, const char* format)
{
    const auto it = record.figures.find(name);
    if (it == record.figures.end())
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, format, it->second);
    return text;
}

} // namespace

std::vector<BatchSceneRecord> manifestRecords(const std::vector<BatchEntry>& entries, const BatchState& state)
{
    std::vector<BatchSceneRecord> known = state.records();
    std::vector<BatchSceneRecord> out;
    for (const BatchEntry& entry : entries) {
        BatchSceneRecord record;
        record.name = entry.name;
        for (const BatchSceneRecord& r : known)
            if (r.name == entry.name)
                record = r;
        out.push_back(record);
    }
    return out;
}

BatchCounts countStates(const std::vector<BatchSceneRecord>& records)
{
    BatchCounts counts;
    for (const BatchSceneRecord& r : records) {
        switch (r.state) {
        case BatchSceneState::Done: ++counts.done; break;
        case BatchSceneState::Failed: ++counts.failed; break;
        case BatchSceneState::Running: ++counts.running; break;
        case BatchSceneState::Pending: ++counts.pending; break;
        }
    }
    return counts;
}

std::string writeBatchSummary(const std::string& outFolder, const std::vector<BatchSceneRecord>& records)
{
    std::set<std::string> names;
    for (const BatchSceneRecord& r : records)
        for (const auto& figure : r.figures)
            names.insert(figure.first);
    const fs::path path = fs::path(outFolder) / "summary.csv";
    const fs::path temporary = path.string() + ".tmp";
    {
        std::ofstream csv(temporary);
        csv << "scene,state,attempts,seconds";
        for (const std::string& name : names)
            csv << ',' << name;
        csv << ",reason\n";
        for (const BatchSceneRecord& r : records) {
            csv << csvField(r.name) << ',' << batchSceneStateName(r.state) << ',' << r.attempts << ',' << number(r.seconds);
            for (const std::string& name : names) {
                const auto it = r.figures.find(name);
                csv << ',' << (it == r.figures.end() ? std::string() : number(it->second));
            }
            csv << ',' << csvField(r.reason) << '\n';
        }
        if (!csv.flush())
            throw std::runtime_error(temporary.string() + ": cannot write the batch summary (disk full or no permission)");
    }
    fs::rename(temporary, path);
    return path.string();
}

void printBatchTable(const std::vector<BatchSceneRecord>& records)
{
    std::printf("%-24s %-8s %8s %8s %8s %10s %9s  %s\n", "scene", "state", "seconds", "floe", "leads", "freeboard", "SWOT RMSE", "reason");
    for (const BatchSceneRecord& r : records) {
        const auto open = r.figures.find("open_lead_fraction");
        const auto refrozen = r.figures.find("refrozen_lead_fraction");
        char leads[16] = "-";
        if (open != r.figures.end() && refrozen != r.figures.end())
            std::snprintf(leads, sizeof leads, "%.3f", open->second + refrozen->second);
        const std::string what = r.state == BatchSceneState::Running ? "at " + r.stage + " on " + r.worker : r.reason;
        std::printf("%-24s %-8s %8.1f %8s %8s %10s %9s  %s\n", r.name.c_str(), batchSceneStateName(r.state), r.seconds,
                    figureText(r, "floe_fraction", "%.3f").c_str(), leads, figureText(r, "freeboard_mean_m", "%.3f m").c_str(),
                    figureText(r, "swot_rmse_m", "%.3f m").c_str(), what.c_str());
    }
    const BatchCounts c = countStates(records);
    std::printf("%zu scene(s): %d done, %d failed, %d running, %d pending\n", records.size(), c.done, c.failed, c.running, c.pending);
}

} // namespace banquise::app
