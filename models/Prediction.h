#pragma once

#include <opencv2/core/mat.hpp>

#include <functional>

namespace banquise::models {

// The model's maps on the analysis grid (or on a band of its rows); NaN
// (kNoClass) where the SAR has no data.
struct Prediction {
    cv::Mat1f despeckledDb;     // sigma0 HH, dB
    cv::Mat1b classes;          // SeaIceClass
    cv::Mat1f probability;      // of the class given, 0..1 (mean of the MC samples)
    cv::Mat1f entropy;          // predictive class entropy, nats
    cv::Mat1f margin;           // best minus second-best class probability
    cv::Mat1f mutualInformation; // BALD: entropy minus the samples' mean entropy, nats
    cv::Mat1f elevation;        // freeboard, metres (empty when the model has no elevation)
    cv::Mat1f elevationStd;     // MC-dropout standard deviation, metres

    int rows() const { return classes.rows; }
    bool hasElevation() const { return !elevation.empty(); }
};

struct PredictionOptions {
    // 256 px: on this 2-core CPU the network runs 2.6 times faster on 256²
    // tiles than on 512² (they stay in cache), overlaps included, with the
    // same maps to three decimals (demo scene, eighteenth session).
    int tileSize = 256;
    int overlap = 64;       // pixels shared by neighbouring tiles, blended
    int monteCarloSamples = 16;
};

// Uninitialised maps of `size`, with elevation planes when asked.
Prediction allocatePrediction(cv::Size size, bool elevation);

// Rows [first, first + count) of a prediction, sharing its data.
Prediction predictionRows(const Prediction& prediction, int first, int count);

// Tiled inference hands its maps over band by band, top to bottom, so that a
// grid of any size streams to disk without being held whole: `rows` holds
// grid rows [firstRow, firstRow + rows.rows()). The bands are only valid
// during the call.
using PredictionRowsSink = std::function<void(int firstRow, const Prediction& rows)>;

// The bands a producer streams (it calls the sink it is given) gathered into
// one prediction of `size`.
Prediction collectPrediction(cv::Size size, bool elevation, const std::function<void(const PredictionRowsSink&)>& produce);

// Consecutive bands held until a consumer can use them (one that needs rows
// below a band before it finishes it, or whole blocks of rows).
class PredictionRowQueue {
public:
    // Appends rows (copied) right below those held.
    void push(int firstRow, const Prediction& rows);
    int firstRow() const { return m_firstRow; }
    int rows() const { return m_rows.rows(); }
    int endRow() const { return m_firstRow + rows(); }
    // The first `count` rows held, removed from the queue.
    Prediction pop(int count);
    const Prediction& held() const { return m_rows; }

private:
    int m_firstRow = 0;
    Prediction m_rows;
};

} // namespace banquise::models
