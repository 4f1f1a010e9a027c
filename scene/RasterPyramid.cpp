#include "scene/RasterPyramid.h"

#include "scene/Feedback.h"
#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/RasterOnGrid.h"
#include "scene/SceneError.h"

#include <gdal_priv.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {
constexpr int kTile = 256;
// Overviews stop once the coarsest fits in about one tile.
constexpr int kCoarsestSide = 256;
constexpr int kStripRows = 4 * kTile;

void closeDataset(GDALDataset* ds)
{
    GDALClose(ds);
}

std::vector<int> overviewFactors(const AnalysisGrid& grid)
{
    std::vector<int> factors;
    for (int f = 2; (std::max(grid.width(), grid.height()) + f / 2 - 1) / (f / 2) > kCoarsestSide; f *= 2)
        factors.push_back(f);
    return factors;
}

// Copying the cells takes about 60 % of a build, the overviews the rest.
constexpr double kCopyShare = 0.6;

// Reports a fraction of the build; false once the user cancelled.
bool report(const PyramidProgress& progress, double fraction)
{
    if (!progress.feedback)
        return true;
    progress.feedback->setProgress(progress.start + progress.span * fraction, progress.step);
    return !progress.feedback->isCancelled();
}

int overviewProgress(double fraction, const char*, void* data)
{
    return report(*static_cast<const PyramidProgress*>(data), kCopyShare + (1.0 - kCopyShare) * fraction) ? TRUE : FALSE;
}

// Copies the source's bands, made physical, strip by strip into `target`.
void copyPhysical(GDALDataset& source, GDALDataset& target, const std::string& sourceFile, double valueOffset,
                  const PyramidProgress& progress)
{
    const int width = source.GetRasterXSize();
    const int height = source.GetRasterYSize();
    std::vector<float> strip(static_cast<std::size_t>(width) * kStripRows);
    for (int row = 0; row < height; row += kStripRows) {
        if (!report(progress, kCopyShare * row / height))
            throw SceneError(sourceFile, "pyramid cancelled");
        const int rows = std::min(kStripRows, height - row);
        for (int b = 1; b <= source.GetRasterCount(); ++b) {
            GDALRasterBand* in = source.GetRasterBand(b);
            if (in->RasterIO(GF_Read, 0, row, width, rows, strip.data(), width, rows, GDT_Float32, 0, 0) != CE_None)
                throw SceneError(sourceFile, withGdalReason("cannot read band " + std::to_string(b)));
            makePhysical(*in, strip.data(), static_cast<std::size_t>(width) * rows, true);
            if (valueOffset != 0.0)
                for (float& v : strip)
                    v += static_cast<float>(valueOffset);
            if (target.GetRasterBand(b)->RasterIO(GF_Write, 0, row, width, rows, strip.data(), width, rows, GDT_Float32, 0, 0) != CE_None)
                throw SceneError(sourceFile, withGdalReason("cannot write its pyramid"));
        }
    }
}
} // namespace

RasterPyramid::RasterPyramid(const std::string& file) : m_file(file), m_dataset(nullptr, closeDataset)
{
    GdalSession::ensure();
    m_dataset.reset(openDataset(file).release());
    if (!m_dataset)
        throw SceneError(file, withGdalReason("cannot open as a raster pyramid"));
    double t[6];
    const OGRSpatialReference* srs = m_dataset->GetSpatialRef();
    const char* code = srs ? srs->GetAuthorityCode(nullptr) : nullptr;
    if (m_dataset->GetGeoTransform(t) != CE_None || !code || t[1] <= 0.0 || t[5] != -t[1])
        throw SceneError(file, "is not a raster pyramid (no north-up geotransform with an EPSG code)");
    m_bandCount = m_dataset->GetRasterCount();
    if (m_bandCount < 1)
        throw SceneError(file, "has no raster band");
    const AnalysisGrid base(std::atoi(code), t[0], t[3], t[1], m_dataset->GetRasterXSize(), m_dataset->GetRasterYSize());
    m_levels.push_back(base);
    GDALRasterBand* first = m_dataset->GetRasterBand(1);
    for (int i = 0, f = 2; i < first->GetOverviewCount(); ++i, f *= 2) {
        GDALRasterBand* overview = first->GetOverview(i);
        // Only the power-of-two overviews buildRasterPyramid makes, in order.
        if (overview->GetXSize() != (base.width() + f - 1) / f || overview->GetYSize() != (base.height() + f - 1) / f)
            break;
        m_levels.emplace_back(base.epsg(), base.originX(), base.originY(), base.pixelSize() * f, overview->GetXSize(), overview->GetYSize());
    }
}

RasterPyramid::~RasterPyramid() = default;

int RasterPyramid::levelFor(double metresPerPixel) const
{
    // A level up to 1.5 times coarser than the screen still looks sharp and
    // reads up to 2.25 times fewer cells than the next finer one.
    int level = 0;
    while (level + 1 < levelCount() && m_levels[level + 1].pixelSize() <= 1.5 * metresPerPixel)
        ++level;
    return level;
}

std::vector<std::vector<float>> RasterPyramid::read(int level, int col, int row, int cols, int rows) const
{
    const AnalysisGrid& grid = levelGrid(level);
    std::vector<std::vector<float>> bands(m_bandCount, std::vector<float>(static_cast<std::size_t>(cols) * rows, std::nanf("")));
    const int c0 = std::max(col, 0);
    const int r0 = std::max(row, 0);
    const int c1 = std::min(col + cols, grid.width());
    const int r1 = std::min(row + rows, grid.height());
    if (c0 >= c1 || r0 >= r1)
        return bands;
    const GSpacing pixelStride = sizeof(float);
    const GSpacing lineStride = static_cast<GSpacing>(cols) * sizeof(float);
    std::lock_guard<std::mutex> lock(m_mutex);
    for (int b = 0; b < m_bandCount; ++b) {
        GDALRasterBand* band = m_dataset->GetRasterBand(b + 1);
        if (level > 0)
            band = band->GetOverview(level - 1);
        float* first = bands[b].data() + static_cast<std::size_t>(r0 - row) * cols + (c0 - col);
        if (band->RasterIO(GF_Read, c0, r0, c1 - c0, r1 - r0, first, c1 - c0, r1 - r0, GDT_Float32, pixelStride, lineStride) != CE_None)
            throw SceneError(m_file, withGdalReason("cannot read level " + std::to_string(level)));
    }
    return bands;
}

std::vector<float> RasterPyramid::valuesAt(int col, int row) const
{
    std::vector<float> values;
    for (auto& band : read(0, col, row, 1, 1))
        values.push_back(band.front());
    return values;
}

void buildRasterPyramid(const std::string& sourceFile, const AnalysisGrid& grid, const std::string& pyramid,
                        PyramidResampling resampling, double valueOffset, const PyramidProgress& progress)
{
    GdalSession::ensure();
    DatasetPtr source = openDataset(sourceFile);
    if (!source)
        throw SceneError(sourceFile, withGdalReason("cannot open as a raster"));
    buildRasterPyramid(*source, sourceFile, grid, pyramid, resampling, valueOffset, progress);
}

void buildRasterPyramid(GDALDataset& sourceDataset, const std::string& sourceFile, const AnalysisGrid& grid, const std::string& pyramid,
                        PyramidResampling resampling, double valueOffset, const PyramidProgress& progress)
{
    GDALDataset* source = &sourceDataset;
    if (source->GetRasterCount() < 1)
        throw SceneError(sourceFile, "has no raster band");
    if (!isOnGrid(*source, grid))
        throw SceneError(sourceFile, "is not on the scene's grid: its pyramid would not line up");

    std::error_code error;
    fs::create_directories(fs::path(pyramid).parent_path(), error);
    const std::string partial = pyramid + ".partial";
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    // ZSTD decodes several times faster than DEFLATE at about its ratio.
    const char* options[] = {"TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=ZSTD", "ZSTD_LEVEL=1",
                             "PREDICTOR=3", "BIGTIFF=IF_SAFER", nullptr};
    DatasetPtr target(driver->Create(partial.c_str(), grid.width(), grid.height(), source->GetRasterCount(), GDT_Float32,
                                     const_cast<char**>(options)));
    if (!target)
        throw SceneError(pyramid, withGdalReason("cannot create the pyramid"));
    try {
        double transform[6];
        grid.geoTransform(transform);
        target->SetGeoTransform(transform);
        target->SetProjection(grid.crsWkt().c_str());
        for (int b = 1; b <= source->GetRasterCount(); ++b)
            target->GetRasterBand(b)->SetNoDataValue(std::nan(""));
        copyPhysical(*source, *target, sourceFile, valueOffset, progress);
        const std::vector<int> factors = overviewFactors(grid);
        CPLSetThreadLocalConfigOption("COMPRESS_OVERVIEW", "ZSTD");
        CPLSetThreadLocalConfigOption("PREDICTOR_OVERVIEW", "3");
        const CPLErr built = factors.empty() ? CE_None
                                             : target->BuildOverviews(resampling == PyramidResampling::Nearest ? "NEAREST" : "AVERAGE",
                                                                      static_cast<int>(factors.size()), factors.data(), 0, nullptr,
                                                                      overviewProgress, const_cast<PyramidProgress*>(&progress));
        CPLSetThreadLocalConfigOption("COMPRESS_OVERVIEW", nullptr);
        CPLSetThreadLocalConfigOption("PREDICTOR_OVERVIEW", nullptr);
        if (built != CE_None)
            throw SceneError(sourceFile, progress.feedback && progress.feedback->isCancelled()
                                             ? "pyramid cancelled"
                                             : withGdalReason("cannot build the pyramid's overviews"));
        // GDAL 3.6 reports a failed final write only through its error state.
        CPLErrorReset();
        target.reset();
        if (CPLGetLastErrorType() >= CE_Failure)
            throw SceneError(pyramid, withGdalReason("cannot write the pyramid"));
    } catch (...) {
        target.reset();
        fs::remove(partial, error);
        throw;
    }
    fs::rename(partial, pyramid, error);
    if (error)
        throw SceneError(pyramid, "cannot rename the finished pyramid: " + error.message());
}

} // namespace banquise::scene
