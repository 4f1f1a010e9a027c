// Warp benchmark: a Sentinel-1 GRD calibrated to sigma0 (with its GCPs)
// warped onto a 40 m EPSG:3413 grid by Banquise's reader and by the gdalwarp
// command-line tool with the same options, on the same input, in one run.
//   bench_warp MANIFEST.SAFE WORK_DIR
#include "BenchReport.h"

#include "scene/AnalysisGrid.h"
#include "scene/RasterOnGrid.h"
#include "scene/Sentinel1Calibrated.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <memory>
#include <string>

using namespace banquise;

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_warp MANIFEST.SAFE WORK_DIR\n");
        return 2;
    }
    const std::string input = std::string(argv[2]) + "/sigma0_gcps.tif";
    {
        std::unique_ptr<GDALDataset, decltype(&GDALClose)> sigma0(scene::openCalibratedSentinel1(argv[1], "HH"), GDALClose);
        GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
        std::unique_ptr<GDALDataset, decltype(&GDALClose)> copy(
            gtiff->CreateCopy(input.c_str(), sigma0.get(), false, nullptr, nullptr, nullptr), GDALClose);
        if (!copy)
            return 1;
        std::printf("input %d x %d, %d GCPs\n", copy->GetRasterXSize(), copy->GetRasterYSize(), copy->GetGCPCount());
    }
    // The grid: the GCPs' extent in EPSG:3413 at 40 m.
    std::unique_ptr<GDALDataset, decltype(&GDALClose)> source(static_cast<GDALDataset*>(GDALOpen(input.c_str(), GA_ReadOnly)), GDALClose);
    const scene::AnalysisGrid probe(3413, 0, 0, 40.0, 1, 1);
    std::vector<scene::MapPoint> gcps;
    for (int i = 0; i < source->GetGCPCount(); ++i)
        gcps.push_back(probe.fromLonLat({source->GetGCPs()[i].dfGCPX, source->GetGCPs()[i].dfGCPY}));
    const scene::AnalysisGrid grid = scene::AnalysisGrid::covering(3413, scene::extentOf(gcps), 40.0);
    source.reset();


    const scene::MapExtent e = grid.extent();
    char command[1024];
    std::snprintf(command, sizeof command,
                  "gdalwarp -q -overwrite -of MEM -ot Float32 -t_srs EPSG:3413 -te %.3f %.3f %.3f %.3f -ts %d %d -r bilinear "
                  "-dstnodata nan -wo NUM_THREADS=ALL_CPUS -tps '%s' '%s/unused'",
                  e.xMin, e.yMin, e.xMax, e.yMax, grid.width(), grid.height(), input.c_str(), argv[2]);
    // Alternate the two, twice, and keep each one's best: caches and the
    // other core's load then weigh on both alike.
    double warpSeconds = 1e30;
    double gdalwarpSeconds = 1e30;
    std::size_t bandCount = 0;
    for (int round = 0; round < 2; ++round) {
        const bench::Stopwatch ours;
        bandCount = scene::readRasterOnGrid(input, grid, "bilinear").size();
        warpSeconds = std::min(warpSeconds, ours.seconds());
        const bench::Stopwatch reference;
        if (std::system(command) != 0)
            return 1;
        gdalwarpSeconds = std::min(gdalwarpSeconds, reference.seconds());
    }
    std::printf("grid %d x %d, %zu band(s)\n", grid.width(), grid.height(), bandCount);
    bench::report("warp_s", warpSeconds);
    bench::report("gdalwarp_s", gdalwarpSeconds);
    bench::report("warp_vs_gdalwarp_ratio", warpSeconds / gdalwarpSeconds);
    return 0;
}
