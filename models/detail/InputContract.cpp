#include "models/detail/InputContract.h"

#include "models/RidgeExcess.h"
#include "models/detail/InputChannels.h"

#include <cpl_json.h>

namespace banquise::models::detail {

void addInputContract(CPLJSONObject& sidecar, bool readsSarTerm)
{
    CPLJSONArray channels;
    CPLJSONObject normalisation;
    for (const InputChannel& channel : inputChannels()) {
        if (channel.index == kSarTermChannel && !readsSarTerm)
            continue;
        channels.Add(channel.name);
        CPLJSONObject norm;
        norm.Add("mean", channel.mean);
        norm.Add("scale", channel.scale);
        normalisation.Add(channel.name, norm);
    }
    sidecar.Add("input_channels", channels);
    sidecar.Add("normalisation", normalisation);
}

bool readsSarTerm(const CPLJSONObject& sidecar)
{
    const std::string name = inputChannels()[kSarTermChannel].name;
    for (const CPLJSONObject& channel : sidecar.GetArray("input_channels"))
        if (channel.ToString() == name)
            return true;
    return false;
}

void addRidgeExcess(CPLJSONObject& sidecar, const RidgeExcess& excess)
{
    sidecar.Add("ridge_excess_m", excess.metres);
    sidecar.Add("ridge_excess_sigma_m", excess.sigma);
    sidecar.Add("ridge_excess_records", excess.records);
}

RidgeExcess readRidgeExcess(const CPLJSONObject& sidecar)
{
    return {sidecar.GetDouble("ridge_excess_m", 0.0), sidecar.GetDouble("ridge_excess_sigma_m", 0.0),
            sidecar.GetInteger("ridge_excess_records", 0)};
}

} // namespace banquise::models::detail
