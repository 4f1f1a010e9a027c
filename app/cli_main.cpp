// banquise-cli: the headless entry point. Same library calls as the GUI.
#include "app/SceneSummary.h"
#include "models/ComputeDevice.h"
#include "scene/SampleScene.h"
#include "scene/SceneReader.h"
#include "scene/SceneWriter.h"

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

using namespace banquise;

namespace {

using Arguments = std::vector<std::string>;

const char* kUsage =
    "usage: banquise-cli <command> [options]\n"
    "commands:\n"
    "  info SCENE                      describe a scene folder: grid, layers, times, value ranges\n"
    "  sample --out DIR [--seed N] [--size PIXELS] [--pixel-size M]\n"
    "                                  write the bundled sample scene\n"
    "  device                          show the compute device and run a self-test\n";

// Value of "--name X" in args, or fallback.
std::string option(const Arguments& args, const std::string& name, const std::string& fallback)
{
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == name)
            return args[i + 1];
    return fallback;
}

long numberOption(const Arguments& args, const std::string& name, long fallback)
{
    const std::string text = option(args, name, std::to_string(fallback));
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (!end || *end != '\0')
        throw std::invalid_argument(name + " expects an integer, got '" + text + "'");
    return value;
}

int info(const Arguments& args)
{
    if (args.empty())
        throw std::invalid_argument("info needs a scene folder");
    std::fputs(app::sceneSummary(scene::readScene(args.front())).c_str(), stdout);
    return 0;
}

int sample(const Arguments& args)
{
    const std::string out = option(args, "--out", "");
    if (out.empty())
        throw std::invalid_argument("sample needs --out DIR");
    scene::SampleSceneOptions options;
    options.seed = static_cast<unsigned>(numberOption(args, "--seed", options.seed));
    options.sizePixels = static_cast<int>(numberOption(args, "--size", options.sizePixels));
    options.pixelSize = static_cast<double>(numberOption(args, "--pixel-size", static_cast<long>(options.pixelSize)));
    scene::writeScene(scene::makeSampleScene(options), out);
    std::printf("sample scene written to %s\n", out.c_str());
    return 0;
}

int device(const Arguments&)
{
    const models::ComputeDevice d = models::configureComputeDevice();
    const double error = models::selfTest(d);
    std::printf("device     %s\nself-test  max error %.3g (%s)\n", d.description.c_str(), error, error == 0.0 ? "ok" : "FAILED");
    return error == 0.0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    const std::map<std::string, std::function<int(const Arguments&)>> commands{
        {"info", info}, {"sample", sample}, {"device", device}};
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const auto command = commands.find(argv[1]);
    if (command == commands.end()) {
        std::fprintf(stderr, "banquise-cli: unknown command '%s'\n%s", argv[1], kUsage);
        return 2;
    }
    try {
        return command->second(Arguments(argv + 2, argv + argc));
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "banquise-cli: %s\n%s", e.what(), kUsage);
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "banquise-cli: %s\n", e.what());
        return 1;
    }
}
