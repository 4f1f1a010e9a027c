// A SWOT KaRIn L2 LR SSH granule (either layout), gridded.
#include "FuzzInput.h"

#include "scene/AnalysisGrid.h"
#include "scene/SwotReader.h"

#include <exception>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const banquise::scene::AnalysisGrid grid(3413, -1650000.0, 165000.0, 40.0, 2500, 2500);
    try {
        const std::string path = banquise::fuzz::writeInput(data, size, "SWOT_L2_LR_SSH_granule.nc");
        banquise::scene::describeSwotGranule(path);
        banquise::scene::readSwotSwath(path, grid);
    } catch (const std::exception&) {
    }
    return 0;
}
