#include "models/SarLooks.h"

#include "models/ModelInputs.h"
#include "models/SarLayers.h"
#include "scene/ChainCompensation.h"
#include "scene/DriftChain.h"
#include "scene/RasterLayer.h"
#include "scene/Scene.h"
#include "scene/SceneError.h"

#include <cmath>

namespace banquise::models {

namespace {

bool inChain(const scene::DriftChain& chain, double time)
{
    for (int k = 0; k < chain.dates(); ++k)
        if (std::abs(chain.time(k) - time) < 1.0)
            return true;
    return false;
}

} // namespace

void addSarLooks(const scene::Scene& scene, const scene::DriftChain& chain, const scene::ChainCompensation& compensation,
                 ModelInputs& inputs)
{
    const auto dates = scene::sarDates(scene);
    for (std::size_t d = 1; d < dates.size() && static_cast<int>(inputs.looks.size()) < kMaxSarLooks; ++d) {
        const scene::RasterLayer& primary = *dates[d];
        if (!inChain(chain, primary.info().time))
            continue; // left out of the chain, said there
        try {
            SarLook look;
            look.name = primary.name();
            look.primaryDb = decibelsOf(*compensation.compensate(primary));
            if (const auto secondary = crossPolarisedOf(scene, primary))
                look.secondaryDb = decibelsOf(*compensation.compensate(*secondary));
            if (d == 1 && !inputs.pairedPrimaryDb.empty())
                inputs.pairedLook = static_cast<int>(inputs.looks.size());
            inputs.looks.push_back(std::move(look));
        } catch (const scene::SceneError& e) {
            inputs.notes.push_back("SAR date " + primary.name() + " not read beside the reference date: " + e.what());
        }
    }
}

} // namespace banquise::models
