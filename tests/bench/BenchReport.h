#pragma once

#include <sys/resource.h>

#include <chrono>
#include <cstdio>

namespace banquise::bench {

// One line per figure, read by scripts/bench.
inline void report(const char* figure, double value)
{
    std::printf("BENCH %s %.6g\n", figure, value);
    std::fflush(stdout);
}

inline double peakResidentMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0; // ru_maxrss is in KiB on Linux
}

class Stopwatch {
public:
    double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count(); }

private:
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

} // namespace banquise::bench
