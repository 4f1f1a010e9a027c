#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

namespace banquise::fuzz {

// The readers take paths (GDAL, netCDF and the XML parser open files
// themselves), so each input goes through a file of this process with the
// extension the reader dispatches on.
inline std::string writeInput(const std::uint8_t* data, std::size_t size, const std::string& name)
{
    const std::string path = "/tmp/banquise-fuzz-" + std::to_string(::getpid()) + "-" + name;
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

} // namespace banquise::fuzz
