#pragma once

#include <QString>

namespace banquise::app {

// The scene opened when the user names none: the one generated next to the
// build (build/sample-scene), else one generated once into the user's cache
// folder. Throws scene::SceneError when it cannot be made.
QString bundledSampleScene();

} // namespace banquise::app
