#include "models/SeaIceClasses.h"

namespace banquise::models {

const char* className(int index)
{
    switch (index) {
    case kFloe: return "floe";
    case kOpenLead: return "open lead";
    case kRefrozenLead: return "refrozen lead";
    default: return "none";
    }
}

} // namespace banquise::models
