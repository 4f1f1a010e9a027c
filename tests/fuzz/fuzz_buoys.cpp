// IABP buoy tables (CSV or blank-separated .dat).
#include "FuzzInput.h"

#include "scene/BuoyTracks.h"

#include <exception>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        banquise::scene::readBuoyTracks(banquise::fuzz::writeInput(data, size, "buoys.csv"));
    } catch (const std::exception&) {
    }
    return 0;
}
