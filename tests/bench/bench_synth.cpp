// Synthetic scene benchmark: time and peak memory to generate a scene of the
// given size, and (for the demo size) the ENL measured on its SAR against
// the configured looks. One process per size, so peaks do not mix.
//   bench_synth PREFIX SIZE_KM OUT_DIR
#include "BenchReport.h"

#include "scene/Sentinel1Calibrated.h"
#include "scene/synthetic/SpeckleStatistics.h"
#include "scene/synthetic/SyntheticScene.h"

#include <gdal_priv.h>

#include <cstdlib>
#include <memory>
#include <string>

using namespace banquise;

namespace {
template <class T>
std::vector<T> readWhole(GDALDataset* ds, GDALDataType type)
{
    const int w = ds->GetRasterXSize();
    const int h = ds->GetRasterYSize();
    std::vector<T> values(static_cast<std::size_t>(w) * h);
    if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, values.data(), w, h, type, 0, 0) != CE_None)
        std::exit(1);
    return values;
}
} // namespace

int main(int argc, char** argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: bench_synth PREFIX SIZE_KM OUT_DIR\n");
        return 2;
    }
    const std::string prefix = argv[1];
    scene::synthetic::SynthOptions options;
    options.sizeKm = std::atof(argv[2]);
    const std::string out = argv[3];
    const bench::Stopwatch clock;
    const auto products = scene::synthetic::writeSyntheticScene(options, out);
    bench::report((prefix + "_s").c_str(), clock.seconds());
    bench::report((prefix + "_peak_mb").c_str(), bench::peakResidentMegabytes());
    if (prefix != "synth_demo")
        return 0;

    std::unique_ptr<GDALDataset, decltype(&GDALClose)> sigma0(
        scene::openCalibratedSentinel1(out + "/" + products.sar + "/manifest.safe", "HH"), GDALClose);
    std::unique_ptr<GDALDataset, decltype(&GDALClose)> surface(
        static_cast<GDALDataset*>(GDALOpen((out + "/truth/surface_class.tif").c_str(), GA_ReadOnly)), GDALClose);
    std::unique_ptr<GDALDataset, decltype(&GDALClose)> roughness(
        static_cast<GDALDataset*>(GDALOpen((out + "/truth/roughness.tif").c_str(), GA_ReadOnly)), GDALClose);
    const double enl = scene::synthetic::measureEnl(readWhole<float>(sigma0.get(), GDT_Float32),
                                                    readWhole<std::uint8_t>(surface.get(), GDT_Byte),
                                                    readWhole<float>(roughness.get(), GDT_Float32), sigma0->GetRasterXSize(),
                                                    sigma0->GetRasterYSize(), 12);
    bench::report("synth_enl_measured", enl);
    bench::report("synth_enl_configured", options.sarLooks);
    return 0;
}
