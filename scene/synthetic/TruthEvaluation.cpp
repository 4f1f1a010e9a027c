#include "scene/synthetic/TruthEvaluation.h"

#include "scene/AnalysisGrid.h"
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

EndPointErrors driftEndPointErrors(const MotionField& field, const std::string& truthRaster)
{
    GdalSession::ensure();
    DatasetPtr truth = openDataset(truthRaster);
    if (!truth || truth->GetRasterCount() < 2)
        throw SceneError(truthRaster, "is not a two-band drift truth raster");
    const int w = truth->GetRasterXSize();
    const int h = truth->GetRasterYSize();
    std::vector<float> tx(static_cast<std::size_t>(w) * h);
    std::vector<float> ty(tx.size());
    if (truth->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, tx.data(), w, h, GDT_Float32, 0, 0) != CE_None
        || truth->GetRasterBand(2)->RasterIO(GF_Read, 0, 0, w, h, ty.data(), w, h, GDT_Float32, 0, 0) != CE_None)
        throw SceneError(truthRaster, "cannot read the drift truth");
    std::vector<double> errors;
    const double margin = 32.0;
    for (const MotionVector& v : field.vectors()) {
        const int col = static_cast<int>(v.col);
        const int row = static_cast<int>(v.row);
        if (col < 0 || row < 0 || col >= w || row >= h)
            continue;
        const std::size_t i = static_cast<std::size_t>(row) * w + col;
        const double toCol = v.col + tx[i];
        const double toRow = v.row + ty[i];
        if (toCol < margin || toRow < margin || toCol > w - margin || toRow > h - margin)
            continue;
        errors.push_back(std::hypot(v.dx - tx[i], v.dy - ty[i]));
    }
    return {percentile(errors, 50.0), percentile(errors, 95.0), errors.size()};
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
