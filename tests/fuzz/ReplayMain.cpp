// Runs a fuzz harness over files and folders of inputs without libFuzzer:
// the regression tests of every finding and the seed corpora, under CTest
// with the project's own compiler.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

int replay(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    return 1;
}

} // namespace

// replay [--pattern REGEX] FILE|FOLDER...: folders are walked, and only the
// files whose name matches REGEX (every file without it) are replayed.
int main(int argc, char** argv)
{
    namespace fs = std::filesystem;
    int first = 1;
    std::regex pattern(".*");
    if (argc > 2 && std::string(argv[1]) == "--pattern") {
        pattern = std::regex(argv[2]);
        first = 3;
    }
    int inputs = 0;
    for (int i = first; i < argc; ++i) {
        if (!fs::exists(argv[i])) {
            std::fprintf(stderr, "%s: no such input\n", argv[i]);
            return 2;
        }
        if (fs::is_directory(argv[i])) {
            for (const auto& entry : fs::recursive_directory_iterator(argv[i]))
                if (entry.is_regular_file() && std::regex_match(entry.path().filename().string(), pattern))
                    inputs += replay(entry.path());
        } else if (std::regex_match(fs::path(argv[i]).filename().string(), pattern)) {
            inputs += replay(argv[i]);
        }
    }
    std::printf("replayed %d input(s)\n", inputs);
    return inputs > 0 ? 0 : 2;
}
