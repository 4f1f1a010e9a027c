#pragma once

#include <QString>

namespace banquise::app {

// The scene opened when the user names none: the default synthetic scene
// (banquise-cli synth) generated next to the build (build/sample-scene),
// else generated once into the user's cache folder. Throws
// scene::SceneError when it cannot be made.
QString bundledSampleScene();

} // namespace banquise::app
