#pragma once

class CPLJSONObject;

namespace banquise::models {
struct RidgeExcess;
}

namespace banquise::models::detail {

// Adds "input_channels" and "normalisation" ({name: {mean, scale}}) of
// Banquise's input channels to a model sidecar; without the SAR term's
// channel for a network that does not read it.
void addInputContract(CPLJSONObject& sidecar, bool readsSarTerm);
// Whether a sidecar's network reads the SAR term of the freeboard prior:
// models saved before it existed list no such channel, and their
// elevation is the kriged prior plus their correction alone.
bool readsSarTerm(const CPLJSONObject& sidecar);

// "ridge_excess_m", "ridge_excess_sigma_m" and "ridge_excess_records": how
// high the ridges of the freeboard output stand above the freeboard prior
// (models/RidgeExcess.h); absent fields read as no estimate.
void addRidgeExcess(CPLJSONObject& sidecar, const RidgeExcess& excess);
RidgeExcess readRidgeExcess(const CPLJSONObject& sidecar);

} // namespace banquise::models::detail
