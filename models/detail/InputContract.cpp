#include "models/detail/InputContract.h"

#include "models/detail/InputChannels.h"

#include <cpl_json.h>

namespace banquise::models::detail {

void addInputContract(CPLJSONObject& sidecar)
{
    CPLJSONArray channels;
    CPLJSONObject normalisation;
    for (const InputChannel& channel : inputChannels()) {
        channels.Add(channel.name);
        CPLJSONObject norm;
        norm.Add("mean", channel.mean);
        norm.Add("scale", channel.scale);
        normalisation.Add(channel.name, norm);
    }
    sidecar.Add("input_channels", channels);
    sidecar.Add("normalisation", normalisation);
}

} // namespace banquise::models::detail
