#pragma once

#include <string>

namespace banquise::app {

// The absolute folder of a scene given as its folder or its scene.json:
// how a project names the scene, the same from the GUI and the CLI.
std::string sceneFolderOf(const std::string& path);

} // namespace banquise::app
