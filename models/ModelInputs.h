#pragma once

#include "models/SarLooks.h"
#include "scene/AnalysisGrid.h"
#include "scene/Layer.h"
#include "scene/TrackLayer.h" // SurfaceType

#include <opencv2/core/mat.hpp>

#include <string>
#include <vector>

namespace banquise::scene {
class Feedback;
class Scene;
} // namespace banquise::scene

namespace banquise::models {

// One altimeter record as the elevation head sees it: the grid pixels its
// footprint covers (row-major indices) with weights summing to one.
struct PointSample;

struct FootprintRecord {
    std::vector<int> pixels;
    std::vector<float> weights;
    float value = 0.0f; // freeboard, metres
    float sigma = 0.0f; // one-sigma uncertainty, metres
    scene::SurfaceType surface = scene::SurfaceType::Unknown;
    int track = 0;          // index into ModelInputs::trackNames
    scene::MapPoint centre; // at the reference time
};

// What the models read from a co-registered scene, on its analysis grid at
// the reference SAR time. Optional parts are empty when the scene lacks them.
// Sentinel-1 EW GRDM, the mode of operational ice charting.
constexpr double kEwGrdmLooks = 10.7;

// One source of weak supervision by coarse concentration: 0..1 (NaN none)
// and the cell each pixel belongs to (-1 none): connected pixels of one
// coarse value (a radiometer's cells, a chart's polygons).
struct ConcentrationSource {
    std::string name;
    cv::Mat1f values;
    cv::Mat1i cell;
    int cells = 0;
};

struct ModelInputs {
    scene::AnalysisGrid grid;
    cv::Mat1f primaryDb;   // co-polarised sigma0 (HH), dB; NaN where no data
    cv::Mat1f secondaryDb; // cross-polarised sigma0 (HV), dB; optional
    // The primary SAR product's equivalent number of looks (Sentinel-1 GRD
    // table; EW GRDM's, with a note, for a product it does not know).
    double sarLooks = kEwGrdmLooks;
    // The second SAR date's co-polarised sigma0 brought back to the reference
    // time (drift-compensated, nearest neighbour), dB, NaN where unknown;
    // empty without a second date. Its speckle is independent of
    // primaryDb's, so despeckling learns from the pair (SAR2SAR).
    cv::Mat1f pairedPrimaryDb;
    // With more than two SAR dates: later dates brought back to the
    // reference time (addSarLooks), which the network fuses with the
    // reference date. The one that is also pairedPrimaryDb (-1 none) stays
    // out of training's input: it is the despeckling target.
    std::vector<SarLook> looks;
    int pairedLook = -1;
    // Every concentration layer of the scene (AMSR-2, OSI SAF, an ice
    // chart's total concentration): weak supervision, each on its own cells.
    std::vector<ConcentrationSource> concentrations;
    int concentrationCells() const;
    // Uncertain class labels from a drift-compensated optical image
    // (kNoClass where cloudy, shadowed or ambiguous) and their confidence.
    cv::Mat1b opticalLabel;
    cv::Mat1f opticalConfidence;
    // Classes a user labelled (model class indices, kNoClass elsewhere):
    // strong labels for fine-tuning and where training simulates clicks.
    cv::Mat1b userLabels;
    std::vector<FootprintRecord> records;
    // Ordinary kriging of the records (measurement noise filtered): the
    // smooth background the elevation head corrects; empty without records.
    cv::Mat1f freeboardPrior;
    // What the SAR's brightness adds to it: regression kriging of the
    // records on the Lee-filtered co-polarised dB (a robust line fitted on
    // this scene, plus the kriged residuals) minus `freeboardPrior`. The
    // elevation head starts from their sum; the encoder sees the prior
    // alone, so that no SAR-scaled copy of the image reaches the despeckler
    // or the classes. Empty with the prior.
    cv::Mat1f freeboardSarTerm;
    std::vector<std::string> trackNames;
    bool driftCompensated = false;
    // Degraded modes taken, in words ("no second SAR date: tracks not
    // drift-compensated").
    std::vector<std::string> notes;

    int width() const { return grid.width(); }
    int height() const { return grid.height(); }
};

// What the inputs are gathered for. Prediction reads the SAR and the
// kriged altimeter records only: no concentration, optical labels or
// paired SAR date (training terms), which on a 10 000 x 10 000 grid saves
// ~2 GB.
enum class InputUse { Training, Prediction };

// Whether a use reads a layer of this kind and quantity (scene::readScene's
// filter, so that unused layers are not even read).
bool usesLayer(InputUse use, scene::LayerKind kind, scene::Quantity quantity);

// Gathers the inputs from a scene: the first sigma0 layer at the reference
// time (and a second one at that time as cross-polarised), the first
// concentration layer, every freeboard track, the first reflectance layer.
// With two SAR dates, tracks and the optical image are drift-compensated
// to the reference time first. Throws SceneError when there is no SAR.
ModelInputs gatherModelInputs(const scene::Scene& scene, scene::Feedback* feedback = nullptr, InputUse use = InputUse::Training);

// The records' footprint centres as point samples (grid pixel coordinates).
std::vector<PointSample> recordSamples(const ModelInputs& inputs);

// Kriges the records into `freeboardPrior` and `freeboardSarTerm` again
// (after records were taken out or added); empties both with fewer than
// three records.
void updateFreeboardPrior(ModelInputs& inputs);

// The inputs of a window of the grid (inside it), on the window's own grid:
// what refreshing the prediction of the visible region needs. Records keep
// their value when their whole footprint lies inside; the kriged prior is
// the whole scene's, cut. Throws std::invalid_argument when the window is
// not inside the grid.
ModelInputs cropModelInputs(const ModelInputs& inputs, const cv::Rect& window);

// A map's mean over each record's footprint (weights renormalised over its
// finite pixels; NaN when none is): the map as the altimeter would see it.
std::vector<float> footprintMeans(const cv::Mat1f& map, const std::vector<FootprintRecord>& records);

// Pixels of a record's footprint rectangle (the outline, map coordinates) on
// a grid, with equal weights; empty when it misses the grid.
FootprintRecord footprintOnGrid(const scene::MapPolygon& outline, const scene::AnalysisGrid& grid);

} // namespace banquise::models
