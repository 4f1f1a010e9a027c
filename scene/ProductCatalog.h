#pragma once

#include "scene/MapTypes.h"

#include <string>
#include <vector>

namespace banquise::scene {

// One product file (or SAFE folder) recognised on disk.
struct DetectedProduct {
    std::string path;
    std::string kind;     // the reader registry's name for it (kinds/Kinds.h): "sentinel1_safe", "altimeter", "ice_chart", ...
    std::string profile;  // the altimeter sensor profile, when kind is "altimeter"
    std::string sensor;   // "Sentinel-1", "Sentinel-2", "AMSR-2", "CryoSat-2", "SWOT", ...
    std::string detail;   // e.g. "GRD EW HH+HV", "3 bands, EPSG:32607"
    double time = 0.0;    // UTC seconds; 0 when the product does not say
    std::vector<std::string> polarisations; // SAR only
    std::vector<LonLat> footprint; // points on and in the covered area (GCPs, raster lattice); empty when unknown
};

struct Detection {
    std::vector<DetectedProduct> products;
    std::vector<std::string> skipped; // "file: reason"
};

// Walks the given files and folders (folders to a few levels, a SAFE
// folder as one product) and recognises what the reader registry's kinds
// (kinds/ProductKind.h) read: Sentinel-1
// SAFE products (folders or zips) and bare measurement GeoTIFFs, RADARSAT-2
// products (product.xml), Sentinel-2
// L1C/L2A SAFE folders or zips, georeferenced rasters (GeoTIFF, VRT, JP2),
// altimeter netCDF matching a sensor profile, SWOT L2 LR and HR raster
// netCDF, CF sea-ice concentration grids (OSI SAF, NSIDC, ASI netCDF),
// SIGRID-3 ice charts (shapefile, GeoPackage), AI4Arctic scenes, CSV
// tracks, drifting buoys (IABP tables, CF
// trajectory netCDF). Everything else is listed as skipped
// with the reason. A SAFE's manifest.safe or MTD_MSIL*.xml given as a file
// stands for its product. Runs on any thread.
Detection detectProducts(const std::vector<std::string>& paths);

} // namespace banquise::scene
