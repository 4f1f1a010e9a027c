#include "scene/Sentinel1Calibration.h"

#include "scene/SceneError.h"

#include <cpl_minixml.h>
#include <cpl_string.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace banquise::scene {

namespace {
std::vector<double> numbers(const char* text)
{
    std::vector<double> values;
    const CPLStringList tokens(CSLTokenizeString2(text ? text : "", " ", 0));
    for (int i = 0; i < tokens.size(); ++i)
        values.push_back(CPLAtof(tokens[i]));
    return values;
}

// Index i and weight w so that x lies between axis[i] and axis[i + 1].
void bracket(const std::vector<double>& axis, double x, std::size_t& i, double& w)
{
    if (axis.size() < 2 || x <= axis.front()) {
        i = 0;
        w = 0.0;
        return;
    }
    if (x >= axis.back()) {
        i = axis.size() - 2;
        w = 1.0;
        return;
    }
    i = static_cast<std::size_t>(std::upper_bound(axis.begin(), axis.end(), x) - axis.begin()) - 1;
    w = (x - axis[i]) / (axis[i + 1] - axis[i]);
}
} // namespace

Sentinel1Calibration Sentinel1Calibration::read(const std::string& path)
{
    std::unique_ptr<CPLXMLNode, decltype(&CPLDestroyXMLNode)> root(CPLParseXMLFile(path.c_str()), CPLDestroyXMLNode);
    if (!root)
        throw SceneError(path, "cannot parse calibration annotation XML");
    const CPLXMLNode* list = CPLGetXMLNode(root.get(), "=calibration.calibrationVectorList");
    if (!list)
        throw SceneError(path, "no calibrationVectorList: not a Sentinel-1 calibration annotation");
    Sentinel1Calibration calibration;
    for (const CPLXMLNode* v = list->psChild; v; v = v->psNext) {
        if (v->eType != CXT_Element || !EQUAL(v->pszValue, "calibrationVector"))
            continue;
        const std::vector<double> pixels = numbers(CPLGetXMLValue(v, "pixel", ""));
        const std::vector<double> sigma = numbers(CPLGetXMLValue(v, "sigmaNought", ""));
        if (pixels.empty() || pixels.size() != sigma.size())
            throw SceneError(path, "calibration vector with mismatched pixel and sigmaNought counts");
        if (calibration.m_pixels.empty())
            calibration.m_pixels = pixels;
        else if (pixels != calibration.m_pixels)
            throw SceneError(path, "calibration vectors sample different pixels (not supported)");
        calibration.m_lines.push_back(CPLAtof(CPLGetXMLValue(v, "line", "0")));
        calibration.m_values.push_back(sigma);
    }
    if (calibration.m_lines.empty())
        throw SceneError(path, "calibration annotation has no calibration vector");
    if (!std::is_sorted(calibration.m_lines.begin(), calibration.m_lines.end()))
        throw SceneError(path, "calibration vectors are not in line order");
    return calibration;
}

double Sentinel1Calibration::sigmaNought(double line, double pixel) const
{
    std::size_t l = 0;
    std::size_t p = 0;
    double wl = 0.0;
    double wp = 0.0;
    bracket(m_lines, line, l, wl);
    bracket(m_pixels, pixel, p, wp);
    auto at = [this](std::size_t li, std::size_t pi) {
        return m_values[std::min(li, m_values.size() - 1)][std::min(pi, m_pixels.size() - 1)];
    };
    const double top = (1.0 - wp) * at(l, p) + wp * at(l, p + 1);
    const double bottom = (1.0 - wp) * at(l + 1, p) + wp * at(l + 1, p + 1);
    return (1.0 - wl) * top + wl * bottom;
}

void Sentinel1Calibration::calibrateRow(int line, std::vector<float>& values) const
{
    for (std::size_t c = 0; c < values.size(); ++c) {
        const double a = sigmaNought(line, static_cast<double>(c));
        values[c] = values[c] > 0.0f ? static_cast<float>(values[c] * values[c] / (a * a)) : std::nanf("");
    }
}

} // namespace banquise::scene
