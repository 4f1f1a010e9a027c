// A CSV track table (lat, lon, time, value, sigma, surface_type) through
// the reader registry's csv_track reader, as a scene.json names it.
#include "FuzzInput.h"

#include "scene/AnalysisGrid.h"
#include "scene/kinds/ProductKind.h"

#include <cpl_json.h>

#include <exception>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace banquise::scene;
    static const AnalysisGrid grid(3413, -1650000.0, 165000.0, 40.0, 2500, 2500);
    static const ManifestReader* reader = [] {
        for (const ProductKind& kind : productKinds())
            for (const ManifestReader& r : kind.readers)
                if (r.product == "csv_track")
                    return &r;
        return static_cast<const ManifestReader*>(nullptr);
    }();
    try {
        LayerInfo info{"track", "CryoSat-2", "m", Quantity::Freeboard, 0.0, "track.csv"};
        reader->readLayer(CPLJSONObject(), info, banquise::fuzz::writeInput(data, size, "track.csv"), grid);
    } catch (const std::exception&) {
    }
    return 0;
}
