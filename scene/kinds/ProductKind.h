#pragma once

#include "scene/Layer.h"
#include "scene/ProductCatalog.h"
#include "scene/ProductKinds.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

class CPLJSONArray;
class CPLJSONObject;
class GDALDataset;

namespace banquise::scene {

class AnalysisGrid;

// The reader registry: each product kind Banquise reads says, in one entry,
// which files it claims, how it recognises and describes them, where it
// stands among the scene's layers, what it writes into a scene manifest and
// how those manifest entries are read back. The catalogue, scene assembly,
// the scene reader and the Open dialog loop over it (GDAL's driver manager
// and QGIS's provider registry are the model).

enum class Recognition {
    NotThisKind, // the file is another kind's: the next kind that claims it tries
    Recognised,
    Refused      // it is this kind but cannot be read: the reason says why, no other kind tries
};


struct ManifestContext {
    double referenceTime = 0.0; // the scene's: its first SAR date, else its first dated product
    bool hasReference = false;
};

// How a manifest entry with this "product" is read: a raster that GDAL
// opens and readScene warps onto the grid, or a layer read onto the grid by
// the product's own reader (tracks, swaths).
struct ManifestReader {
    std::string product;
    GDALDataset* (*openRaster)(const CPLJSONObject& entry, const std::string& file) = nullptr;
    std::shared_ptr<const Layer> (*readLayer)(const CPLJSONObject& entry, LayerInfo info, const std::string& file,
                                              const AnalysisGrid& grid) = nullptr;
};

struct ProductKind {
    std::string name;                        // DetectedProduct::kind
    std::string label;                       // the Open dialog's line
    std::vector<std::string> dialogPatterns; // file-name wildcards
    // Whether a path could be this kind (by name; cheap): only then is detect called.
    bool (*claims)(const std::filesystem::path& path, bool folder) = nullptr;
    // Fills the product (kind excepted) or gives the reason; a NotThisKind
    // reason is kept as a hint for when no kind recognises the file.
    Recognition (*detect)(const std::filesystem::path& path, DetectedProduct& product, std::string& reason) = nullptr;
    ProductRole (*role)(const DetectedProduct& product) = nullptr;
    void (*addManifestEntries)(const DetectedProduct& product, const ManifestContext& context, CPLJSONArray& layers) = nullptr;
    std::vector<ManifestReader> readers;
};

// In detection order: where two kinds claim a file, the first decides first.
const std::vector<ProductKind>& productKinds();

// Throws SceneError for a name no kind has.
const ProductKind& productKind(const std::string& name);

// The reader of a manifest entry's "product"; null when no kind has it.
const ManifestReader* manifestReader(const std::string& product);

// A manifest layer entry of a detected product: name, layer kind ("raster",
// "track", "swath"), file, sensor, quantity, units, time and resampling;
// kinds add their own keys ("product", "polarisation", ...).
CPLJSONObject manifestEntry(const DetectedProduct& product, const std::string& name, const char* layerKind, const char* quantity,
                            const char* units, const char* resampling);

// " 2024-03-14": the suffix naming a layer by its date.
std::string dateSuffix(double time);

} // namespace banquise::scene
