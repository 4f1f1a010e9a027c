#include "models/ComputeDevice.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

namespace banquise::models {

namespace {

// OMP_NUM_THREADS is the convention every numerical library honours (a
// cluster job, or a test runner that runs one process per core, sets it).
int requestedThreads()
{
    if (const char* text = std::getenv("OMP_NUM_THREADS")) {
        char* end = nullptr;
        const long value = std::strtol(text, &end, 10);
        if (end != text && *end == '\0' && value > 0)
            return static_cast<int>(value);
    }
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

} // namespace

ComputeDevice configureComputeDevice()
{
    ComputeDevice device;
    device.threads = requestedThreads();
    torch::set_num_threads(device.threads);
    device.cuda = torch::cuda::is_available();
    device.description = device.cuda ? "CUDA (" + std::to_string(torch::cuda::device_count()) + " device(s))"
                                     : "CPU, " + std::to_string(torch::get_num_threads()) + " threads";
    return device;
}

double selfTest(const ComputeDevice& device)
{
    const torch::Device where = device.cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    // A permutation matrix times a known matrix: the exact product is known.
    const auto values = torch::arange(64, torch::kFloat32).reshape({8, 8}).to(where);
    const auto reversal = torch::eye(8, torch::kFloat32).flip({0}).to(where);
    const auto product = torch::matmul(reversal, values);
    const auto expected = values.flip({0});
    return (product - expected).abs().max().item<double>();
}

double measurePeakGflops(const ComputeDevice& device)
{
    const torch::Device where = device.cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    constexpr int64_t n = 2048;
    const auto a = torch::rand({n, n}, torch::TensorOptions().device(where));
    const auto b = torch::rand({n, n}, torch::TensorOptions().device(where));
    auto c = torch::matmul(a, b); // warm-up
    constexpr int kRepeats = 5;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kRepeats; ++i)
        c = torch::matmul(a, b);
    c.sum().item<float>(); // waits for the device
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return 2.0 * n * n * n * kRepeats / seconds / 1e9;
}

} // namespace banquise::models
