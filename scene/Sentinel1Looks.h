#pragma once

#include <optional>
#include <string>

namespace banquise::scene {

// The equivalent number of looks of a Sentinel-1 GRD product at its own
// pixel spacing, told from the product name anywhere in `path`
// (S1A_EW_GRDM_1SDH_..., S1B_IW_GRDH_1SDV_...): the theoretical ENL of the
// Sentinel-1 Product Definition (S1-RS-MDA-52-7440, averaged over the
// swaths). nullopt for other products and for GRD classes not tabulated.
std::optional<double> sentinel1EquivalentLooks(const std::string& path);

} // namespace banquise::scene
