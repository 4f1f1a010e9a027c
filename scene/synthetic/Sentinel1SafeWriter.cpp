#include "scene/synthetic/Sentinel1SafeWriter.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalSession.h"
#include "scene/SafeFiles.h"
#include "scene/SceneError.h"
#include "scene/UtcTime.h"

#include <cpl_minixml.h>
#include <gdal_priv.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

namespace banquise::scene::synthetic {

namespace fs = std::filesystem;

namespace {
constexpr double kGroundSpeed = 6750.0; // m/s along track

// Seconds between image lines: one grid pixel of ground track.
double lineInterval(const AnalysisGrid& grid)
{
    return grid.pixelSize() / kGroundSpeed;
}
constexpr double kSatelliteHeight = 693000.0;
constexpr double kLightSpeed = 299792458.0;
constexpr int kGridColumns = 21; // geolocation grid points across range
constexpr int kGridLines = 11;
constexpr int kLutStep = 40; // calibration LUT sample spacing (pixels)

struct XmlTree {
    explicit XmlTree(CPLXMLNode* root) : node(root) {}
    ~XmlTree() { CPLDestroyXMLNode(node); }
    CPLXMLNode* node;
};

CPLXMLNode* element(CPLXMLNode* parent, const char* name, const std::string& value)
{
    return CPLCreateXMLElementAndValue(parent, name, value.c_str());
}

CPLXMLNode* child(CPLXMLNode* parent, const char* name)
{
    return CPLCreateXMLNode(parent, CXT_Element, name);
}

void attribute(CPLXMLNode* node, const char* name, const std::string& value)
{
    CPLAddXMLAttributeAndValue(node, name, value.c_str());
}

std::string number(double v, const char* format = "%.9e")
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, v);
    return buffer;
}

// ISO time with microseconds and no zone, as in the products.
std::string productTime(double t)
{
    const std::string whole = formatUtc(std::floor(t));
    char micro[16];
    std::snprintf(micro, sizeof micro, ".%06d", static_cast<int>(std::lround((t - std::floor(t)) * 1e6)) % 1000000);
    return whole.substr(0, whole.size() - 1) + micro;
}

std::string compactTime(double t)
{
    std::string iso = formatUtc(std::floor(t)); // 2024-03-14T16:05:12Z
    std::string out;
    for (char ch : iso)
        if (ch != '-' && ch != ':' && ch != 'Z')
            out += ch;
    return out; // 20240314T160512
}

void save(CPLXMLNode* root, const fs::path& path)
{
    if (!CPLSerializeXMLTreeToFile(root, path.string().c_str()))
        throw SceneError(path.string(), "cannot write XML");
}

CPLXMLNode* adsHeader(CPLXMLNode* parent, const SarAcquisition& a, const std::string& pol, double stop, int image)
{
    CPLXMLNode* h = child(parent, "adsHeader");
    element(h, "missionId", a.mission);
    element(h, "productType", a.complex ? "SLC" : "GRD");
    element(h, "polarisation", pol);
    element(h, "mode", a.mode);
    element(h, "swath", a.swath);
    element(h, "startTime", productTime(a.startTime));
    element(h, "stopTime", productTime(stop));
    element(h, "absoluteOrbitNumber", std::to_string(a.absoluteOrbit));
    element(h, "missionDataTakeId", "420421");
    char number[8];
    std::snprintf(number, sizeof number, "%03d", image);
    element(h, "imageNumber", number);
    return h;
}

double slantRangeTime(double incidenceDegrees)
{
    return 2.0 * kSatelliteHeight / std::cos(incidenceDegrees * M_PI / 180.0) / kLightSpeed;
}

void writeAnnotation(const fs::path& path, const AnalysisGrid& grid, const SarAcquisition& a, const std::string& pol,
                     double stop, int image)
{
    XmlTree tree(CPLCreateXMLNode(nullptr, CXT_Element, "product"));
    adsHeader(tree.node, a, pol, stop, image);
    CPLXMLNode* imageAnnotation = child(tree.node, "imageAnnotation");
    CPLXMLNode* info = child(imageAnnotation, "imageInformation");
    element(info, "productFirstLineUtcTime", productTime(a.startTime));
    element(info, "productLastLineUtcTime", productTime(stop));
    element(info, "productComposition", "Individual");
    element(info, "rangePixelSpacing", number(grid.pixelSize()));
    element(info, "azimuthPixelSpacing", number(grid.pixelSize()));
    element(info, "azimuthTimeInterval", number(lineInterval(grid)));
    element(info, "numberOfSamples", std::to_string(grid.width()));
    element(info, "numberOfLines", std::to_string(grid.height()));
    element(info, "outputPixels", a.complex ? "16 bit Signed Integer" : "16 bit Unsigned Integer");
    element(info, "incidenceAngleMidSwath", number(a.incidenceDegrees[a.incidenceDegrees.size() / 2]));
    CPLXMLNode* processing = child(imageAnnotation, "processingInformation");
    element(processing, "ellipsoidName", "WGS84");
    element(processing, "ellipsoidSemiMajorAxis", number(6378137.0));
    element(processing, "ellipsoidSemiMinorAxis", number(6356752.314245));

    CPLXMLNode* list = child(child(tree.node, "geolocationGrid"), "geolocationGridPointList");
    attribute(list, "count", std::to_string(kGridColumns * kGridLines));
    for (int j = 0; j < kGridLines; ++j) {
        const int line = std::min(grid.height() - 1, j * (grid.height() - 1) / (kGridLines - 1));
        for (int i = 0; i < kGridColumns; ++i) {
            const int pixel = std::min(grid.width() - 1, i * (grid.width() - 1) / (kGridColumns - 1));
            // GCPs are at pixel corners in SAFE annotation: (pixel, line) is
            // the top-left of the sample, whose centre is half a pixel on.
            const LonLat ll = grid.toLonLat({grid.originX() + pixel * grid.pixelSize(), grid.originY() - line * grid.pixelSize()});
            CPLXMLNode* p = child(list, "geolocationGridPoint");
            element(p, "azimuthTime", productTime(a.startTime + line * lineInterval(grid)));
            element(p, "slantRangeTime", number(slantRangeTime(a.incidenceDegrees[pixel])));
            element(p, "line", std::to_string(line));
            element(p, "pixel", std::to_string(pixel));
            element(p, "latitude", number(ll.lat, "%.15e"));
            element(p, "longitude", number(ll.lon, "%.15e"));
            element(p, "height", number(0.0));
            element(p, "incidenceAngle", number(a.incidenceDegrees[pixel]));
            element(p, "elevationAngle", number(a.incidenceDegrees[pixel] - 3.0));
        }
    }
    save(tree.node, path);
}

void writeCalibration(const fs::path& path, const AnalysisGrid& grid, const SarAcquisition& a, const std::string& pol,
                      double stop, int image)
{
    XmlTree tree(CPLCreateXMLNode(nullptr, CXT_Element, "calibration"));
    adsHeader(tree.node, a, pol, stop, image);
    element(child(tree.node, "calibrationInformation"), "absoluteCalibrationConstant", number(1.0));
    std::ostringstream pixels;
    std::ostringstream sigma;
    std::ostringstream beta;
    std::ostringstream gamma;
    std::ostringstream dn;
    int count = 0;
    for (int pixel = 0;; pixel = std::min(pixel + kLutStep, grid.width() - 1)) {
        const double A = sigmaNoughtLut(pixel, grid.width());
        const double theta = a.incidenceDegrees[pixel] * M_PI / 180.0;
        pixels << (count ? " " : "") << pixel;
        sigma << (count ? " " : "") << number(A, "%.6e");
        beta << (count ? " " : "") << number(A * std::sqrt(std::sin(theta)), "%.6e");
        gamma << (count ? " " : "") << number(A * std::sqrt(std::tan(theta)), "%.6e");
        dn << (count ? " " : "") << number(1.0, "%.6e");
        ++count;
        if (pixel == grid.width() - 1)
            break;
    }
    CPLXMLNode* list = child(tree.node, "calibrationVectorList");
    const int vectors = std::max(2, grid.height() / 500 + 2);
    attribute(list, "count", std::to_string(vectors));
    for (int v = 0; v < vectors; ++v) {
        const int line = v * (grid.height() - 1) / (vectors - 1);
        CPLXMLNode* vector = child(list, "calibrationVector");
        element(vector, "azimuthTime", productTime(a.startTime + line * lineInterval(grid)));
        element(vector, "line", std::to_string(line));
        for (const auto& [name, values] : {std::pair{"pixel", &pixels}, {"sigmaNought", &sigma}, {"betaNought", &beta},
                                           {"gamma", &gamma}, {"dn", &dn}}) {
            CPLXMLNode* node = element(vector, name, values->str());
            attribute(node, "count", std::to_string(count));
        }
    }
    save(tree.node, path);
}

void writeNoise(const fs::path& path, const AnalysisGrid& grid, const SarAcquisition& a, const std::string& pol,
                double stop, int image)
{
    // Thermal noise annotation: one range vector at the first and last line
    // with the noise power in DN^2 (GDAL does not use it; processors do).
    XmlTree tree(CPLCreateXMLNode(nullptr, CXT_Element, "noise"));
    adsHeader(tree.node, a, pol, stop, image);
    CPLXMLNode* list = child(tree.node, "noiseRangeVectorList");
    attribute(list, "count", "2");
    for (const int line : {0, grid.height() - 1}) {
        CPLXMLNode* vector = child(list, "noiseRangeVector");
        element(vector, "azimuthTime", productTime(a.startTime + line * lineInterval(grid)));
        element(vector, "line", std::to_string(line));
        attribute(element(vector, "pixel", "0 " + std::to_string(grid.width() - 1)), "count", "2");
        attribute(element(vector, "noiseRangeLut", "1.0e+00 1.0e+00"), "count", "2");
    }
    save(tree.node, path);
}

void writeMeasurement(const fs::path& path, const AnalysisGrid& grid, const SarChannel& channel, bool complex)
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    const char* options[] = {"COMPRESS=DEFLATE", "TILED=YES", nullptr};
    const GDALDataType type = complex ? GDT_CInt16 : GDT_UInt16;
    GDALDataset* ds = driver->Create(path.string().c_str(), grid.width(), grid.height(), 1, type, const_cast<char**>(options));
    if (!ds)
        throw SceneError(path.string(), std::string("cannot create measurement (") + GdalSession::lastError() + ")");
    // DN = amplitude * A: UInt16 magnitudes for a GRD, CInt16 (I, Q) for an SLC.
    std::vector<std::int32_t> row(static_cast<std::size_t>(grid.width()) * (complex ? 2 : 1));
    CPLErr error = CE_None;
    for (int r = 0; r < grid.height() && error == CE_None; ++r) {
        for (int c = 0; c < grid.width(); ++c) {
            const double a = sigmaNoughtLut(c, grid.width());
            if (complex) {
                const cv::Vec2f z = channel.amplitude(r, c);
                row[2 * c] = static_cast<std::int32_t>(std::clamp(std::lround(z[0] * a), -32767L, 32767L));
                row[2 * c + 1] = static_cast<std::int32_t>(std::clamp(std::lround(z[1] * a), -32767L, 32767L));
            } else {
                const double value = std::sqrt(std::max(0.0f, channel.sigma0(r, c))) * a;
                row[c] = static_cast<std::int32_t>(std::clamp(std::lround(value), 0L, 65535L));
            }
        }
        error = ds->GetRasterBand(1)->RasterIO(GF_Write, 0, r, grid.width(), 1, row.data(), grid.width(), 1,
                                               complex ? GDT_CInt32 : GDT_Int32, 0, 0);
    }
    // GCPs in the TIFF as well, as ESA's measurement files carry them.
    std::vector<GDAL_GCP> gcps;
    std::vector<std::string> ids;
    for (int j = 0; j < kGridLines; ++j)
        for (int i = 0; i < kGridColumns; ++i) {
            const double pixel = i * (grid.width() - 1.0) / (kGridColumns - 1);
            const double line = j * (grid.height() - 1.0) / (kGridLines - 1);
            const LonLat ll = grid.toLonLat({grid.originX() + pixel * grid.pixelSize(), grid.originY() - line * grid.pixelSize()});
            ids.push_back(std::to_string(gcps.size() + 1));
            gcps.push_back(GDAL_GCP{nullptr, const_cast<char*>(""), pixel, line, ll.lon, ll.lat, 0.0});
        }
    for (std::size_t k = 0; k < gcps.size(); ++k)
        gcps[k].pszId = const_cast<char*>(ids[k].c_str());
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    ds->SetGCPs(static_cast<int>(gcps.size()), gcps.data(), &wgs84);
    GDALClose(ds);
    if (error != CE_None)
        throw SceneError(path.string(), std::string("cannot write measurement (") + GdalSession::lastError() + ")");
}

struct ChannelFiles {
    std::string id; // e.g. s1aewgrdhh20240314t...001 (no dashes)
    std::string stem;
    std::string pol;
};

void writeManifest(const fs::path& path, const AnalysisGrid& grid, const SarAcquisition& a, double stop,
                   const std::vector<ChannelFiles>& files)
{
    XmlTree tree(CPLCreateXMLNode(nullptr, CXT_Element, "xfdu:XFDU"));
    attribute(tree.node, "xmlns:xfdu", "urn:ccsds:schema:xfdu:1");
    attribute(tree.node, "xmlns:safe", "http://www.esa.int/safe/sentinel-1.0");
    attribute(tree.node, "xmlns:s1", "http://www.esa.int/safe/sentinel-1.0/sentinel-1");
    attribute(tree.node, "xmlns:s1sarl1", "http://www.esa.int/safe/sentinel-1.0/sentinel-1/sar/level-1");
    attribute(tree.node, "xmlns:gml", "http://www.opengis.net/gml");
    attribute(tree.node, "version", "esa/safe/sentinel-1.0/sentinel-1/sar/level-1/standard/" + lowerCase(a.mode) + "dp");

    CPLXMLNode* package = child(child(tree.node, "informationPackageMap"), "xfdu:contentUnit");
    attribute(package, "unitType", "SAFE Archive Information Package");
    attribute(package, "textInfo", "Sentinel-1 " + a.mode + (a.complex ? " Level-1 SLC Product" : " Level-1 GRD Product"));
    attribute(package, "dmdID", "acquisitionPeriod platform generalProductInformation measurementFrameSet");
    CPLXMLNode* metadata = child(tree.node, "metadataSection");
    CPLXMLNode* data = child(tree.node, "dataObjectSection");

    auto metadataObject = [&](const std::string& id, const std::string& dataId) {
        CPLXMLNode* m = child(metadata, "metadataObject");
        attribute(m, "ID", id);
        attribute(m, "classification", "DESCRIPTION");
        attribute(m, "category", "DMD");
        attribute(child(m, "dataObjectPointer"), "dataObjectID", dataId);
    };
    auto dataObject = [&](const std::string& id, const char* repId, const std::string& href, const char* mime) {
        CPLXMLNode* d = child(data, "dataObject");
        attribute(d, "ID", id);
        attribute(d, "repID", repId);
        CPLXMLNode* stream = child(d, "byteStream");
        attribute(stream, "mimeType", mime);
        CPLXMLNode* location = child(stream, "fileLocation");
        attribute(location, "locatorType", "URL");
        attribute(location, "href", href);
    };
    for (const ChannelFiles& f : files) {
        const std::string product = "product" + f.id;
        const std::string calibration = "calibration" + f.id;
        const std::string noise = "noise" + f.id;
        CPLXMLNode* unit = child(package, "xfdu:contentUnit");
        attribute(unit, "unitType", "Measurement Data Unit");
        attribute(unit, "repID", "s1Level1MeasurementSchema");
        attribute(unit, "dmdID", product + "Annotation " + noise + "Annotation " + calibration + "Annotation");
        attribute(child(unit, "dataObjectPointer"), "dataObjectID", f.id);
        metadataObject(product + "Annotation", product);
        metadataObject(noise + "Annotation", noise);
        metadataObject(calibration + "Annotation", calibration);
        dataObject(product, "s1Level1ProductSchema", "./annotation/" + f.stem + ".xml", "text/xml");
        dataObject(noise, "s1Level1NoiseSchema", "./annotation/calibration/noise-" + f.stem + ".xml", "text/xml");
        dataObject(calibration, "s1Level1CalibrationSchema", "./annotation/calibration/calibration-" + f.stem + ".xml", "text/xml");
        dataObject(f.id, "s1Level1MeasurementSchema", "./measurement/" + f.stem + ".tiff", "application/octet-stream");
    }

    // Acquisition period, platform and footprint, as the products state them.
    CPLXMLNode* period = child(metadata, "metadataObject");
    attribute(period, "ID", "acquisitionPeriod");
    CPLXMLNode* periodData = child(child(child(period, "metadataWrap"), "xmlData"), "safe:acquisitionPeriod");
    element(periodData, "safe:startTime", productTime(a.startTime));
    element(periodData, "safe:stopTime", productTime(stop));
    CPLXMLNode* platform = child(metadata, "metadataObject");
    attribute(platform, "ID", "platform");
    CPLXMLNode* platformData = child(child(child(platform, "metadataWrap"), "xmlData"), "safe:platform");
    element(platformData, "safe:familyName", "SENTINEL-1");
    element(platformData, "safe:number", a.mission.substr(2));
    CPLXMLNode* general = child(metadata, "metadataObject");
    attribute(general, "ID", "generalProductInformation");
    CPLXMLNode* generalData = child(child(child(general, "metadataWrap"), "xmlData"), "s1sarl1:standAloneProductInformation");
    element(generalData, "s1sarl1:productClass", "S");
    element(generalData, "s1sarl1:productType", a.complex ? "SLC" : "GRD");
    for (const ChannelFiles& f : files)
        element(generalData, "s1sarl1:transmitterReceiverPolarisation", f.pol);
    CPLXMLNode* processing = child(metadata, "metadataObject");
    attribute(processing, "ID", "processing");
    CPLXMLNode* processingData = child(child(child(processing, "metadataWrap"), "xmlData"), "safe:processing");
    attribute(processingData, "name", "Banquise synthetic scene generator");
    attribute(child(processingData, "safe:facility"), "name", "Banquise");
    CPLXMLNode* orbitObject = child(metadata, "metadataObject");
    attribute(orbitObject, "ID", "measurementOrbitReference");
    CPLXMLNode* orbitData = child(child(child(orbitObject, "metadataWrap"), "xmlData"), "safe:orbitReference");
    element(orbitData, "safe:orbitNumber", std::to_string(a.absoluteOrbit));
    element(child(child(orbitData, "safe:extension"), "s1:orbitProperties"), "s1:pass", "DESCENDING");
    CPLXMLNode* frame = child(metadata, "metadataObject");
    attribute(frame, "ID", "measurementFrameSet");
    CPLXMLNode* footprint = child(child(child(child(child(child(frame, "metadataWrap"), "xmlData"), "safe:frameSet"), "safe:frame"),
                                        "safe:footPrint"), "gml:coordinates");
    std::ostringstream corners;
    const MapExtent e = grid.extent();
    for (const MapPoint& p : {MapPoint{e.xMin, e.yMax}, MapPoint{e.xMax, e.yMax}, MapPoint{e.xMax, e.yMin}, MapPoint{e.xMin, e.yMin}}) {
        const LonLat ll = grid.toLonLat(p);
        corners << (corners.tellp() > 0 ? " " : "") << number(ll.lat, "%.6f") << "," << number(ll.lon, "%.6f");
    }
    CPLCreateXMLNode(footprint, CXT_Text, corners.str().c_str());
    save(tree.node, path);
}
} // namespace

double sigmaNoughtLut(int column, int columns)
{
    // Grows gently across range as in real LUTs; keeps DN of -30..0 dB
    // sigma0 within UInt16 with fine quantisation.
    return 900.0 * (1.0 + 0.15 * column / std::max(1, columns - 1));
}

std::string writeSentinel1Safe(const std::string& parent, const AnalysisGrid& grid, const SarAcquisition& a,
                               const std::vector<SarChannel>& channels)
{
    GdalSession::ensure();
    const double stop = a.startTime + (grid.height() - 1) * lineInterval(grid);
    const std::string start = compactTime(a.startTime);
    const std::string end = compactTime(stop);
    char orbit[16];
    std::snprintf(orbit, sizeof orbit, "%06d", a.absoluteOrbit);
    const std::string dual = channels.size() > 1 ? "1SDH" : "1SSH";
    const std::string type = "_" + a.mode + (a.complex ? "_SLC__" : "_GRD" + a.resolution + "_");
    const fs::path safe = fs::path(parent) / (a.mission + type + dual + "_" + start + "_" + end + "_" + orbit + "_066A1B_B4NQ.SAFE");
    fs::create_directories(safe / "annotation" / "calibration");
    fs::create_directories(safe / "measurement");

    std::vector<ChannelFiles> files;
    int image = 1;
    for (const SarChannel& channel : channels) {
        const std::string stem = lowerCase(a.mission) + "-" + lowerCase(a.swath) + (a.complex ? "-slc-" : "-grd-") + lowerCase(channel.polarisation) + "-" + lowerCase(start) + "-"
            + lowerCase(end) + "-" + orbit + "-066a1b-" + (image < 10 ? "00" : "0") + std::to_string(image);
        std::string id;
        for (char ch : stem)
            if (ch != '-')
                id += ch;
        writeAnnotation(safe / "annotation" / (stem + ".xml"), grid, a, channel.polarisation, stop, image);
        writeCalibration(safe / "annotation" / "calibration" / ("calibration-" + stem + ".xml"), grid, a, channel.polarisation, stop, image);
        writeNoise(safe / "annotation" / "calibration" / ("noise-" + stem + ".xml"), grid, a, channel.polarisation, stop, image);
        writeMeasurement(safe / "measurement" / (stem + ".tiff"), grid, channel, a.complex);
        files.push_back({id, stem, channel.polarisation});
        ++image;
    }
    writeManifest(safe / "manifest.safe", grid, a, stop, files);
    return safe.string();
}

} // namespace banquise::scene::synthetic
