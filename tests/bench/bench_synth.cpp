// Synthetic scene benchmark: time and peak memory to generate a scene of the
// given size, and for the demo scene the ENL measured on its SAR against the
// configured looks and the lead-width exponent fitted on its truth against
// the configured one. One process per size, so peaks do not mix.
//   bench_synth PREFIX SIZE_KM OUT_DIR
#include "BenchReport.h"

#include "scene/Sentinel1Calibrated.h"
#include "scene/synthetic/IceTruth.h"
#include "scene/synthetic/LeadWidths.h"
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

    // The demo's truth drawn again (the generator's first draw from its
    // seed): lead widths per unit length from six truth pixels, fitted.
    const scene::synthetic::WorldParameters world = options.worldParameters();
    std::mt19937 rng(options.seed);
    const int side = options.sizePixels() * options.truthFactor();
    const double truthPixel = options.pixelSize / options.truthFactor();
    const scene::synthetic::IceTruth truth = scene::synthetic::makeIceTruth(side, truthPixel, world, rng);
    const cv::Mat1b leads = (truth.surface == scene::synthetic::kOpenWater) | (truth.surface == scene::synthetic::kRefrozenLead);
    bench::report("lead_width_exponent_truth",
                  scene::synthetic::fitPowerLawExponent(scene::synthetic::leadWidthSamples(leads, truthPixel), 6.0 * truthPixel,
                                                        world.leadMaxWidthM));
    bench::report("lead_width_exponent_configured", world.leadWidthExponent);
    return 0;
}
