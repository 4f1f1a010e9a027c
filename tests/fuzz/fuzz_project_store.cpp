// A project file (SQLite): opened read-only as the trainer does, then every
// scene, annotation, model version and active-learning round read back.
#include "FuzzInput.h"

#include "labeling/ProjectStore.h"

#include <cstdio>
#include <exception>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = banquise::fuzz::writeInput(data, size, "study.banquise");
    for (const char* leftover : {"-journal", "-wal", "-shm"})
        std::remove((path + leftover).c_str()); // the previous input's
    try {
        const banquise::labeling::ProjectStore store(path, banquise::labeling::ProjectStore::Access::ReadOnly);
        for (const auto& scene : store.scenes())
            store.annotations(scene.id);
        store.modelVersions();
        store.activeLearningRounds(1);
    } catch (const std::exception&) {
    }
    return 0;
}
