#pragma once

#include <random>
#include <string>

namespace banquise::scene {
class AnalysisGrid;
}

namespace banquise::scene::synthetic {

class DriftField;
struct SynthOptions;

// Writes `options.buoys` drifting buoys as IABP publishes them (one table,
// BuoyID, Year, Hour, Min, DOY, POS_DOY, Lat, Lon, BP, Ta, Ts; longitudes
// 0..360 as in some IABP files; no meteorology, -999): dropped at random in
// the inner four fifths of the grid at the reference time, they ride the
// truth drift and report hourly from half a day before the first SAR date
// to half a day after the second, with GPS noise. Returns the file's path
// relative to `folder`.
std::string writeSimulatedBuoys(const std::string& folder, const AnalysisGrid& grid, const DriftField& drift, double referenceTime,
                                double secondTime, const SynthOptions& options, std::mt19937& rng);

} // namespace banquise::scene::synthetic
