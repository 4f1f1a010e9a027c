#include "models/detail/BatchSampler.h"

#include "models/ModelInputs.h"
#include "models/SeaIceClasses.h"
#include "models/detail/InputChannels.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace banquise::models::detail {

namespace {
constexpr double kBlindSpotFraction = 0.015;
constexpr int kBlindSpotRadius = 2;
} // namespace

void BatchSampler::addPairedTargets(const cv::Rect& crop, int index, Batch& batch) const
{
    const std::size_t plane = static_cast<std::size_t>(crop.area());
    for (int r = 0; r < crop.height; ++r)
        for (int c = 0; c < crop.width; ++c) {
            const float intensity = std::pow(10.0f, m_inputs.pairedPrimaryDb(crop.y + r, crop.x + c) / 10.0f);
            if (!std::isfinite(intensity) || intensity <= 0.0f)
                continue;
            batch.specklePixel.push_back(static_cast<int64_t>(index * plane + r * crop.width + c));
            batch.speckleIntensity.push_back(intensity);
        }
}

void BatchSampler::addBlindSpots(const cv::Rect& crop, int index, float* input, Batch& batch)
{
    const int s = crop.width;
    const std::size_t plane = static_cast<std::size_t>(crop.area());
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_int_distribution<int> offset(-kBlindSpotRadius, kBlindSpotRadius);
    const int spots = static_cast<int>(kBlindSpotFraction * plane);
    for (int i = 0; i < spots; ++i) {
        const int r = static_cast<int>(unit(m_rng) * s);
        const int c = static_cast<int>(unit(m_rng) * s);
        const float intensity = std::pow(10.0f, m_inputs.primaryDb(crop.y + r, crop.x + c) / 10.0f);
        if (!std::isfinite(intensity) || intensity <= 0.0f)
            continue;
        int dr = 0;
        int dc = 0;
        while (dr == 0 && dc == 0) {
            dr = offset(m_rng);
            dc = offset(m_rng);
        }
        const int nr = std::clamp(r + dr, 0, s - 1);
        const int nc = std::clamp(c + dc, 0, s - 1);
        for (int channel = 0; channel < 2; ++channel)
            input[channel * plane + r * s + c] = input[channel * plane + nr * s + nc];
        batch.specklePixel.push_back(static_cast<int64_t>(index * plane + r * s + c));
        batch.speckleIntensity.push_back(intensity);
    }
}

BatchSampler::BatchSampler(const ModelInputs& inputs, int cropSize, unsigned seed)
    : m_inputs(inputs), m_size(std::min({cropSize, inputs.width(), inputs.height()})), m_rng(seed), m_lookRng(seed ^ 0x5eedu)
{
    std::array<double, kClassCount> count{};
    double labelled = 0.0;
    for (const std::uint8_t label : inputs.opticalLabel)
        if (label < kClassCount) {
            ++count[label];
            ++labelled;
        }
    for (int k = 0; k < kClassCount; ++k)
        if (count[k] > 0.0)
            m_classWeight[k] = static_cast<float>(std::clamp(labelled / (kClassCount * count[k]), 0.5, 10.0));
    for (int k = 0; k < static_cast<int>(inputs.looks.size()); ++k)
        if (k != inputs.pairedLook)
            m_inputLooks.push_back(k);
    for (int i = 0; i < static_cast<int>(inputs.userLabels.total()); ++i)
        if (inputs.userLabels(i / inputs.width(), i % inputs.width()) < kClassCount)
            m_userLabelled.push_back(i);
}

Batch BatchSampler::next(int count)
{
    const int s = m_size;
    const int w = m_inputs.width();
    const int h = m_inputs.height();
    const std::size_t plane = static_cast<std::size_t>(s) * s;
    Batch batch;
    batch.count = count;
    batch.size = s;
    batch.looks = m_inputLooks.empty() ? 0 : std::uniform_int_distribution<int>(0, static_cast<int>(m_inputLooks.size()))(m_lookRng);
    const std::size_t channels = inputChannelCount(batch.looks);
    batch.input.resize(count * channels * plane);
    batch.opticalLabel.assign(count * plane, -1);
    batch.opticalConfidence.assign(count * plane, 0.0f);
    batch.userLabel.assign(count * plane, -1);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_int_distribution<int> offset(-kBlindSpotRadius, kBlindSpotRadius);
    for (int b = 0; b < count; ++b) {
        int x = static_cast<int>(unit(m_rng) * (w - s + 1));
        int y = static_cast<int>(unit(m_rng) * (h - s + 1));
        if (!m_inputs.records.empty() && b % 2 == 0) {
            const auto& record = m_inputs.records[static_cast<std::size_t>(unit(m_rng) * m_inputs.records.size())];
            const int centre = record.pixels[record.pixels.size() / 2];
            x = std::clamp(centre % w - s / 2 + static_cast<int>(offset(m_rng) * s / 8), 0, w - s);
            y = std::clamp(centre / w - s / 2 + static_cast<int>(offset(m_rng) * s / 8), 0, h - s);
        } else if (!m_userLabelled.empty()) {
            const int centre = m_userLabelled[static_cast<std::size_t>(unit(m_rng) * m_userLabelled.size())];
            x = std::clamp(centre % w - s / 2 + static_cast<int>(offset(m_rng) * s / 8), 0, w - s);
            y = std::clamp(centre / w - s / 2 + static_cast<int>(offset(m_rng) * s / 8), 0, h - s);
        }
        const cv::Rect crop(x, y, s, s);
        float* input = batch.input.data() + b * channels * plane;
        fillInputChannels(m_inputs, crop, input);
        std::shuffle(m_inputLooks.begin(), m_inputLooks.end(), m_lookRng);
        for (int k = 0; k < batch.looks; ++k)
            fillLookChannels(m_inputs.looks[static_cast<std::size_t>(m_inputLooks[static_cast<std::size_t>(k)])], crop,
                             input + (kInputChannels + kLookChannels * k) * plane);

        if (!m_inputs.pairedPrimaryDb.empty())
            addPairedTargets(crop, b, batch);
        else
            addBlindSpots(crop, b, input, batch);

        // Concentration cells, numbered per crop and source: a cell cut by the
        // crop edge is scored on its part inside, which has its concentration on average.
        for (const ConcentrationSource& source : m_inputs.concentrations) {
            std::unordered_map<int, int64_t> cellOfCrop;
            for (int r = 0; r < s; ++r)
                for (int c = 0; c < s; ++c) {
                    const int cell = source.cell(y + r, x + c);
                    if (cell < 0)
                        continue;
                    auto [it, added] = cellOfCrop.emplace(cell, static_cast<int64_t>(batch.cellConcentration.size()));
                    if (added)
                        batch.cellConcentration.push_back(source.values(y + r, x + c));
                    batch.cellPixel.push_back(static_cast<int64_t>(b * plane + static_cast<std::size_t>(r) * s + c));
                    batch.cellIndex.push_back(it->second);
                }
        }
        for (int r = 0; r < s; ++r)
            for (int c = 0; c < s; ++c) {
                const std::size_t k = b * plane + static_cast<std::size_t>(r) * s + c;
                if (!m_inputs.userLabels.empty() && m_inputs.userLabels(y + r, x + c) < kClassCount)
                    batch.userLabel[k] = m_inputs.userLabels(y + r, x + c);
                if (!m_inputs.opticalLabel.empty() && m_inputs.opticalLabel(y + r, x + c) != kNoClass) {
                    batch.opticalLabel[k] = m_inputs.opticalLabel(y + r, x + c);
                    batch.opticalConfidence[k] =
                        m_inputs.opticalConfidence(y + r, x + c) * m_classWeight[m_inputs.opticalLabel(y + r, x + c)];
                }
            }

        for (const FootprintRecord& record : m_inputs.records) {
            const bool inside = std::all_of(record.pixels.begin(), record.pixels.end(), [&](int p) {
                return crop.contains(cv::Point(p % w, p / w));
            });
            if (!inside)
                continue;
            const auto index = static_cast<int64_t>(batch.recordValue.size());
            for (std::size_t i = 0; i < record.pixels.size(); ++i) {
                const int p = record.pixels[i];
                batch.footprintPixel.push_back(static_cast<int64_t>(b * plane + (p / w - y) * s + (p % w - x)));
                batch.footprintRecord.push_back(index);
                batch.footprintWeight.push_back(record.weights[i]);
            }
            batch.recordValue.push_back(record.value);
            batch.recordSigma.push_back(record.sigma);
        }
    }
    return batch;
}

} // namespace banquise::models::detail
