#include "scene/synthetic/TruthEvaluation.h"

#include "scene/AnalysisGrid.h"
#include "scene/DriftChain.h"
#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/MotionField.h"
#include "scene/SceneError.h"
#include "scene/synthetic/FootprintSampling.h"
#include "scene/synthetic/IceTruth.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <gdal_priv.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace banquise::scene::synthetic {

namespace {
double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return std::nan("");
    const auto k = static_cast<std::size_t>(p / 100.0 * static_cast<double>(values.size() - 1) + 0.5);
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
    return values[k];
}

// Lead fraction of the truth in a footprint rectangle along the track heading.
double footprintLeadFraction(const MapPoint& centre, const MapPoint& along, const Footprint& footprint,
                             const std::vector<float>& leadFraction, const AnalysisGrid& grid)
{
    double leads = 0.0;
    int count = 0;
    for (const MapPoint& q : footprintSamples(centre, along, footprint.alongTrackM, footprint.acrossTrackM, grid.pixelSize())) {
        int col = 0;
        int row = 0;
        if (!grid.pixelAt(q, col, row))
            continue;
        leads += leadFraction[static_cast<std::size_t>(row) * grid.width() + col];
        ++count;
    }
    return count ? leads / count : 0.0;
}
} // namespace

namespace {
// A two-band displacement truth raster (truth/drift_pixels*.tif): x right, y down, pixels.
struct DisplacementTruth {
    int width = 0;
    int height = 0;
    std::vector<float> dx;
    std::vector<float> dy;
};

DisplacementTruth readDisplacementTruth(const std::string& truthRaster)
{
    GdalSession::ensure();
    DatasetPtr truth = openDataset(truthRaster);
    if (!truth || truth->GetRasterCount() < 2)
        throw SceneError(truthRaster, "is not a two-band drift truth raster");
    DisplacementTruth t;
    t.width = truth->GetRasterXSize();
    t.height = truth->GetRasterYSize();
    t.dx.resize(static_cast<std::size_t>(t.width) * t.height);
    t.dy.resize(t.dx.size());
    if (truth->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, t.width, t.height, t.dx.data(), t.width, t.height, GDT_Float32, 0, 0) != CE_None
        || truth->GetRasterBand(2)->RasterIO(GF_Read, 0, 0, t.width, t.height, t.dy.data(), t.width, t.height, GDT_Float32, 0, 0) != CE_None)
        throw SceneError(truthRaster, "cannot read the drift truth");
    return t;
}

// Scored where the ice stays this far inside the image at both dates.
constexpr double kScoringMargin = 32.0;

bool wellInside(const DisplacementTruth& t, double col, double row)
{
    return col >= kScoringMargin && row >= kScoringMargin && col <= t.width - kScoringMargin && row <= t.height - kScoringMargin;
}
} // namespace

EndPointErrors driftEndPointErrors(const MotionField& field, const std::string& truthRaster)
{
    const DisplacementTruth t = readDisplacementTruth(truthRaster);
    std::vector<double> errors;
    for (const MotionVector& v : field.vectors()) {
        const int col = static_cast<int>(v.col);
        const int row = static_cast<int>(v.row);
        if (col < 0 || row < 0 || col >= t.width || row >= t.height)
            continue;
        const std::size_t i = static_cast<std::size_t>(row) * t.width + col;
        if (!wellInside(t, v.col + t.dx[i], v.row + t.dy[i]))
            continue;
        errors.push_back(std::hypot(v.dx - t.dx[i], v.dy - t.dy[i]));
    }
    return {percentile(errors, 50.0), percentile(errors, 95.0), errors.size()};
}

ChainEndPointErrors chainEndPointErrors(const DriftChain& chain, int to, const std::string& truthRaster, int stride)
{
    const DisplacementTruth t = readDisplacementTruth(truthRaster);
    std::vector<double> errors;
    std::size_t covered = 0;
    for (int row = 0; row < t.height; row += stride)
        for (int col = 0; col < t.width; col += stride) {
            const std::size_t i = static_cast<std::size_t>(row) * t.width + col;
            const double toCol = col + t.dx[i];
            const double toRow = row + t.dy[i];
            if (!wellInside(t, col, row) || !wellInside(t, toCol, toRow))
                continue;
            const CarriedPosition carried = chain.carry(col, row, 0, to);
            if (!carried.inside)
                continue;
            const double error = std::hypot(carried.col - toCol, carried.row - toRow);
            errors.push_back(error);
            covered += error <= 2.0 * carried.sigma ? 1 : 0;
        }
    ChainEndPointErrors out;
    out.median = percentile(errors, 50.0);
    out.p95 = percentile(errors, 95.0);
    out.scored = errors.size();
    out.withinTwoSigma = errors.empty() ? std::nan("") : static_cast<double>(covered) / errors.size();
    return out;
}

double leadHitFraction(const std::vector<TrackRecord>& records, const Footprint& footprint, const std::vector<float>& leadFraction,
                       const AnalysisGrid& grid)
{
    // The generator flags a record lead from 30 % lead under its footprint,
    // sampled on the finer truth grid; sampled on the analysis grid after
    // the estimated drift (a fraction of a pixel off), a hit keeps 20 %.
    constexpr double kLeadHit = 0.2;
    int leadRecords = 0;
    int hits = 0;
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (records[i].surface != SurfaceType::Lead)
            continue;
        const MapPoint& a = records[i == 0 ? 0 : i - 1].position;
        const MapPoint& b = records[std::min(i + 1, records.size() - 1)].position;
        const double norm = std::hypot(b.x - a.x, b.y - a.y);
        const MapPoint along = norm > 0.0 ? MapPoint{(b.x - a.x) / norm, (b.y - a.y) / norm} : MapPoint{1.0, 0.0};
        ++leadRecords;
        hits += footprintLeadFraction(records[i].position, along, footprint, leadFraction, grid) >= kLeadHit ? 1 : 0;
    }
    return leadRecords ? static_cast<double>(hits) / leadRecords : -1.0;
}

std::vector<float> readLeadFraction(const std::string& sceneFolder)
{
    const std::string file = sceneFolder + "/truth/class_fraction.tif";
    const cv::Mat1f open = readFloatRaster(file, 1 + kOpenWater);
    const cv::Mat1f refrozen = readFloatRaster(file, 1 + kRefrozenLead);
    const cv::Mat1f leads = open + refrozen;
    return std::vector<float>(leads.begin(), leads.end());
}

} // namespace banquise::scene::synthetic
