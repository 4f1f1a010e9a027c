#include "scene/Sentinel1Bursts.h"

#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/SafeFiles.h"
#include "scene/SceneError.h"
#include "scene/Sentinel1Calibration.h"
#include "scene/UtcTime.h"

#include <cpl_minixml.h>
#include <cpl_string.h>

#include <algorithm>
#include <complex>
#include <memory>

namespace banquise::scene {

namespace {
std::vector<int> integers(const char* text)
{
    std::vector<int> values;
    const CPLStringList tokens(CSLTokenizeString2(text ? text : "", " ", 0));
    for (int i = 0; i < tokens.size(); ++i)
        values.push_back(atoi(tokens[i]));
    return values;
}

// The file of `folder` whose name starts with `prefix` and holds `key`.
std::string fileWith(const std::string& folder, const std::string& prefix, const std::string& key, const std::string& safe)
{
    const std::string found = safeFileWith(folder, prefix, key);
    if (found.empty())
        throw SceneError(safe, "has no " + folder.substr(safe.size() + 1) + " file for" + key.substr(0, key.size() - 1));
    return found;
}
} // namespace

Sentinel1SwathFiles sentinel1SwathFiles(const std::string& safe, const std::string& swath, const std::string& polarisation)
{
    // ESA's names: s1b-iw1-slc-vv-<start>-<stop>-<orbit>-<datatake>-<n>.tiff/.xml
    const std::string key = "-" + lowerCase(swath) + "-slc-" + lowerCase(polarisation) + "-";
    Sentinel1SwathFiles files;
    files.measurement = fileWith(safe + "/measurement", "s1", key, safe);
    files.annotation = fileWith(safe + "/annotation", "s1", key, safe);
    files.calibration = fileWith(safe + "/annotation/calibration", "calibration-s1", key, safe);
    return files;
}

std::vector<Sentinel1Burst> readSentinel1Bursts(const std::string& annotation)
{
    std::unique_ptr<CPLXMLNode, decltype(&CPLDestroyXMLNode)> root(CPLParseXMLFile(annotation.c_str()), CPLDestroyXMLNode);
    if (!root)
        throw SceneError(annotation, "cannot parse the product annotation XML");
    const CPLXMLNode* timing = CPLGetXMLNode(root.get(), "=product.swathTiming");
    const CPLXMLNode* list = timing ? CPLGetXMLNode(const_cast<CPLXMLNode*>(timing), "burstList") : nullptr;
    const int linesPerBurst = timing ? atoi(CPLGetXMLValue(timing, "linesPerBurst", "0")) : 0;
    if (!list || linesPerBurst <= 0 || atoi(CPLGetXMLValue(list, "count", "0")) == 0)
        throw SceneError(annotation, "has no burst list: not the annotation of a TOPS SLC sub-swath");
    std::vector<Sentinel1Burst> bursts;
    for (const CPLXMLNode* b = list->psChild; b; b = b->psNext) {
        if (b->eType != CXT_Element || !EQUAL(b->pszValue, "burst"))
            continue;
        Sentinel1Burst burst;
        burst.index = static_cast<int>(bursts.size());
        burst.firstLine = burst.index * linesPerBurst;
        burst.lines = linesPerBurst;
        std::string time = CPLGetXMLValue(b, "azimuthTime", "");
        const auto t = parseUtc(time + (time.empty() || time.back() == 'Z' ? "" : "Z"));
        if (!t)
            throw SceneError(annotation, "burst " + std::to_string(burst.index) + " has no azimuth time");
        burst.azimuthTime = *t;
        // Lines whose first valid sample is -1 hold no data.
        const std::vector<int> first = integers(CPLGetXMLValue(b, "firstValidSample", ""));
        const std::vector<int> last = integers(CPLGetXMLValue(b, "lastValidSample", ""));
        int top = -1, bottom = -1, left = INT32_MAX, right = -1;
        for (std::size_t line = 0; line < first.size() && line < last.size(); ++line)
            if (first[line] >= 0 && last[line] >= first[line]) {
                top = top < 0 ? static_cast<int>(line) : top;
                bottom = static_cast<int>(line);
                left = std::min(left, first[line]);
                right = std::max(right, last[line]);
            }
        if (top < 0)
            throw SceneError(annotation, "burst " + std::to_string(burst.index) + " has no valid line");
        burst.valid = cv::Rect(left, burst.firstLine + top, right - left + 1, bottom - top + 1);
        bursts.push_back(burst);
    }
    return bursts;
}

cv::Mat2f readCalibratedBurst(const Sentinel1SwathFiles& files, const Sentinel1Burst& burst, const cv::Rect& window)
{
    GdalSession::ensure();
    const cv::Rect area = window & burst.valid;
    if (area.empty())
        throw SceneError(files.measurement, "the window lies outside the valid samples of burst " + std::to_string(burst.index));
    DatasetPtr image = openDataset(files.measurement);
    if (!image || image->GetRasterCount() < 1)
        throw SceneError(files.measurement, withGdalReason("cannot open the measurement"));
    if (area.x + area.width > image->GetRasterXSize() || area.y + area.height > image->GetRasterYSize())
        throw SceneError(files.measurement, "burst " + std::to_string(burst.index) + " lies beyond the measurement image");
    const Sentinel1Calibration calibration = Sentinel1Calibration::read(files.calibration);
    cv::Mat2f out(area.height, area.width);
    std::vector<std::complex<float>> row(area.width);
    for (int r = 0; r < area.height; ++r) {
        if (image->GetRasterBand(1)->RasterIO(GF_Read, area.x, area.y + r, area.width, 1, row.data(), area.width, 1, GDT_CFloat32, 0, 0)
            != CE_None)
            throw SceneError(files.measurement, withGdalReason("cannot read burst " + std::to_string(burst.index)));
        for (int c = 0; c < area.width; ++c) {
            const double a = calibration.sigmaNought(area.y + r, area.x + c);
            const std::complex<float> z = a > 0.0 ? row[c] / static_cast<float>(a) : std::complex<float>(NAN, NAN);
            out(r, c) = cv::Vec2f(z.real(), z.imag());
        }
    }
    return out;
}

} // namespace banquise::scene
