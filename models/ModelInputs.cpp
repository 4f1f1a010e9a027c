#include "models/ModelInputs.h"

#include "models/Baselines.h"
#include "models/SarLayers.h"
#include "models/SeaIceClasses.h"
#include "models/SpatialInterpolation.h"
#include "scene/Feedback.h"
#include "scene/RasterLayer.h"
#include "scene/Scene.h"
#include "scene/ChainCompensation.h"
#include "scene/DriftChain.h"
#include "scene/DriftCompensation.h"
#include "scene/SceneDrift.h"
#include "scene/SceneError.h"
#include "scene/Sentinel1Looks.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>

namespace banquise::models {

namespace {

using scene::Quantity;

std::shared_ptr<const scene::RasterLayer> asRaster(const std::shared_ptr<const scene::Layer>& layer)
{
    if (layer->kind() != scene::LayerKind::Raster)
        return nullptr;
    return std::dynamic_pointer_cast<const scene::RasterLayer>(layer);
}

// Connected pixels of one coarse value form a cell: the weak loss needs the
// pixels each concentration value was measured over. Neighbouring cells of
// equal value merge, which keeps the constraint exact (the union has that
// value too). A flood fill, because OpenCV labels binary images only.
int labelCells(const cv::Mat1f& values, cv::Mat1i& cells)
{
    cells = cv::Mat1i(values.size(), -1);
    int count = 0;
    std::vector<cv::Point> stack;
    for (int r = 0; r < values.rows; ++r)
        for (int c = 0; c < values.cols; ++c) {
            if (cells(r, c) >= 0 || !std::isfinite(values(r, c)))
                continue;
            const float value = values(r, c);
            cells(r, c) = count;
            stack.assign(1, {c, r});
            while (!stack.empty()) {
                const cv::Point p = stack.back();
                stack.pop_back();
                for (const cv::Point& d : {cv::Point(1, 0), cv::Point(-1, 0), cv::Point(0, 1), cv::Point(0, -1)}) {
                    const cv::Point q = p + d;
                    if (q.x < 0 || q.y < 0 || q.x >= values.cols || q.y >= values.rows || cells(q) >= 0 || values(q) != value)
                        continue;
                    cells(q) = count;
                    stack.push_back(q);
                }
            }
            ++count;
        }
    return count;
}

// Optical pseudo-labels from the mean visible reflectance: open water is
// dark (< 0.15), nilas grey (0.25-0.42), snow-covered ice bright
// (0.65-0.87); brighter is cloud or ridge, in between is ambiguous. Grey is
// also what a pixel mixing water and snow looks like (lead edges, leads a
// pixel or two wide: on the demo scene 38 % of the open water was labelled
// nilas), so a grey pixel is nilas only where its 3 x 3 neighbourhood spans
// less than 0.2. Shadowed snow can look grey too, hence the lower
// confidence of that class.
void opticalLabels(const scene::RasterLayer& optical, ModelInputs& inputs)
{
    constexpr float kMaxNilasRange = 0.2f;
    cv::Mat1f mean(inputs.height(), inputs.width(), 0.0f);
    for (int b = 0; b < optical.bandCount(); ++b)
        mean += cv::Mat1f(inputs.height(), inputs.width(), const_cast<float*>(optical.band(b).data()));
    mean /= static_cast<float>(optical.bandCount());
    cv::Mat1f low, high;
    cv::erode(mean, low, cv::Mat());
    cv::dilate(mean, high, cv::Mat());
    inputs.opticalLabel = cv::Mat1b(inputs.height(), inputs.width(), kNoClass);
    inputs.opticalConfidence = cv::Mat1f(inputs.height(), inputs.width(), 0.0f);
    for (std::size_t i = 0; i < mean.total(); ++i) {
        const float m = mean.begin()[i];
        std::uint8_t label = kNoClass;
        float confidence = 0.0f;
        if (m < 0.15f) {
            label = kOpenLead;
            confidence = 0.8f;
        } else if (m > 0.25f && m < 0.42f && high.begin()[i] - low.begin()[i] < kMaxNilasRange) {
            label = kRefrozenLead;
            confidence = 0.5f;
        } else if (m > 0.65f && m < 0.87f) {
            label = kFloe;
            confidence = 0.6f;
        }
        inputs.opticalLabel.begin()[i] = label;
        inputs.opticalConfidence.begin()[i] = confidence;
    }
}

// Kriging every 4 pixels (160 m at 40 m) keeps ~1000 records over a
// 2500 x 2500 grid to seconds; the field is smooth at that scale.
constexpr int kPriorStep = 4;
constexpr std::size_t kMinimumPriorRecords = 3;

void addTrack(const scene::TrackLayer& track, ModelInputs& inputs)
{
    const int index = static_cast<int>(inputs.trackNames.size());
    inputs.trackNames.push_back(track.name());
    for (std::size_t i = 0; i < track.records().size(); ++i) {
        const scene::TrackRecord& r = track.records()[i];
        if (!std::isfinite(r.value))
            continue;
        FootprintRecord record = footprintOnGrid(track.footprintOutline(i), inputs.grid);
        if (record.pixels.empty())
            continue;
        record.value = r.value;
        // Products without a sigma get the typical nadir-altimeter freeboard error.
        record.sigma = std::isfinite(r.sigma) && r.sigma > 0.0f ? r.sigma : 0.1f;
        record.surface = r.surface;
        record.track = index;
        record.centre = r.position;
        inputs.records.push_back(std::move(record));
    }
}

} // namespace

void updateFreeboardPrior(ModelInputs& inputs)
{
    inputs.freeboardPrior.release();
    inputs.freeboardSarTerm.release();
    if (inputs.records.size() < kMinimumPriorRecords)
        return;
    const std::vector<PointSample> samples = recordSamples(inputs);
    inputs.freeboardPrior = ordinaryKriging(samples, fitVariogram(samples), {inputs.width(), inputs.height()}, kPriorStep);
    cv::Mat1f withSar;
    {
        const cv::Mat1f brightness = leeFilteredDb(inputs.primaryDb, inputs.sarLooks);
        withSar = regressionKriging(samples, footprintMeans(brightness, inputs.records), brightness, kPriorStep);
    }
    // No surface floats below the sea: the line, extrapolated to calm water
    // darker than any record's footprint, would put it there. In place: on
    // a 10 000² grid each map is 400 MB.
    cv::max(withSar, 0.0, withSar);
    withSar -= inputs.freeboardPrior;
    inputs.freeboardSarTerm = withSar;
}

ModelInputs cropModelInputs(const ModelInputs& inputs, const cv::Rect& window)
{
    if (window.empty() || (window & cv::Rect(0, 0, inputs.width(), inputs.height())) != window)
        throw std::invalid_argument("the window to crop is not inside the grid");
    const scene::AnalysisGrid& g = inputs.grid;
    ModelInputs out;
    out.grid = scene::AnalysisGrid(g.epsg(), g.originX() + window.x * g.pixelSize(), g.originY() - window.y * g.pixelSize(), g.pixelSize(),
                                   window.width, window.height);
    const auto cut = [&window](const auto& map) { return map.empty() ? map : map(window).clone(); };
    out.primaryDb = cut(inputs.primaryDb);
    out.secondaryDb = cut(inputs.secondaryDb);
    out.sarLooks = inputs.sarLooks;
    out.pairedPrimaryDb = cut(inputs.pairedPrimaryDb);
    for (const SarLook& look : inputs.looks)
        out.looks.push_back({look.name, cut(look.primaryDb), cut(look.secondaryDb)});
    out.pairedLook = inputs.pairedLook;
    for (const ConcentrationSource& source : inputs.concentrations)
        out.concentrations.push_back({source.name, cut(source.values), cut(source.cell), source.cells});
    out.opticalLabel = cut(inputs.opticalLabel);
    out.opticalConfidence = cut(inputs.opticalConfidence);
    out.userLabels = cut(inputs.userLabels);
    out.freeboardPrior = cut(inputs.freeboardPrior);
    out.freeboardSarTerm = cut(inputs.freeboardSarTerm);
    out.trackNames = inputs.trackNames;
    out.driftCompensated = inputs.driftCompensated;
    out.notes = inputs.notes;
    const int width = inputs.width();
    for (const FootprintRecord& record : inputs.records) {
        FootprintRecord inside = record;
        bool whole = true;
        for (int& pixel : inside.pixels) {
            const cv::Point p(pixel % width, pixel / width);
            whole = whole && window.contains(p);
            pixel = (p.y - window.y) * window.width + (p.x - window.x);
        }
        if (whole)
            out.records.push_back(std::move(inside));
    }
    return out;
}

std::vector<float> footprintMeans(const cv::Mat1f& map, const std::vector<FootprintRecord>& records)
{
    std::vector<float> means;
    means.reserve(records.size());
    for (const FootprintRecord& r : records) {
        double sum = 0.0;
        double weight = 0.0;
        for (std::size_t k = 0; k < r.pixels.size(); ++k) {
            const float v = map.begin()[r.pixels[k]];
            if (std::isfinite(v)) {
                sum += r.weights[k] * v;
                weight += r.weights[k];
            }
        }
        means.push_back(weight > 0.0 ? static_cast<float>(sum / weight) : std::nanf(""));
    }
    return means;
}

std::vector<PointSample> recordSamples(const ModelInputs& inputs)
{
    std::vector<PointSample> samples;
    for (const FootprintRecord& r : inputs.records) {
        double col = 0.0;
        double row = 0.0;
        inputs.grid.mapToPixel(r.centre, col, row);
        samples.push_back({col, row, r.value});
    }
    return samples;
}

FootprintRecord footprintOnGrid(const scene::MapPolygon& outline, const scene::AnalysisGrid& grid)
{
    FootprintRecord record;
    std::vector<cv::Point2d> corners;
    double cx = 0.0;
    double cy = 0.0;
    for (const scene::MapPoint& p : outline) {
        double col = 0.0;
        double row = 0.0;
        grid.mapToPixel(p, col, row);
        corners.emplace_back(col, row);
        cx += col / static_cast<double>(outline.size());
        cy += row / static_cast<double>(outline.size());
    }
    double left = cx, right = cx, top = cy, bottom = cy;
    for (const cv::Point2d& p : corners) {
        left = std::min(left, p.x);
        right = std::max(right, p.x);
        top = std::min(top, p.y);
        bottom = std::max(bottom, p.y);
    }
    const cv::Rect bounds(static_cast<int>(std::floor(left)), static_cast<int>(std::floor(top)),
                          static_cast<int>(std::ceil(right)) - static_cast<int>(std::floor(left)) + 1,
                          static_cast<int>(std::ceil(bottom)) - static_cast<int>(std::floor(top)) + 1);
    cv::Mat1b inside(bounds.size(), static_cast<unsigned char>(0));
    std::vector<cv::Point> local;
    for (const cv::Point2d& p : corners)
        local.emplace_back(cvRound(p.x - bounds.x - 0.5), cvRound(p.y - bounds.y - 0.5));
    if (!local.empty())
        cv::fillConvexPoly(inside, local, 1);
    // A footprint smaller than a pixel still covers the pixel of its centre.
    inside(std::clamp(static_cast<int>(std::floor(cy)) - bounds.y, 0, bounds.height - 1),
           std::clamp(static_cast<int>(std::floor(cx)) - bounds.x, 0, bounds.width - 1)) = 1;
    for (int r = 0; r < inside.rows; ++r)
        for (int c = 0; c < inside.cols; ++c) {
            const int col = bounds.x + c;
            const int row = bounds.y + r;
            if (inside(r, c) && col >= 0 && row >= 0 && col < grid.width() && row < grid.height())
                record.pixels.push_back(row * grid.width() + col);
        }
    record.weights.assign(record.pixels.size(), record.pixels.empty() ? 0.0f : 1.0f / static_cast<float>(record.pixels.size()));
    return record;
}

bool usesLayer(InputUse use, scene::LayerKind kind, Quantity quantity)
{
    if (use == InputUse::Training)
        return true;
    return (kind == scene::LayerKind::Raster && quantity == Quantity::Sigma0)
           || (kind == scene::LayerKind::Track && quantity == Quantity::Freeboard);
}

int ModelInputs::concentrationCells() const
{
    int cells = 0;
    for (const ConcentrationSource& source : concentrations)
        cells += source.cells;
    return cells;
}

ModelInputs gatherModelInputs(const scene::Scene& scene, scene::Feedback* feedback, InputUse use)
{
    ModelInputs inputs;
    inputs.grid = scene.grid();
    std::shared_ptr<const scene::RasterLayer> primary;
    std::vector<std::shared_ptr<const scene::RasterLayer>> concentrations;
    std::shared_ptr<const scene::RasterLayer> optical;
    std::vector<std::shared_ptr<const scene::TrackLayer>> tracks;
    for (const auto& layer : scene.layers()) {
        const Quantity quantity = layer->info().quantity;
        if (!usesLayer(use, layer->kind(), quantity))
            continue;
        if (auto track = std::dynamic_pointer_cast<const scene::TrackLayer>(layer); track && quantity == Quantity::Freeboard) {
            tracks.push_back(track);
            continue;
        }
        const auto raster = asRaster(layer);
        if (!raster)
            continue;
        if (quantity == Quantity::Sigma0 && !primary)
            primary = raster;
        else if (quantity == Quantity::SeaIceConcentration && !scene::isCompensatedName(layer->name()))
            concentrations.push_back(raster); // every source, once (a drift-compensated twin is the same source)
        else if (quantity == Quantity::Reflectance && !optical)
            optical = raster;
    }
    if (!primary) {
        const auto& layers = scene.layers();
        const bool shownFromPyramids = std::any_of(layers.begin(), layers.end(), [](const auto& layer) {
            return layer->kind() == scene::LayerKind::Pyramid && layer->info().quantity == Quantity::Sigma0;
        });
        if (shownFromPyramids)
            throw scene::SceneError("", "the scene \"" + scene.name() + "\" is too large to hold (" + std::to_string(scene.grid().width()) + " x "
                                            + std::to_string(scene.grid().height())
                                            + " cells) and is shown from its pyramids: map it with banquise-cli predict or batch, "
                                              "which stream it, and open the prediction's maps");
        throw scene::SceneError("", "the models need a SAR sigma0 layer and the scene \"" + scene.name() + "\" has none");
    }
    inputs.primaryDb = decibelsOf(*primary);
    if (const auto looks = scene::sentinel1EquivalentLooks(primary->info().sourceFile))
        inputs.sarLooks = *looks;
    else
        inputs.notes.push_back("equivalent number of looks of " + primary->info().sourceFile + " unknown: the Lee baseline assumes EW GRDM's "
                               + std::to_string(kEwGrdmLooks).substr(0, 4));
    if (const auto secondary = crossPolarisedOf(scene, *primary))
        inputs.secondaryDb = decibelsOf(*secondary);
    else
        inputs.notes.push_back("no cross-polarised SAR: the second input channel is zero");

    for (const auto& concentration : concentrations) {
        ConcentrationSource source;
        source.name = concentration->name();
        source.values = cv::Mat1f(inputs.height(), inputs.width());
        std::copy(concentration->band(0).begin(), concentration->band(0).end(), source.values.begin());
        source.values /= 100.0f; // percent
        source.cells = labelCells(source.values, source.cell);
        inputs.concentrations.push_back(std::move(source));
    }
    if (concentrations.size() > 1) {
        std::string names;
        for (const auto& source : inputs.concentrations)
            names += (names.empty() ? "" : ", ") + source.name;
        inputs.notes.push_back("weak supervision by " + std::to_string(concentrations.size()) + " concentration sources, each on its own cells: "
                               + names);
    }
    if (concentrations.empty() && use == InputUse::Training) {
        inputs.notes.push_back("no sea-ice concentration: segmentation learns from optical and altimeter labels only");
    }

    std::unique_ptr<const scene::SceneDrift> drift;
    try {
        drift = std::make_unique<const scene::SceneDrift>(scene, feedback);
        inputs.driftCompensated = true;
        const auto paired = use == InputUse::Training
                                ? std::dynamic_pointer_cast<const scene::RasterLayer>(drift->compensation().compensate(drift->second()))
                                : nullptr;
        if (paired)
            inputs.pairedPrimaryDb = decibelsOf(*paired);
    } catch (const scene::SceneError&) {
        inputs.notes.push_back("no second SAR date: tracks and optical image used as acquired, without drift compensation");
    }

    // Observations too far in time from the SAR dates for the drift to
    // bring them back are left out, said in the notes.
    try {
        if (optical && drift)
            opticalLabels(*std::dynamic_pointer_cast<const scene::RasterLayer>(drift->compensation().compensate(*optical)), inputs);
        else if (optical)
            opticalLabels(*optical, inputs);
    } catch (const scene::SceneError& e) {
        inputs.notes.push_back(std::string("optical pseudo-labels left out: ") + e.what());
    }
    // A time series (more than two SAR dates): tracks of every date come back
    // through the drift chain, their footprints widened by its uncertainty,
    // and so do the later dates' SAR images.
    std::unique_ptr<const scene::DriftChain> chain;
    if (drift && scene::sarDates(scene).size() > 2) {
        std::vector<std::string> leftOut;
        chain = std::make_unique<const scene::DriftChain>(scene::estimateDriftChain(scene, feedback, &leftOut));
        for (const auto& date : leftOut)
            inputs.notes.push_back("SAR date left out of the drift chain: " + date);
    }
    const std::unique_ptr<const scene::ChainCompensation> carried =
        chain ? std::make_unique<const scene::ChainCompensation>(*chain, scene.grid()) : nullptr;
    if (carried)
        addSarLooks(scene, *chain, *carried, inputs);
    for (const auto& track : tracks) {
        try {
            addTrack(carried ? *carried->compensate(*track) : drift ? *drift->compensation().compensate(*track) : *track, inputs);
        } catch (const scene::SceneError& e) {
            inputs.notes.push_back("track " + track->name() + " left out: " + e.what());
        }
    }
    updateFreeboardPrior(inputs);
    if (inputs.freeboardPrior.empty())
        inputs.notes.push_back("fewer than three altimeter freeboard records on the grid: no elevation map");
    return inputs;
}

} // namespace banquise::models
