#include "scene/synthetic/Sentinel2Writer.h"

#include "scene/AnalysisGrid.h"
#include "scene/GeoTiffFile.h"
#include "scene/GdalSession.h"
#include "scene/SceneError.h"
#include "scene/UtcTime.h"
#include "scene/synthetic/DriftField.h"
#include "scene/synthetic/IceTruth.h"

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_spatialref.h>

#include <opencv2/imgproc.hpp>

#include <array>
#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>

namespace banquise::scene::synthetic {

namespace fs = std::filesystem;

namespace {
constexpr double kPixel = 20.0;
constexpr int kStrip = 256;        // rows per strip
constexpr int kCoarseStep = 32;    // pixels between exactly transformed points
constexpr double kCloudCell = 500.0; // metres per cell of the cloud field

// BOA reflectance of B02, B03, B04 by surface class.
constexpr std::array<std::array<float, 3>, 4> kReflectance{{
    {0.06f, 0.05f, 0.03f}, // open water
    {0.36f, 0.33f, 0.30f}, // refrozen lead (nilas)
    {0.82f, 0.79f, 0.75f}, // floe (snow-covered)
    {0.88f, 0.86f, 0.83f}, // ridge
}};

struct Transform {
    Transform(int fromEpsg, int toEpsg)
    {
        from.importFromEPSG(fromEpsg);
        to.importFromEPSG(toEpsg);
        from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        to.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        ct.reset(OGRCreateCoordinateTransformation(&from, &to));
        if (!ct)
            throw SceneError("", "no transformation from EPSG:" + std::to_string(fromEpsg) + " to EPSG:" + std::to_string(toEpsg));
    }
    OGRSpatialReference from;
    OGRSpatialReference to;
    std::unique_ptr<OGRCoordinateTransformation> ct;
};

// UTM grid (20 m, snapped) covering the analysis grid.
AnalysisGrid utmGrid(const AnalysisGrid& grid, int epsg)
{
    Transform toUtm(grid.epsg(), epsg);
    const MapExtent e = grid.extent();
    std::vector<MapPoint> outline;
    for (int i = 0; i <= 16; ++i)
        for (int j = 0; j <= 16; ++j) {
            if (i != 0 && i != 16 && j != 0 && j != 16)
                continue; // the outline suffices
            double x = e.xMin + e.width() * i / 16.0;
            double y = e.yMin + e.height() * j / 16.0;
            toUtm.ct->Transform(1, &x, &y);
            outline.push_back({x, y});
        }
    return AnalysisGrid::covering(epsg, extentOf(outline), kPixel);
}

// A smooth random field in [0, 1] over the UTM grid, sampled bilinearly.
class CloudField {
public:
    CloudField(const AnalysisGrid& utm, std::mt19937& rng) : m_grid(utm)
    {
        const int w = std::max(4, static_cast<int>(utm.width() * kPixel / kCloudCell) + 2);
        const int h = std::max(4, static_cast<int>(utm.height() * kPixel / kCloudCell) + 2);
        std::normal_distribution<float> normal(0.0f, 1.0f);
        m_field.create(h, w);
        for (auto& v : m_field)
            v = normal(rng);
        cv::GaussianBlur(m_field, m_field, cv::Size(), 6.0);
        cv::normalize(m_field, m_field, 0.0, 1.0, cv::NORM_MINMAX);
    }
    float at(double x, double y) const
    {
        const float cx = static_cast<float>((x - m_grid.originX()) / kCloudCell);
        const float cy = static_cast<float>((m_grid.originY() - y) / kCloudCell);
        cv::Mat1f out;
        const int c = std::clamp(static_cast<int>(cx), 0, m_field.cols - 2);
        const int r = std::clamp(static_cast<int>(cy), 0, m_field.rows - 2);
        const float fx = std::clamp(cx - c, 0.0f, 1.0f);
        const float fy = std::clamp(cy - r, 0.0f, 1.0f);
        return (1 - fy) * ((1 - fx) * m_field(r, c) + fx * m_field(r, c + 1)) + fy * ((1 - fx) * m_field(r + 1, c) + fx * m_field(r + 1, c + 1));
    }

private:
    AnalysisGrid m_grid;
    cv::Mat1f m_field;
};

std::string compact(double t)
{
    std::string out;
    for (char ch : formatUtc(t))
        if (ch != '-' && ch != ':' && ch != 'Z')
            out += ch;
    return out;
}
} // namespace

int utmNorthEpsg(double longitude)
{
    const int zone = std::clamp(static_cast<int>(std::floor((longitude + 180.0) / 6.0)) + 1, 1, 60);
    return 32600 + zone;
}

std::string writeSentinel2(const std::string& folderName, const AnalysisGrid& grid, const IceTruth& ice, const DriftField& drift,
                           double time, double referenceTime, std::mt19937& rng)
{
    GdalSession::ensure();
    const MapExtent e = grid.extent();
    const int epsg = utmNorthEpsg(grid.toLonLat({0.5 * (e.xMin + e.xMax), 0.5 * (e.yMin + e.yMax)}).lon);
    const AnalysisGrid utm = utmGrid(grid, epsg);
    Transform toGrid(epsg, grid.epsg());
    const CloudField cloud(utm, rng);
    // Shadows fall 2 km from their clouds, away from a low south-west sun.
    const double shadowDx = 1400.0;
    const double shadowDy = 1400.0;
    std::normal_distribution<float> sensorNoise(0.0f, 0.005f);

    const std::string tile = "T" + std::to_string(epsg - 32600) + "XNM";
    const std::string stamp = compact(time);
    const fs::path folder = fs::path(folderName) / "GRANULE" / ("L2A_" + tile + "_A045123_" + stamp) / "IMG_DATA" / "R20m";
    fs::create_directories(folder);
    const std::array<const char*, 3> names{"B02", "B03", "B04"};
    std::array<std::string, 3> paths;
    std::array<GDALDataset*, 3> bands{};
    for (int b = 0; b < 3; ++b) {
        paths[b] = (folder / (tile + "_" + stamp + "_" + names[b] + "_20m.tif")).string();
        bands[b] = createGeoTiff(paths[b], utm, 1, GDT_UInt16, time);
        bands[b]->SetMetadataItem("SPACECRAFT_NAME", "Sentinel-2B");
        bands[b]->SetMetadataItem("BANDNAME", names[b]);
        GDALRasterBand* band = bands[b]->GetRasterBand(1);
        band->SetNoDataValue(0);
        band->SetScale(1e-4);
        band->SetOffset(-0.1);
    }

    std::array<std::vector<std::uint16_t>, 3> rows;
    for (auto& r : rows)
        r.assign(static_cast<std::size_t>(utm.width()) * kStrip, 0);
    const double dt = time - referenceTime;
    for (int top = 0; top < utm.height(); top += kStrip) {
        const int height = std::min(kStrip, utm.height() - top);
        // Exact transforms on a coarse lattice, bilinear in between: the
        // UTM to polar-stereographic map is smooth at this scale.
        const int coarseW = utm.width() / kCoarseStep + 2;
        const int coarseH = height / kCoarseStep + 2;
        cv::Mat1d coarseX(coarseH, coarseW);
        cv::Mat1d coarseY(coarseH, coarseW);
        for (int j = 0; j < coarseH; ++j)
            for (int i = 0; i < coarseW; ++i) {
                double x = utm.originX() + i * kCoarseStep * kPixel;
                double y = utm.originY() - (top + j * kCoarseStep) * kPixel;
                toGrid.ct->Transform(1, &x, &y);
                coarseX(j, i) = x;
                coarseY(j, i) = y;
            }
        // Each pixel is the mean reflectance of the truth pixels it covers
        // (sub-samples at the truth's spacing), so that a lead narrower than
        // 20 m greys its pixel instead of vanishing or filling it.
        const int sub = std::max(1, static_cast<int>(std::lround(kPixel / grid.pixelSize())));
        for (int r = 0; r < height; ++r)
            for (int c = 0; c < utm.width(); ++c) {
                std::array<float, 3> reflectance{};
                int inside = 0;
                for (int sv = 0; sv < sub; ++sv)
                    for (int su = 0; su < sub; ++su) {
                        const double fj = (r + (sv + 0.5) / sub - 0.5) / kCoarseStep;
                        const int j = std::clamp(static_cast<int>(fj), 0, coarseH - 2);
                        const double wj = fj - j;
                        const double fi = (c + (su + 0.5) / sub) / kCoarseStep;
                        const int i = std::min(static_cast<int>(fi), coarseW - 2);
                        const double wi = fi - i;
                        auto lerp = [&](const cv::Mat1d& m) {
                            return (1 - wj) * ((1 - wi) * m(j, i) + wi * m(j, i + 1)) + wj * ((1 - wi) * m(j + 1, i) + wi * m(j + 1, i + 1));
                        };
                        int col = 0;
                        int row = 0;
                        if (!grid.pixelAt(drift.origin(MapPoint{lerp(coarseX), lerp(coarseY)}, dt), col, row))
                            continue;
                        for (int b = 0; b < 3; ++b)
                            reflectance[b] += kReflectance[ice.surface(row, col)][b];
                        ++inside;
                    }
                const std::size_t k = static_cast<std::size_t>(r) * utm.width() + c;
                if (inside == 0) {
                    rows[0][k] = rows[1][k] = rows[2][k] = 0;
                    continue;
                }
                const MapPoint utmPoint = utm.pixelCentre(c, top + r);
                const float cover = std::clamp((cloud.at(utmPoint.x, utmPoint.y) - 0.6f) / 0.2f, 0.0f, 1.0f);
                const float shade = std::clamp((cloud.at(utmPoint.x - shadowDx, utmPoint.y - shadowDy) - 0.6f) / 0.2f, 0.0f, 1.0f);
                for (int b = 0; b < 3; ++b) {
                    float rho = reflectance[b] / inside * (1.0f - 0.6f * shade * (1.0f - cover)) + sensorNoise(rng);
                    rho = (1.0f - cover) * rho + cover * 0.92f;
                    rows[b][k] = static_cast<std::uint16_t>(std::clamp(std::lround(10000.0f * rho + 1000.0f), 1L, 65535L));
                }
            }
        for (int b = 0; b < 3; ++b)
            if (bands[b]->GetRasterBand(1)->RasterIO(GF_Write, 0, top, utm.width(), height, rows[b].data(), utm.width(), height,
                                                     GDT_UInt16, 0, 0) != CE_None)
                throw SceneError(paths[b], std::string("cannot write band (") + GdalSession::lastError() + ")");
    }
    for (GDALDataset* ds : bands)
        GDALClose(ds);

    // An RGB view over the three bands (red, green, blue), as a GDAL VRT.
    const fs::path vrt = fs::path(folderName) / (tile + "_" + stamp + "_RGB_20m.vrt");
    const char* argv[] = {"-separate", nullptr};
    std::unique_ptr<GDALBuildVRTOptions, decltype(&GDALBuildVRTOptionsFree)> options(
        GDALBuildVRTOptionsNew(const_cast<char**>(argv), nullptr), GDALBuildVRTOptionsFree);
    const char* sources[] = {paths[2].c_str(), paths[1].c_str(), paths[0].c_str()};
    GDALDatasetH rgb = GDALBuildVRT(vrt.string().c_str(), 3, nullptr, sources, options.get(), nullptr);
    if (!rgb)
        throw SceneError(vrt.string(), std::string("cannot build the RGB VRT (") + GdalSession::lastError() + ")");
    GDALDataset::FromHandle(rgb)->SetMetadataItem("ACQUISITION_TIME", formatUtc(time).c_str());
    GDALDataset::FromHandle(rgb)->SetMetadataItem("SPACECRAFT_NAME", "Sentinel-2B");
    for (int b = 1; b <= 3; ++b) {
        GDALRasterBand* band = GDALDataset::FromHandle(rgb)->GetRasterBand(b);
        band->SetScale(1e-4);
        band->SetOffset(-0.1);
    }
    GDALClose(rgb);
    return fs::relative(vrt, folderName).string();
}

} // namespace banquise::scene::synthetic
