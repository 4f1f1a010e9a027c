#pragma once

#include <stdexcept>
#include <string>

namespace banquise::labeling {

// Thrown by the project store: names the project file and the reason (not a
// Banquise project, newer schema, read-only, disk full, ...), so the GUI can
// show it and keep running, and the CLI can exit non-zero with it.
class ProjectError : public std::runtime_error {
public:
    ProjectError(std::string file, std::string reason)
        : std::runtime_error(file + ": " + reason), m_file(std::move(file)), m_reason(std::move(reason)) {}

    const std::string& file() const { return m_file; }
    const std::string& reason() const { return m_reason; }

private:
    std::string m_file;
    std::string m_reason;
};

} // namespace banquise::labeling
