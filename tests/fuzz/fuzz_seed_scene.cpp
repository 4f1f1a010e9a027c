// Writes the fuzzers' seed scene: a small synthetic scene of every sensor
// (8 km, a TOPS SLC among its SAR products), whose files seed each harness.
#include "scene/synthetic/SyntheticScene.h"

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seed_scene FOLDER\n");
        return 2;
    }
    banquise::scene::synthetic::SynthOptions options;
    options.sizeKm = 8.0;
    options.buoys = 3;
    try {
        banquise::scene::synthetic::writeSyntheticScene(options, argv[1]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fuzz_seed_scene: %s\n", e.what());
        return 1;
    }
    return 0;
}
