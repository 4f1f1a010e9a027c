#pragma once

namespace banquise::scene {

// Registers GDAL's drivers once per process and routes CPL errors so that
// readers can turn them into SceneError instead of printing to stderr.
class GdalSession {
public:
    static void ensure();
    // The last CPL error message of this thread, or "" (then reset).
    static const char* lastError();
};

} // namespace banquise::scene
