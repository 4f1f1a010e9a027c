#include "scene/Sigrid3Codes.h"

#include <cmath>

namespace banquise::scene {

double sigrid3Concentration(int code)
{
    if (code == 0 || code == 55)
        return 0.0; // ice free
    if (code == 1)
        return 5.0; // less than 1/10: open water
    if (code == 91)
        return 95.0; // 9+/10
    if (code == 92)
        return 100.0; // 10/10
    if (code < 10 || code >= 98)
        return NAN; // bergy water, undefined, glacier, undetermined
    const int low = code / 10;
    const int high = code % 10 == 1 ? 10 : code % 10; // "x1": up to 10/10
    if (code % 10 == 0)
        return low * 10.0;
    return high > low ? (low + high) * 5.0 : NAN;
}

bool isSigrid3Concentration(int code)
{
    return code == 2 || code == 98 || code == 99 || std::isfinite(sigrid3Concentration(code));
}

bool isSigrid3Stage(int code)
{
    return code == 0 || code == 55 || (code >= 80 && code <= 89) || code == 91 || code == 93 || (code >= 95 && code <= 99);
}

bool isSigrid3Form(int code)
{
    return (code >= 0 && code <= 12) || code == 21 || code == 22 || code == 99;
}

} // namespace banquise::scene
