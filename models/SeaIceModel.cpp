#include "models/SeaIceModel.h"

#include "models/detail/InputChannels.h"
#include "models/detail/InputContract.h"
#include "models/detail/ModelImpl.h"

#include <cpl_json.h> // the sidecar: GDAL's JSON is the one the project already links

#include <filesystem>
#include <map>
#include <stdexcept>

namespace banquise::models {

namespace {
constexpr const char* kFormat = "banquise-sea-ice-model";
constexpr int kFormatVersion = 1;
} // namespace

SeaIceModel::SeaIceModel(const ModelConfig& config, unsigned seed) : m_impl(std::make_unique<Impl>(config, seed)) {}
SeaIceModel::~SeaIceModel() = default;
SeaIceModel::SeaIceModel(SeaIceModel&&) noexcept = default;
SeaIceModel& SeaIceModel::operator=(SeaIceModel&&) noexcept = default;

SeaIceModel SeaIceModel::copy() const
{
    SeaIceModel twin(m_impl->config, 1);
    {
        torch::NoGradGuard noGrad;
        auto parameters = twin.m_impl->net->named_parameters(true);
        for (const auto& p : m_impl->net->named_parameters(true))
            parameters[p.key()].copy_(p.value());
        auto buffers = twin.m_impl->net->named_buffers(true);
        for (const auto& b : m_impl->net->named_buffers(true))
            buffers[b.key()].copy_(b.value());
    }
    twin.m_impl->hasElevation = m_impl->hasElevation;
    twin.m_impl->trainedSteps = m_impl->trainedSteps;
    twin.m_impl->ridgeExcess = m_impl->ridgeExcess;
    twin.m_impl->classOffsets = m_impl->classOffsets;
    twin.m_impl->net->eval();
    return twin;
}

const ModelConfig& SeaIceModel::config() const { return m_impl->config; }
bool SeaIceModel::hasElevation() const { return m_impl->hasElevation; }

std::vector<std::string> SeaIceModel::inputChannels() const
{
    std::vector<std::string> names;
    for (const detail::InputChannel& channel : detail::inputChannels())
        names.push_back(channel.name);
    return names;
}

std::vector<std::string> SeaIceModel::outputs() const
{
    return detail::modelOutputs();
}
const RidgeExcess& SeaIceModel::ridgeExcess() const { return m_impl->ridgeExcess; }

double SeaIceModel::flopsPerPixel(int monteCarloSamples) const
{
    // Each level of the U-Net runs at a quarter of the pixels of the one above.
    const std::map<std::string, double> share{{"enc1", 1.0}, {"dec1", 1.0}, {"enc2", 0.25}, {"dec2", 0.25},
                                              {"enc3", 1.0 / 16}, {"dec3", 1.0 / 16}, {"bottom", 1.0 / 64}};
    double flops = 0.0;
    for (const auto& parameter : m_impl->net->named_parameters()) {
        const torch::Tensor& w = parameter.value();
        if (w.dim() != 4)
            continue; // biases
        const std::string module = parameter.key().substr(0, parameter.key().find('.'));
        if (module.rfind("click", 0) == 0)
            continue; // the click head runs only when there are clicks
        const double macs = static_cast<double>(w.numel());
        const auto level = share.find(module);
        const double repeats = module == "classes" || module == "elevation" ? monteCarloSamples : 1.0;
        flops += 2.0 * macs * (level != share.end() ? level->second : 1.0) * repeats;
    }
    return flops;
}

void SeaIceModel::save(const std::string& path) const
{
    m_impl->net->to(torch::kCPU);
    torch::serialize::OutputArchive archive;
    m_impl->net->save(archive);
    archive.save_to(path);

    CPLJSONObject root;
    root.Add("format", kFormat);
    root.Add("format_version", kFormatVersion);
    root.Add("weights", std::filesystem::path(path).filename().string());
    detail::addInputContract(root, m_impl->net->readsSarTerm());
    CPLJSONArray outputs;
    for (const char* name : {"despeckled_primary (normalised dB)", "class_logits (floe, open lead, refrozen lead)", "freeboard_m (prior + correction; detected ridges: prior + ridge_excess_m)"})
        outputs.Add(name);
    root.Add("outputs", outputs);
    root.Add("base_channels", m_impl->config.baseChannels);
    root.Add("dropout", m_impl->config.dropout);
    root.Add("has_elevation", m_impl->hasElevation);
    root.Add("trained_steps", m_impl->trainedSteps);
    detail::addRidgeExcess(root, m_impl->ridgeExcess);
    if (m_impl->classOffsets) {
        CPLJSONArray offsets; // already in the class layer's biases: a record, and "calibrated"
        for (float v : m_impl->classOffsets->logit)
            offsets.Add(v);
        root.Add("class_logit_offsets", offsets);
    }
    CPLJSONDocument document;
    document.SetRoot(root);
    if (!document.Save(path + ".json"))
        throw std::runtime_error(path + ".json: cannot write the model sidecar");
}

SeaIceModel SeaIceModel::load(const std::string& path)
{
    CPLJSONDocument document;
    if (!std::filesystem::exists(path + ".json") || !document.Load(path + ".json"))
        throw std::runtime_error(path + ": no readable sidecar " + path + ".json");
    const CPLJSONObject root = document.GetRoot();
    if (root.GetString("format") != kFormat)
        throw std::runtime_error(path + ": not a Banquise sea-ice model (format \"" + root.GetString("format") + "\")");
    if (root.GetInteger("format_version") > kFormatVersion)
        throw std::runtime_error(path + ": written by a newer Banquise (format version " + std::to_string(root.GetInteger("format_version")) + ")");
    ModelConfig config;
    config.baseChannels = root.GetInteger("base_channels", config.baseChannels);
    config.dropout = root.GetDouble("dropout", config.dropout);
    SeaIceModel model(config);
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path);
        model.m_impl->net->load(archive);
        model.m_impl->net->useChannelsLast();
        model.m_impl->net->setReadsSarTerm(detail::readsSarTerm(root));
    } catch (const c10::Error& e) {
        throw std::runtime_error(path + ": cannot read the weights (" + e.what_without_backtrace() + ")");
    }
    model.m_impl->hasElevation = root.GetBool("has_elevation", false);
    model.m_impl->trainedSteps = root.GetInteger("trained_steps", 0);
    model.m_impl->ridgeExcess = detail::readRidgeExcess(root);
    if (const CPLJSONArray offsets = root.GetArray("class_logit_offsets"); offsets.IsValid() && offsets.Size() == kClassCount) {
        ClassOffsets read;
        for (int k = 0; k < kClassCount; ++k)
            read.logit[k] = static_cast<float>(offsets[k].ToDouble());
        model.m_impl->classOffsets = read;
    }
    model.m_impl->net->eval();
    return model;
}

} // namespace banquise::models
