#pragma once

#include <string>
#include <vector>

namespace banquise::app {

// Command-line arguments after the command name.
using Arguments = std::vector<std::string>;

// Value of "--name X" in args, or fallback.
std::string option(const Arguments& args, const std::string& name, const std::string& fallback);
// Whether a flag without value (e.g. --status) is given.
bool hasFlag(const Arguments& args, const std::string& name);
// Throw std::invalid_argument naming the option when the value is not a number.
long numberOption(const Arguments& args, const std::string& name, long fallback);
double realOption(const Arguments& args, const std::string& name, double fallback);
// Paths given before the first option.
std::vector<std::string> leadingPaths(const Arguments& args);

} // namespace banquise::app
