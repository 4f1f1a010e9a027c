#include "app/BatchManifest.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <set>
#include <sstream>
#include <stdexcept>

namespace banquise::app {

namespace fs = std::filesystem;

namespace {

// A name is used as a folder and a log file name, alone, on any file system.
bool isPlainName(const std::string& name)
{
    if (name.empty() || name == "." || name == ".." || name.size() > 128)
        return false;
    for (const char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return false;
    return true;
}

} // namespace

std::vector<BatchEntry> readBatchManifest(const std::string& path)
{
    std::ifstream file(path);
    if (!file)
        throw std::invalid_argument(path + ": cannot read the batch manifest (missing or unreadable)");
    const fs::path folder = fs::absolute(path).parent_path();
    std::vector<BatchEntry> entries;
    std::set<std::string> names;
    std::string line;
    for (int number = 1; std::getline(file, line); ++number) {
        std::istringstream words(line);
        BatchEntry entry;
        if (!(words >> std::quoted(entry.name)) || entry.name.front() == '#')
            continue;
        const std::string where = path + ":" + std::to_string(number) + ": ";
        if (!isPlainName(entry.name))
            throw std::invalid_argument(where + "scene name '" + entry.name + "' must be letters, digits, '-', '_' or '.'");
        if (!names.insert(entry.name).second)
            throw std::invalid_argument(where + "scene name '" + entry.name + "' is given twice");
        for (std::string input; words >> std::quoted(input);)
            entry.inputs.push_back((folder / input).lexically_normal().string());
        if (entry.inputs.empty())
            throw std::invalid_argument(where + "scene '" + entry.name + "' names no scene folder or product");
        entries.push_back(std::move(entry));
    }
    if (entries.empty())
        throw std::invalid_argument(path + ": the batch manifest names no scene");
    return entries;
}

} // namespace banquise::app
