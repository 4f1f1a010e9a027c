#pragma once

#include <cpl_conv.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace banquise::tests {

// Zips a SAFE folder as the hub distributes it (<name>.zip holding
// <name>.SAFE/...), into `destination` (default: beside the folder).
inline std::string zipSafe(const std::string& safeFolder, std::string destination = {})
{
    namespace fs = std::filesystem;
    const fs::path safe(safeFolder);
    if (destination.empty())
        destination = safe.parent_path().string();
    fs::create_directories(destination);
    const std::string zip = (fs::path(destination) / (safe.stem().string() + ".zip")).string();
    void* handle = CPLCreateZip(zip.c_str(), nullptr);
    for (const auto& entry : fs::recursive_directory_iterator(safe)) {
        if (!entry.is_regular_file())
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string inside = (safe.filename() / fs::relative(entry.path(), safe)).string();
        CPLCreateFileInZip(handle, inside.c_str(), nullptr);
        CPLWriteFileInZip(handle, bytes.data(), static_cast<int>(bytes.size()));
        CPLCloseFileInZip(handle);
    }
    CPLCloseZip(handle);
    return zip;
}

} // namespace banquise::tests
