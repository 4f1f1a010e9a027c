#include "models/TorchScriptModel.h"

#include "models/ModelInputs.h"
#include "models/SeaIceClasses.h"
#include "models/detail/InputContract.h"
#include "models/detail/ModelImpl.h"
#include "models/detail/TileSamples.h"
#include "models/detail/TiledPrediction.h"

#include <torch/script.h>

#include <cpl_json.h> // the sidecar, as for SeaIceModel

#include <algorithm>
#include <map>
#include <sstream>
#include <stdexcept>

namespace banquise::models {

namespace {

constexpr const char* kFormat = "banquise-torchscript";

// Banquise's input channels by name.
const detail::InputChannel* findChannel(const std::string& name)
{
    for (const detail::InputChannel& channel : detail::inputChannels())
        if (name == channel.name)
            return &channel;
    return nullptr;
}

std::string parameterName(const std::string& key)
{
    std::string name = key;
    std::replace(name.begin(), name.end(), '.', '_');
    return name;
}

} // namespace

struct TorchScriptModel::Impl {
    std::string path;
    torch::jit::script::Module module;
    std::vector<std::string> channels;
    std::vector<std::pair<float, float>> normalisation; // mean, scale per channel
    std::vector<std::string> outputs;
    bool mcDropout = false;
    bool freeboardTrained = true;
    RidgeExcess ridgeExcess;

    // Named outputs of one forward pass.
    std::map<std::string, torch::Tensor> run(const torch::Tensor& input, bool sample)
    {
        std::vector<torch::jit::IValue> arguments{input};
        if (mcDropout)
            arguments.emplace_back(sample);
        const torch::jit::IValue result = module.forward(arguments);
        std::vector<torch::Tensor> tensors;
        if (result.isTuple())
            for (const auto& element : result.toTuple()->elements())
                tensors.push_back(element.toTensor());
        else
            tensors.push_back(result.toTensor());
        if (tensors.size() != outputs.size())
            throw std::runtime_error(path + ": forward() returns " + std::to_string(tensors.size()) + " tensors, the sidecar names "
                                     + std::to_string(outputs.size()));
        std::map<std::string, torch::Tensor> named;
        for (std::size_t i = 0; i < tensors.size(); ++i)
            named[outputs[i]] = tensors[i];
        return named;
    }

    // The model's input for a tile: Banquise's channels renormalised to the sidecar's.
    torch::Tensor input(const ModelInputs& inputs, const cv::Rect& tile) const
    {
        std::vector<float> ours(static_cast<std::size_t>(detail::kInputChannels) * tile.area());
        detail::fillInputChannels(inputs, tile, ours.data());
        const auto all = torch::from_blob(ours.data(), {detail::kInputChannels, tile.height, tile.width});
        std::vector<torch::Tensor> planes;
        for (std::size_t k = 0; k < channels.size(); ++k) {
            const detail::InputChannel& known = *findChannel(channels[k]);
            const auto raw = all[known.index] * known.scale + known.mean;
            planes.push_back((raw - normalisation[k].first) / normalisation[k].second);
        }
        return torch::stack(planes).unsqueeze(0);
    }
};

TorchScriptModel::TorchScriptModel(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
TorchScriptModel::~TorchScriptModel() = default;
TorchScriptModel::TorchScriptModel(TorchScriptModel&&) noexcept = default;
TorchScriptModel& TorchScriptModel::operator=(TorchScriptModel&&) noexcept = default;

std::vector<std::string> TorchScriptModel::inputChannels() const
{
    return m_impl->channels;
}

std::vector<std::string> TorchScriptModel::outputs() const
{
    return m_impl->outputs;
}

bool TorchScriptModel::hasElevation() const
{
    return m_impl->freeboardTrained && std::find(m_impl->outputs.begin(), m_impl->outputs.end(), "freeboard_m") != m_impl->outputs.end();
}

TorchScriptModel TorchScriptModel::load(const std::string& path)
{
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    CPLJSONDocument sidecar;
    if (!sidecar.Load(path + ".json"))
        throw std::runtime_error(path + ": no readable sidecar " + path + ".json");
    const CPLJSONObject root = sidecar.GetRoot();
    if (root.GetString("format") != kFormat)
        throw std::runtime_error(path + ".json: not a Banquise TorchScript sidecar (format \"" + root.GetString("format") + "\")");
    for (const CPLJSONObject& name : root.GetArray("input_channels")) {
        const std::string channel = name.ToString();
        if (!findChannel(channel))
            throw std::runtime_error(path + ".json: input channel \"" + channel + "\" is not one Banquise can provide");
        const CPLJSONObject norm = root.GetObj("normalisation").GetObj(channel);
        const float scale = static_cast<float>(norm.GetDouble("scale", 1.0));
        if (!(scale != 0.0f))
            throw std::runtime_error(path + ".json: zero scale for input channel \"" + channel + "\"");
        impl->channels.push_back(channel);
        impl->normalisation.emplace_back(static_cast<float>(norm.GetDouble("mean", 0.0)), scale);
    }
    for (const CPLJSONObject& name : root.GetArray("outputs")) {
        const std::string output = name.ToString();
        if (std::find(detail::modelOutputs().begin(), detail::modelOutputs().end(), output) == detail::modelOutputs().end())
            throw std::runtime_error(path + ".json: output \"" + output + "\" is not one Banquise reads");
        impl->outputs.push_back(output);
    }
    if (impl->channels.empty() || std::find(impl->outputs.begin(), impl->outputs.end(), "class_logits") == impl->outputs.end())
        throw std::runtime_error(path + ".json: the contract needs input channels and a class_logits output");
    impl->mcDropout = root.GetBool("mc_dropout", false);
    impl->freeboardTrained = root.GetBool("freeboard_trained", true);
    impl->ridgeExcess = detail::readRidgeExcess(root);
    torch::Tensor logits;
    try {
        impl->module = torch::jit::load(path);
        impl->module.eval();
        // The contract is checked on a small input now, not on the first tile.
        torch::NoGradGuard noGrad;
        logits = impl->run(torch::zeros({1, static_cast<int64_t>(impl->channels.size()), 64, 64}), false).at("class_logits");
    } catch (const std::exception& e) { // c10::Error, and the script interpreter's runtime errors
        const std::string reason = e.what();
        throw std::runtime_error(path + ": the TorchScript model does not run on the input its sidecar describes ("
                                 + reason.substr(0, reason.find('\n')) + ")");
    }
    if (logits.dim() != 4 || logits.size(1) != kClassCount || logits.size(2) != 64 || logits.size(3) != 64)
        throw std::runtime_error(path + ": class_logits must be 1 x 3 x H x W for a 1 x C x H x W input");
    return TorchScriptModel(std::move(impl));
}

Prediction TorchScriptModel::predict(const ModelInputs& inputs, const PredictionOptions& options, scene::Feedback* feedback) const
{
    return collectPrediction(cv::Size(inputs.width(), inputs.height()), hasElevation(),
                             [&](const PredictionRowsSink& sink) { predictRows(inputs, options, sink, feedback); });
}

void TorchScriptModel::predictRows(const ModelInputs& inputs, const PredictionOptions& options, const PredictionRowsSink& sink,
                                   scene::Feedback* feedback) const
{
    torch::NoGradGuard noGrad;
    const torch::Device device = computeDevice();
    m_impl->module.to(device);
    const int samples = m_impl->mcDropout ? std::max(1, options.monteCarloSamples) : 1;
    const auto runTile = [&](const cv::Rect& tile) {
        const auto input = m_impl->input(inputs, tile).to(device);
        detail::TileSamples tileSamples(tile.height, tile.width, input.options());
        torch::Tensor despeckled;
        for (int s = 0; s < samples; ++s) {
            auto out = m_impl->run(input, samples > 1);
            tileSamples.add(out.at("class_logits"), out.count("freeboard_m") ? out.at("freeboard_m") : torch::Tensor());
            if (s == 0 && out.count("despeckled_primary_db"))
                despeckled = out.at("despeckled_primary_db").squeeze(0).squeeze(0);
        }
        return tileSamples.finish(despeckled);
    };
    detail::predictTiled(inputs, options, feedback, hasElevation(), runTile,
                         raisingDetectedRidges(inputs.freeboardPrior, m_impl->ridgeExcess, sink));
}

void exportTorchScript(const SeaIceModel& model, const std::string& path)
{
    const SeaIceModel::Impl& impl = *model.m_impl;
    torch::jit::Module module("BanquiseFloeNet");
    for (const auto& parameter : impl.net->named_parameters())
        module.register_parameter(parameterName(parameter.key()), parameter.value().detach().to(torch::kCPU).clone(), false);
    // The network of detail::FloeNet written out in TorchScript.
    auto block = [](const std::string& in, const char* name) {
        std::ostringstream s;
        s << "self.block(" << in << ", self." << name << "_0_weight, self." << name << "_0_bias, self." << name << "_2_weight, self."
          << name << "_2_bias)";
        return s.str();
    };
    std::ostringstream source;
    source << "def block(self, x: Tensor, w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor) -> Tensor:\n"
              "    x = torch.leaky_relu(torch.conv2d(x, w1, b1, [1, 1], [1, 1]), 0.1)\n"
              "    return torch.leaky_relu(torch.conv2d(x, w2, b2, [1, 1], [1, 1]), 0.1)\n"
              "\n"
              "def up(self, x: Tensor, like: Tensor) -> Tensor:\n"
              "    return torch.upsample_bilinear2d(x, [like.size(2), like.size(3)], False, None, None)\n"
              "\n"
              "def forward(self, x: Tensor, sample: bool) -> Tuple[Tensor, Tensor, Tensor]:\n"
           << "    e1 = " << block("x.narrow(1, 0, " + std::to_string(detail::kSceneChannels) + ")", "enc1") << "\n"
           << "    e2 = " << block("torch.max_pool2d(e1, [2, 2])", "enc2") << "\n"
           << "    e3 = " << block("torch.max_pool2d(e2, [2, 2])", "enc3") << "\n"
           << "    b = " << block("torch.max_pool2d(e3, [2, 2])", "bottom") << "\n"
           << "    d3 = " << block("torch.cat([self.up(b, e3), e3], 1)", "dec3") << "\n"
           << "    d2 = " << block("torch.cat([self.up(d3, e2), e2], 1)", "dec2") << "\n"
           << "    f = " << block("torch.cat([self.up(d2, e1), e1], 1)", "dec1") << "\n"
           << "    despeckled = torch.conv2d(f, self.despeckle_weight, self.despeckle_bias, [1, 1], [1, 1]) * " << detail::kScaleDb
           << " + " << detail::kPrimaryMeanDb << "\n"
           << "    dropped = torch.dropout(f, " << impl.config.dropout << ", sample)\n"
           << "    logits = torch.conv2d(dropped, self.classes_weight, self.classes_bias, [1, 1], [1, 1])\n"
           << "    clicks = x.narrow(1, " << detail::kFirstClickChannel << ", " << kClassCount << ")\n"
           << "    if bool(clicks.ne(0).any()):\n"
           << "        quarter = [d3.size(2), d3.size(3)]\n"
           << "        marks = torch.adaptive_max_pool2d(torch.relu(clicks), quarter)[0] - "
              "torch.adaptive_max_pool2d(torch.relu(-clicks), quarter)[0]\n"
           << "        h = torch.cat([d3, marks, torch.adaptive_avg_pool2d(logits, quarter)], 1)\n";
    for (std::size_t i = 0; i < detail::kClickDilations.size(); ++i) {
        const int d = detail::kClickDilations[i];
        source << "        h = torch.leaky_relu(torch.conv2d(h, self.click" << i + 1 << "_weight, self.click" << i + 1 << "_bias, [1, 1], ["
               << d << ", " << d << "], [" << d << ", " << d << "]), 0.1)\n";
    }
    const int reach = detail::kClickReachCells;
    source << "        near = torch.avg_pool2d(torch.max_pool2d(torch.amax(marks.abs(), [1], True), [" << 2 * reach + 1 << ", "
           << 2 * reach + 1 << "], [1, 1], [" << reach << ", " << reach << "]), [5, 5], [1, 1], [2, 2], False, False)\n"
           << "        logits = logits + self.up(torch.conv2d(h, self.clickout_weight, self.clickout_bias) * near, logits)"
              " + torch.conv2d(clicks, self.clicklocal_weight, None, [1, 1], [1, 1])\n"
           << "    prior = x.narrow(1, " << detail::kPriorChannel << ", 1)\n";
    if (impl.net->readsSarTerm())
        source << "    prior = prior + x.narrow(1, " << detail::kSarTermChannel << ", 1)\n";
    source << "    prior = prior * " << detail::kFreeboardScale << " + " << detail::kFreeboardMean << "\n"
           << "    elevation = torch.relu(prior + torch.conv2d(dropped, self.elevation_weight, self.elevation_bias, [1, 1], [1, 1]))\n"
           << "    return despeckled, logits, elevation\n";
    try {
        module.define(source.str());
        module.save(path);
    } catch (const c10::Error& e) {
        throw std::runtime_error(path + ": cannot write the TorchScript model (" + e.what_without_backtrace() + ")");
    }

    CPLJSONObject root;
    root.Add("format", kFormat);
    detail::addInputContract(root, impl.net->readsSarTerm());
    CPLJSONArray outputs;
    for (const std::string& name : detail::modelOutputs())
        outputs.Add(name);
    root.Add("outputs", outputs);
    root.Add("freeboard_trained", impl.hasElevation);
    root.Add("mc_dropout", true);
    detail::addRidgeExcess(root, impl.ridgeExcess);
    CPLJSONDocument document;
    document.SetRoot(root);
    if (!document.Save(path + ".json"))
        throw std::runtime_error(path + ".json: cannot write the sidecar");
}

} // namespace banquise::models
