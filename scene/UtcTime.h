#pragma once

#include <optional>
#include <string>

namespace banquise::scene {

// UTC instants as seconds since 1970-01-01T00:00:00Z, read and written as
// ISO-8601 ("2026-03-14T09:26:53Z", fractional seconds allowed on input).
std::optional<double> parseUtc(const std::string& iso);
std::string formatUtc(double secondsSinceEpoch);

} // namespace banquise::scene
