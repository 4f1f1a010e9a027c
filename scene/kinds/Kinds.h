#pragma once

#include "scene/kinds/ProductKind.h"

// The entries of the reader registry, by family (one file each); the
// registry (ProductKind.cpp) orders them.
namespace banquise::scene {

// SarKinds.cpp
ProductKind sentinel1SafeKind();
ProductKind sentinel1MeasurementKind();
ProductKind radarsat2Kind();
ProductKind rcmKind();

// ImageKinds.cpp
ProductKind sentinel2SafeKind();
ProductKind georeferencedRasterKind();

// NetCdfKinds.cpp
ProductKind ai4ArcticKind();
ProductKind swotHrRasterKind();
ProductKind concentrationGridKind();
ProductKind swotSwathKind();
ProductKind altimeterKind();

// TableKinds.cpp
ProductKind buoysKind();
ProductKind csvTrackKind();
ProductKind iceChartKind();

} // namespace banquise::scene
