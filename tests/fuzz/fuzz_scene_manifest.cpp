// A scene folder's scene.json: its header, then every layer it names (here
// missing files or CSV tracks beside it), each refused or read.
#include "FuzzInput.h"

#include "scene/SceneReader.h"

#include <exception>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        const std::string path = banquise::fuzz::writeInput(data, size, "scene.json");
        banquise::scene::readSceneHeader(path);
        banquise::scene::readScene(path);
    } catch (const std::exception&) {
    }
    return 0;
}
