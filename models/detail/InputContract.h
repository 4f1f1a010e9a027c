#pragma once

class CPLJSONObject;

namespace banquise::models::detail {

// Adds "input_channels" and "normalisation" ({name: {mean, scale}}) of
// Banquise's input channels to a model sidecar.
void addInputContract(CPLJSONObject& sidecar);

} // namespace banquise::models::detail
