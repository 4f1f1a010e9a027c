// Sentinel-1 product annotation XML of a TOPS SLC sub-swath (its bursts).
#include "FuzzInput.h"

#include "scene/Sentinel1Bursts.h"

#include <exception>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        banquise::scene::readSentinel1Bursts(banquise::fuzz::writeInput(data, size, "s1a-iw1-slc-vv.xml"));
    } catch (const std::exception&) {
    }
    return 0;
}
