#pragma once

#include "scene/ProductCatalog.h"

#include <string>
#include <vector>

namespace banquise::scene {

// A product's role among the scene's layers, in the views' display order
// (SAR first; the 2 x 2 grid shows the first four) and for choosing the grid
// (the earliest SAR's footprint). Band: one band of an optical product.
enum class ProductRole { Sar, Optical, Concentration, Swath, Image, Band, Other };

// The role its kind gives a detected product; throws SceneError for a kind
// the registry does not have.
ProductRole productRole(const DetectedProduct& product);

// What the Open dialog offers: one line per product kind Banquise reads.
struct ProductFileFilter {
    std::string label;                 // "Sentinel-1 SAFE"
    std::vector<std::string> patterns; // "manifest.safe", "S1*.zip"
};

// Every kind of the reader registry (kinds/ProductKind.h), in detection order.
std::vector<ProductFileFilter> productFileFilters();

} // namespace banquise::scene
