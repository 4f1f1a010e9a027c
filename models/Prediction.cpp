#include "models/Prediction.h"

#include <opencv2/core.hpp>

#include <stdexcept>

namespace banquise::models {

namespace {

// Calls `visit(a.plane, b.plane)` on every plane of two predictions.
template <class A, class B, class Visit>
void forEachPlane(A& a, B& b, Visit visit)
{
    visit(a.despeckledDb, b.despeckledDb);
    visit(a.classes, b.classes);
    visit(a.probability, b.probability);
    visit(a.entropy, b.entropy);
    visit(a.margin, b.margin);
    visit(a.mutualInformation, b.mutualInformation);
    visit(a.elevation, b.elevation);
    visit(a.elevationStd, b.elevationStd);
}

} // namespace

Prediction allocatePrediction(cv::Size size, bool elevation)
{
    Prediction out;
    forEachPlane(out, out, [&](auto& plane, auto&) { plane.create(size); });
    if (!elevation)
        out.elevation = out.elevationStd = cv::Mat1f();
    return out;
}

Prediction predictionRows(const Prediction& prediction, int first, int count)
{
    Prediction out;
    forEachPlane(out, prediction, [&](auto& band, const auto& plane) {
        if (!plane.empty())
            band = plane.rowRange(first, first + count);
    });
    return out;
}

Prediction collectPrediction(cv::Size size, bool elevation, const std::function<void(const PredictionRowsSink&)>& produce)
{
    Prediction whole = allocatePrediction(size, elevation);
    produce([&whole](int firstRow, const Prediction& rows) {
        forEachPlane(whole, rows, [&](auto& plane, const auto& band) {
            if (!plane.empty())
                band.copyTo(plane.rowRange(firstRow, firstRow + band.rows));
        });
    });
    return whole;
}

void PredictionRowQueue::push(int firstRow, const Prediction& rows)
{
    if (m_rows.rows() == 0) {
        m_firstRow = firstRow;
        forEachPlane(m_rows, rows, [](auto& held, const auto& band) { held = band.clone(); });
        return;
    }
    if (firstRow != endRow())
        throw std::logic_error("prediction rows pushed out of order");
    forEachPlane(m_rows, rows, [](auto& held, const auto& band) {
        if (!held.empty())
            cv::vconcat(held, band, held);
    });
}

Prediction PredictionRowQueue::pop(int count)
{
    const Prediction front = predictionRows(m_rows, 0, count);
    Prediction taken;
    forEachPlane(taken, front, [](auto& out, const auto& band) { out = band.clone(); });
    forEachPlane(m_rows, m_rows, [&](auto& held, auto&) {
        if (!held.empty())
            held = held.rowRange(count, held.rows).clone();
    });
    m_firstRow += count;
    return taken;
}

} // namespace banquise::models
