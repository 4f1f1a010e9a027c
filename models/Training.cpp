// SeaIceModel::train: batches from the sampler, the weighted losses, Adam,
// checkpoints. The one training loop of the CLI, the GUI and the tests.
#include "models/ClassCalibration.h"
#include "models/ModelInputs.h"
#include "models/SeaIceClasses.h"
#include "models/detail/BatchSampler.h"
#include "models/detail/ClickSimulation.h"
#include "models/detail/Losses.h"
#include "models/detail/ModelImpl.h"
#include "scene/Feedback.h"
#include "scene/SceneError.h"

#include <cmath>
#include <filesystem>

namespace banquise::models {

namespace {

using detail::Batch;

constexpr int kMaxNonFiniteSteps = 20;
// Rare batches (a crop full of bright ridges under a track) give gradient
// spikes that Adam turns into a jump of the weights; clipping keeps steps sane.
constexpr double kMaxGradientNorm = 5.0;

// Cosine decay of the learning rate over the run (Loshchilov & Hutter,
// SGDR): full rate at first, a twentieth at the end. Without it, Adam at a
// constant rate let the demo scene's training blow up after ~1 150 steps
// (every loss x 10^5 in one step, docs/benchmarks.md).
constexpr double kFinalRateFraction = 0.05;
// Every 4th pixel of rows and columns: 390 000 pixels of the demo scene for
// the class calibration, plenty for fractions of ~2 %.
constexpr int kCalibrationStride = 4;

double learningRateAt(int step, int steps, double initial)
{
    const double progress = steps > 1 ? static_cast<double>(step) / (steps - 1) : 1.0;
    constexpr double kPi = 3.14159265358979323846;
    return initial * (kFinalRateFraction + (1.0 - kFinalRateFraction) * 0.5 * (1.0 + std::cos(kPi * progress)));
}

void setLearningRate(torch::optim::Adam& optimiser, double rate)
{
    for (auto& group : optimiser.param_groups())
        static_cast<torch::optim::AdamOptions&>(group.options()).lr(rate);
}

torch::Tensor longTensor(const std::vector<int64_t>& v, torch::Device device)
{
    return torch::from_blob(const_cast<int64_t*>(v.data()), {static_cast<int64_t>(v.size())}, torch::kInt64).clone().to(device);
}

torch::Tensor floatTensor(const std::vector<float>& v, torch::Device device)
{
    return torch::from_blob(const_cast<float*>(v.data()), {static_cast<int64_t>(v.size())}, torch::kFloat32).clone().to(device);
}

struct StepLosses {
    torch::Tensor total;
    TrainingProgress values;
};

StepLosses losses(detail::FloeNet& net, const Batch& batch, const LossWeights& weights, torch::Device device, std::mt19937& rng)
{
    const int64_t n = batch.count;
    const int64_t s = batch.size;
    const auto input = torch::from_blob(const_cast<float*>(batch.input.data()), {n, detail::inputChannelCount(batch.looks), s, s})
                           .to(device)
                           .contiguous(torch::MemoryFormat::ChannelsLast); // as the weights (FloeNet::useChannelsLast)
    const auto scene = input.narrow(1, 0, detail::kSceneChannels);
    const detail::NetFeatures features = net->features(input);
    // The weak-supervision terms train the click-free prediction (the
    // batch's click maps are empty); the click and user terms the
    // prediction given clicks where the click-free one is wrong, as a user
    // would click.
    const detail::HeadOutputs out = net->heads(features, input, true);
    std::vector<int64_t> predicted(static_cast<std::size_t>(n * s * s));
    const auto classes = out.logits.detach().argmax(1).to(torch::kCPU).contiguous();
    std::copy_n(classes.data_ptr<int64_t>(), predicted.size(), predicted.begin());
    detail::SimulatedClicks clicks = detail::simulateClicks(batch, predicted, rng);
    // The click head learns on the segmentation's features as they are: click
    // training leaves the click-free prediction alone.
    // Cloned: backward() runs after `clicks` is gone and reads these maps.
    const auto clickMaps = torch::from_blob(clicks.maps.data(), {n, kClassCount, s, s}).clone().to(device);
    const auto clicked = net->refineLogits(out.logits.detach(), features.quarter.detach(), clickMaps);
    const auto probability = torch::softmax(out.logits, 1);
    const auto elevation = out.elevation.squeeze(1);

    const auto concentration = detail::concentrationLoss(probability.select(1, kFloe) + probability.select(1, kRefrozenLead),
                                                         longTensor(batch.cellPixel, device), longTensor(batch.cellIndex, device),
                                                         floatTensor(batch.cellConcentration, device));
    const auto optical = detail::pseudoLabelLoss(out.logits, longTensor(batch.opticalLabel, device).reshape({n, s, s}),
                                                 floatTensor(batch.opticalConfidence, device).reshape({n, s, s}));
    const auto altimeter = detail::footprintLoss(elevation, longTensor(batch.footprintPixel, device), longTensor(batch.footprintRecord, device),
                                                 floatTensor(batch.footprintWeight, device), floatTensor(batch.recordValue, device),
                                                 floatTensor(batch.recordSigma, device));
    const auto seaLevel = detail::seaLevelLoss(probability.select(1, kOpenLead), elevation);
    // The despeckling head predicts normalised dB; the likelihood wants natural-log reflectivity.
    // Clamped to -130..+20 dB so that exp(-r) cannot overflow on a wild early prediction.
    const auto logReflectivity = ((out.despeckled.reshape({-1}).index_select(0, longTensor(batch.specklePixel, device)) * detail::kScaleDb
                                   + detail::kPrimaryMeanDb) * (std::log(10.0) / 10.0)).clamp(-30.0, 4.6);
    const auto speckle = detail::speckleLoss(logReflectivity, floatTensor(batch.speckleIntensity, device));
    const auto entropy = detail::entropyLoss(out.logits);
    const auto correction = detail::correctionPrior(out.correction);
    // Near a click its class; far from clicks the click-free prediction.
    const auto nearClicks = floatTensor(clicks.weight, device).reshape({n, s, s});
    const auto click = detail::pseudoLabelLoss(clicked, longTensor(clicks.target, device).reshape({n, s, s}), nearClicks)
        + detail::pseudoLabelLoss(clicked, classes.to(device), 0.2 * (1.0 - nearClicks));
    const auto userLabels = longTensor(batch.userLabel, device).reshape({n, s, s});
    const auto everyPixel = torch::ones({n, s, s}, scene.options());
    const auto user = 0.5 * (detail::pseudoLabelLoss(out.logits, userLabels, everyPixel) + detail::pseudoLabelLoss(clicked, userLabels, everyPixel));

    StepLosses result;
    result.total = weights.concentration * concentration + weights.optical * optical + weights.altimeter * altimeter
        + weights.seaLevel * seaLevel + weights.speckle * speckle + weights.entropy * entropy
        + weights.correction * correction + weights.click * click + weights.user * user;
    result.values.total = result.total.item<double>();
    result.values.concentration = concentration.item<double>();
    result.values.optical = optical.item<double>();
    result.values.altimeter = altimeter.item<double>();
    result.values.seaLevel = seaLevel.item<double>();
    result.values.speckle = speckle.item<double>();
    return result;
}

void saveCheckpoint(const std::string& path, detail::FloeNet& net, torch::optim::Adam& optimiser, int step)
{
    torch::serialize::OutputArchive archive;
    torch::serialize::OutputArchive netArchive;
    net->save(netArchive);
    archive.write("net", netArchive);
    torch::serialize::OutputArchive optimiserArchive;
    optimiser.save(optimiserArchive);
    archive.write("optimiser", optimiserArchive);
    archive.write("step", torch::tensor(static_cast<int64_t>(step)));
    const std::string staging = path + ".partial";
    archive.save_to(staging);
    std::filesystem::rename(staging, path); // a crash mid-write keeps the previous checkpoint
}

int loadCheckpoint(const std::string& path, detail::FloeNet& net, torch::optim::Adam& optimiser)
{
    torch::serialize::InputArchive archive;
    archive.load_from(path);
    torch::serialize::InputArchive netArchive;
    archive.read("net", netArchive);
    net->load(netArchive);
    torch::serialize::InputArchive optimiserArchive;
    archive.read("optimiser", optimiserArchive);
    optimiser.load(optimiserArchive);
    torch::Tensor step;
    archive.read("step", step);
    return static_cast<int>(step.item<int64_t>());
}

} // namespace

void SeaIceModel::train(const ModelInputs& inputs, const TrainingOptions& options,
                        const std::function<void(const TrainingProgress&)>& progress, scene::Feedback* feedback)
{
    if (inputs.concentrations.empty() && inputs.opticalLabel.empty() && inputs.userLabels.empty())
        throw scene::SceneError("", "training needs a sea-ice concentration layer, an optical image or labels: the scene has none");
    const torch::Device device = computeDevice();
    detail::FloeNet& net = m_impl->net;
    net->to(device);
    net->train();
    torch::optim::Adam optimiser(net->parameters(), torch::optim::AdamOptions(options.learningRate));
    int first = 0;
    try {
        if (!options.checkpointPath.empty() && std::filesystem::exists(options.checkpointPath))
            first = loadCheckpoint(options.checkpointPath, net, optimiser);
    } catch (const c10::Error& e) {
        throw scene::SceneError(options.checkpointPath, std::string("is not a checkpoint of this model (") + e.what_without_backtrace() + ")");
    }
    torch::manual_seed(options.seed + static_cast<unsigned>(first));
    detail::BatchSampler sampler(inputs, options.cropSize, options.seed + static_cast<unsigned>(first));
    std::mt19937 clickRng(options.seed * 7919u + static_cast<unsigned>(first));
    int nonFinite = 0;
    for (int step = first; step < options.steps; ++step) {
        if (feedback && feedback->isCancelled())
            throw scene::SceneError("", "training cancelled");
        setLearningRate(optimiser, learningRateAt(step, options.steps, options.learningRate));
        const Batch batch = sampler.next(options.batchSize);
        StepLosses step_losses = losses(net, batch, options.weights, device, clickRng);
        optimiser.zero_grad();
        // A batch whose loss is not finite is skipped rather than allowed to
        // poison the weights; many in a row mean training diverged.
        if (!std::isfinite(step_losses.values.total)) {
            if (++nonFinite > kMaxNonFiniteSteps)
                throw scene::SceneError("", "training diverged: the loss stayed non-finite for " + std::to_string(nonFinite) + " steps");
            continue;
        }
        nonFinite = 0;
        step_losses.total.backward();
        torch::nn::utils::clip_grad_norm_(net->parameters(), kMaxGradientNorm);
        optimiser.step();
        step_losses.values.step = step + 1;
        step_losses.values.steps = options.steps;
        if (progress)
            progress(step_losses.values);
        if (feedback)
            feedback->setProgress(static_cast<double>(step + 1) / options.steps, "training");
        if (!options.checkpointPath.empty() && ((step + 1) % options.checkpointEvery == 0 || step + 1 == options.steps))
            saveCheckpoint(options.checkpointPath, net, optimiser, step + 1);
    }
    m_impl->hasElevation = m_impl->hasElevation || !inputs.records.empty();
    m_impl->trainedSteps = std::max(m_impl->trainedSteps, options.steps);
    net->eval();
    if (!m_impl->classOffsets) {
        m_impl->classOffsets = fitClassFractions(sampleClassLogits(net, inputs, kCalibrationStride));
        net->shiftClassBiases(*m_impl->classOffsets);
    }
    if (!m_impl->ridgeExcess.known() && !inputs.records.empty() && !inputs.freeboardPrior.empty()) {
        PredictionOptions despecklingOnly;
        despecklingOnly.monteCarloSamples = 1;
        const Prediction maps = predict(inputs, despecklingOnly, feedback);
        m_impl->ridgeExcess = estimateRidgeExcess(detectRidges(maps.despeckledDb, maps.classes), inputs.freeboardPrior, inputs.records);
    }
}

} // namespace banquise::models
