// An altimeter netCDF track through the CryoSat-2 Baseline E profile, the
// layout of the generator's seeds (the other profiles share its form: 1-D
// record variables, scale factors, fill values, flag words).
#include "FuzzInput.h"

#include "scene/AltimeterReader.h"
#include "scene/AnalysisGrid.h"
#include "scene/SensorProfile.h"

#include <exception>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const banquise::scene::AltimeterProfile profile = banquise::scene::loadAltimeterProfile("cryosat2_sar_l2_baseline_e");
    // The demo scene's grid: a 100 km square north of Svalbard.
    static const banquise::scene::AnalysisGrid grid(3413, -1650000.0, 165000.0, 40.0, 2500, 2500);
    try {
        banquise::scene::readAltimeterRecords(banquise::fuzz::writeInput(data, size, "CS_OFFL_SIR_SAR_2__track.nc"), profile, grid);
    } catch (const std::exception&) {
    }
    return 0;
}
