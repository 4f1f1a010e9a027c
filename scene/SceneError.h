#pragma once

#include <stdexcept>
#include <string>

namespace banquise::scene {

// Thrown by every reader and writer of scene/: names the file and the reason,
// so the GUI can show it and the CLI can print it before exiting non-zero.
class SceneError : public std::runtime_error {
public:
    SceneError(std::string file, std::string reason)
        : std::runtime_error(file.empty() ? reason : file + ": " + reason),
          m_file(std::move(file)), m_reason(std::move(reason)) {}

    const std::string& file() const { return m_file; }
    const std::string& reason() const { return m_reason; }

private:
    std::string m_file;
    std::string m_reason;
};

} // namespace banquise::scene
