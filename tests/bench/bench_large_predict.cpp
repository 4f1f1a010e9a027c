// Inference over a 10 000 x 10 000 grid as a user runs it: `banquise-cli
// predict` on the large synthetic scene, in a process of its own so that its
// peak resident memory is that of the prediction alone (issue #5: within
// 4 GB). One MC sample: the memory does not depend on it, the time does.
#include "BenchReport.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

// Runs the command with its output in `log`; its exit status and peak RSS (MB).
int runMeasured(std::vector<std::string> command, const std::string& log, double& peakMegabytes)
{
    const pid_t child = fork();
    if (child == 0) {
        if (!std::freopen(log.c_str(), "w", stdout))
            _exit(127);
        std::vector<char*> argv;
        for (std::string& word : command)
            argv.push_back(word.data());
        argv.push_back(nullptr);
        execv(argv.front(), argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (child < 0 || wait4(child, &status, 0, &usage) != child)
        return -1;
    peakMegabytes = usage.ru_maxrss / 1024.0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The seconds and Mpx/s the CLI prints on its "predicted" line.
bool readPredictedLine(const std::string& log, double& seconds, double& megapixelsPerSecond)
{
    FILE* file = std::fopen(log.c_str(), "r");
    if (!file)
        return false;
    char line[1024];
    bool found = false;
    while (std::fgets(line, sizeof line, file))
        found = found || std::sscanf(line, "predicted %lf s, %lf Mpx/s", &seconds, &megapixelsPerSecond) == 2;
    std::fclose(file);
    return found;
}

} // namespace

using namespace banquise;

int main(int argc, char** argv)
{
    if (argc != 5) {
        std::fprintf(stderr, "usage: bench_large_predict BANQUISE_CLI SCENE MODEL OUT_DIR\n");
        return 2;
    }
    const std::string out = argv[4];
    const std::string log = out + ".log";
    double peak = 0.0;
    const bench::Stopwatch wall;
    const int status = runMeasured({argv[1], "predict", argv[2], "--model", argv[3], "--out", out, "--mc", "1", "--evaluate", "no"}, log, peak);
    const double wallSeconds = wall.seconds();
    double seconds = 0.0;
    double rate = 0.0;
    if (status != 0 || !readPredictedLine(log, seconds, rate)) {
        std::fprintf(stderr, "bench_large_predict: banquise-cli predict failed (status %d), see %s\n", status, log.c_str());
        return 1;
    }
    bench::report("infer_10k_peak_mb", peak);
    bench::report("infer_10k_s", wallSeconds); // reading the scene, kriging, predicting, writing
    bench::report("infer_10k_predict_s", seconds);
    bench::report("infer_10k_mpx_per_s", rate);
    return 0;
}
