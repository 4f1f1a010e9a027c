#pragma once

#include <string>

namespace banquise::models {

// Where inference and training run: CUDA when LibTorch was built with it and
// a device is present, else every CPU core.
struct ComputeDevice {
    bool cuda = false;
    int threads = 1;
    std::string description; // e.g. "CPU, 2 threads" or "CUDA: <name>"
};

// Sets LibTorch's intra-op thread count to OMP_NUM_THREADS when it is set,
// else to the machine's cores, and reports the device. Call once at start-up.
ComputeDevice configureComputeDevice();

// Runs a small matrix product on the device and returns the largest absolute
// error against the exact result: proves the runtime works end to end.
double selfTest(const ComputeDevice& device);

// The device's practical peak in GFLOP/s, single precision, each timed
// after a warm-up: a 2048² matrix product (through the system BLAS) and a
// 64-channel 3 × 3 convolution on 256² (through oneDNN on a CPU); the peak
// is the better of the two, since either library alone can be far below
// what the processor does (Debian's reference BLAS: ~3 GFLOP/s here).
struct PeakGflops {
    double matmul = 0.0;
    double convolution = 0.0;
    double best() const { return matmul > convolution ? matmul : convolution; }
};
PeakGflops measurePeakGflops(const ComputeDevice& device);

} // namespace banquise::models
