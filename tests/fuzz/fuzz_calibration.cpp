// Sentinel-1 calibration annotation XML (annotation/calibration/calibration-*.xml).
#include "FuzzInput.h"

#include "scene/Sentinel1Calibration.h"

#include <exception>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        const auto calibration = banquise::scene::Sentinel1Calibration::read(banquise::fuzz::writeInput(data, size, "calibration.xml"));
        std::vector<float> row(64, 100.0f);
        calibration.calibrateRow(0, row);
        calibration.sigmaNought(10.0, 10.0);
    } catch (const std::exception&) {
        // A clear refusal is the expected answer to a bad file.
    }
    return 0;
}
