#include "models/ComputeDevice.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
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

PeakGflops measurePeakGflops(const ComputeDevice& device)
{
    torch::NoGradGuard noGrad;
    const auto options = torch::TensorOptions().device(device.cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU));
    // Best of a few timed runs after a warm-up, GFLOP/s.
    const auto best = [](double flops, const std::function<torch::Tensor()>& run) {
        run().sum().item<float>();
        double fastest = 1e300;
        for (int i = 0; i < 3; ++i) {
            const auto start = std::chrono::steady_clock::now();
            run().sum().item<float>(); // waits for the device
            fastest = std::min(fastest, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
        return flops / fastest / 1e9;
    };
    constexpr int64_t n = 2048;
    const auto a = torch::rand({n, n}, options);
    const auto b = torch::rand({n, n}, options);
    PeakGflops peak;
    peak.matmul = best(2.0 * n * n * n, [&] { return torch::matmul(a, b); });
    constexpr int64_t channels = 64, side = 256, batch = 4;
    const auto x = torch::rand({batch, channels, side, side}, options);
    const auto w = torch::rand({channels, channels, 3, 3}, options);
    peak.convolution = best(2.0 * batch * channels * channels * 9 * side * side, [&] { return torch::conv2d(x, w, {}, 1, 1); });
    return peak;
}

} // namespace banquise::models
