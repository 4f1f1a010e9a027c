#pragma once

// Names shared by SceneReader and SceneWriter for the scene.json manifest.
namespace banquise::scene::manifest {

inline constexpr const char* kFileName = "scene.json";
inline constexpr const char* kFormat = "banquise-scene";
inline constexpr int kVersion = 1;

} // namespace banquise::scene::manifest
