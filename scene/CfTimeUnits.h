#pragma once

#include <optional>
#include <string>

namespace banquise::scene {

// A CF time axis ("hours since 1950-01-01 00:00:00"): seconds per unit and
// the UTC instant (seconds since 1970) of its zero.
struct CfTimeUnits {
    double secondsPerUnit = 1.0;
    double epoch = 0.0;

    double toUtc(double value) const { return epoch + value * secondsPerUnit; }
};

// Nullopt when `units` is not "<seconds|minutes|hours|days> since <date[ time]>"
// (the date as YYYY-MM-DD, the time optional, a "Z" or "UTC" suffix allowed).
std::optional<CfTimeUnits> parseCfTimeUnits(const std::string& units);

} // namespace banquise::scene
