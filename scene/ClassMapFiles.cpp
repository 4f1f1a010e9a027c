#include "scene/ClassMapFiles.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/GeoTiffFile.h"
#include "scene/RasterOnGrid.h"
#include "scene/SceneError.h"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <functional>

namespace banquise::scene {

namespace {

struct FeatureDestroyer {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDestroyer>;
using ToPixel = std::function<std::pair<double, double>(double, double)>;

// An in-memory byte raster of the classes and its mask (1 where labelled),
// with `transform` as geotransform (the identity gives pixel coordinates).
struct ClassRaster {
    DatasetPtr dataset;
    DatasetPtr mask;
};

ClassRaster memoryClassRaster(int width, int height, const double transform[6], const std::string& wkt,
                              const std::vector<std::uint8_t>& classes, std::uint8_t noData)
{
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    ClassRaster raster{DatasetPtr(memory->Create("", width, height, 1, GDT_Byte, nullptr)),
                       DatasetPtr(memory->Create("", width, height, 1, GDT_Byte, nullptr))};
    std::vector<std::uint8_t> mask(classes.size());
    for (std::size_t i = 0; i < classes.size(); ++i)
        mask[i] = classes[i] != noData;
    for (auto* ds : {raster.dataset.get(), raster.mask.get()}) {
        ds->SetGeoTransform(const_cast<double*>(transform));
        if (!wkt.empty())
            ds->SetProjection(wkt.c_str());
    }
    CPLErr a = raster.dataset->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, width, height, const_cast<std::uint8_t*>(classes.data()),
                                                           width, height, GDT_Byte, 0, 0);
    CPLErr b = raster.mask->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, width, height, mask.data(), width, height, GDT_Byte, 0, 0);
    if (a != CE_None || b != CE_None)
        throw SceneError("", "cannot hold the class map in memory");
    return raster;
}

// Polygons of equal class, 8-connected, into `layer`'s field `codeField`.
void polygonize(const ClassRaster& raster, OGRLayer* layer, int codeField, const std::string& file)
{
    const char* options[] = {"8CONNECTED=8", nullptr};
    if (GDALPolygonize(raster.dataset->GetRasterBand(1), raster.mask->GetRasterBand(1), OGRLayer::ToHandle(layer), codeField,
                       const_cast<char**>(options), nullptr, nullptr) != CE_None)
        throw SceneError(file, withGdalReason("cannot turn the class map into polygons"));
}

void appendRing(const OGRLinearRing& ring, std::vector<std::pair<double, double>>& points,
                const ToPixel& toPixel)
{
    for (int i = 0; i < ring.getNumPoints(); ++i)
        points.push_back(toPixel(ring.getX(i), ring.getY(i)));
}

// Rings chained for an even-odd fill: outer ring, then each hole followed
// by a jump back to the outer ring's first point (the jumps cancel).
void appendPolygon(const OGRPolygon& polygon, int code, std::vector<ClassPolygon>& out,
                   const ToPixel& toPixel)
{
    const OGRLinearRing* outer = polygon.getExteriorRing();
    if (!outer || outer->getNumPoints() < 4)
        return;
    ClassPolygon result{code, {}};
    appendRing(*outer, result.points, toPixel);
    for (int h = 0; h < polygon.getNumInteriorRings(); ++h) {
        appendRing(*polygon.getInteriorRing(h), result.points, toPixel);
        result.points.push_back(result.points.front());
    }
    out.push_back(std::move(result));
}

void appendGeometry(const OGRGeometry& geometry, int code, std::vector<ClassPolygon>& out,
                    const ToPixel& toPixel)
{
    const auto type = wkbFlatten(geometry.getGeometryType());
    if (type == wkbPolygon)
        appendPolygon(*geometry.toPolygon(), code, out, toPixel);
    else if (type == wkbMultiPolygon || type == wkbGeometryCollection)
        for (const OGRGeometry* part : *geometry.toGeometryCollection())
            appendGeometry(*part, code, out, toPixel);
}

int featureClass(OGRFeature& feature, const std::map<std::string, int>& codesByName, const std::string& file)
{
    OGRFeatureDefn* definition = feature.GetDefnRef();
    for (const char* name : {"class_code", "class", "class_name"}) {
        const int index = definition->GetFieldIndex(name);
        if (index < 0 || !feature.IsFieldSetAndNotNull(index))
            continue;
        const OGRFieldType type = definition->GetFieldDefn(index)->GetType();
        if (type == OFTInteger || type == OFTInteger64 || type == OFTReal)
            return feature.GetFieldAsInteger(index);
        const std::string value = feature.GetFieldAsString(index);
        const auto found = codesByName.find(value);
        if (found == codesByName.end())
            throw SceneError(file, "feature " + std::to_string(feature.GetFID()) + " has an unknown class '" + value + "'");
        return found->second;
    }
    throw SceneError(file, "feature " + std::to_string(feature.GetFID()) + " has no class field (class_code, class or class_name)");
}

std::vector<ClassPolygon> readVectorPolygons(GDALDataset& source, const std::string& file, const AnalysisGrid& grid,
                                             const std::map<std::string, int>& codesByName)
{
    OGRSpatialReference gridCrs;
    gridCrs.importFromEPSG(grid.epsg());
    gridCrs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const MapExtent e = grid.extent();
    OGRPolygon bounds;
    OGRLinearRing boundary;
    for (const auto& [x, y] : {std::pair{e.xMin, e.yMin}, {e.xMax, e.yMin}, {e.xMax, e.yMax}, {e.xMin, e.yMax}, {e.xMin, e.yMin}})
        boundary.addPoint(x, y);
    bounds.addRing(&boundary);
    const auto toPixel = [&](double x, double y) {
        return std::pair{(x - grid.originX()) / grid.pixelSize(), (grid.originY() - y) / grid.pixelSize()};
    };
    std::vector<ClassPolygon> polygons;
    for (OGRLayer* layer : source.GetLayers()) {
        const OGRSpatialReference* crs = layer->GetSpatialRef();
        if (!crs)
            throw SceneError(file, "layer '" + std::string(layer->GetName()) + "' has no CRS");
        OGRSpatialReference layerCrs(*crs);
        layerCrs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> transform(OGRCreateCoordinateTransformation(&layerCrs, &gridCrs));
        if (!transform)
            throw SceneError(file, withGdalReason("cannot reproject layer '" + std::string(layer->GetName()) + "' to the grid's CRS"));
        layer->ResetReading();
        for (FeaturePtr feature(layer->GetNextFeature()); feature; feature.reset(layer->GetNextFeature())) {
            OGRGeometry* geometry = feature->GetGeometryRef();
            if (!geometry)
                continue;
            const int code = featureClass(*feature, codesByName, file);
            std::unique_ptr<OGRGeometry> projected(geometry->clone());
            if (projected->transform(transform.get()) != OGRERR_NONE)
                throw SceneError(file, "feature " + std::to_string(feature->GetFID()) + " cannot be reprojected to the grid");
            std::unique_ptr<OGRGeometry> clipped(projected->Intersection(&bounds));
            if (clipped && !clipped->IsEmpty())
                appendGeometry(*clipped, code, polygons, toPixel);
        }
    }
    return polygons;
}

std::vector<ClassPolygon> readMaskPolygons(const std::string& file, const AnalysisGrid& grid, std::uint8_t noData)
{
    const auto values = readRasterOnGrid(file, grid, "near").at(0);
    std::vector<std::uint8_t> classes(values.size(), noData);
    bool any = false;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (std::isfinite(values[i]) && values[i] >= 0.0f && values[i] < 255.0f && values[i] != noData) {
            classes[i] = static_cast<std::uint8_t>(std::lround(values[i]));
            any = true;
        }
    if (!any)
        throw SceneError(file, "no class value of the mask falls on the analysis grid");
    return classPolygons(grid.width(), grid.height(), classes, noData);
}

} // namespace

void writeClassGeoTiff(const std::string& path, const AnalysisGrid& grid, const std::vector<std::uint8_t>& classes,
                       std::uint8_t noData, const std::vector<ClassName>& names)
{
    GDALDataset* ds = createGeoTiff(path, grid, 1, GDT_Byte, 0.0);
    ds->SetMetadataItem("ACQUISITION_TIME", nullptr); // labels have no acquisition time
    GDALRasterBand* band = ds->GetRasterBand(1);
    band->SetNoDataValue(noData);
    GDALColorTable colours;
    for (int code = 0; code < 256; ++code) {
        const GDALColorEntry transparent{0, 0, 0, 0};
        colours.SetColorEntry(code, &transparent);
    }
    std::vector<std::string> byCode;
    for (const auto& n : names) {
        const GDALColorEntry entry{n.red, n.green, n.blue, 255};
        colours.SetColorEntry(n.code, &entry);
        byCode.resize(std::max<std::size_t>(byCode.size(), n.code + 1));
        byCode[n.code] = n.name;
    }
    CPLStringList categories;
    for (const auto& name : byCode)
        categories.AddString(name.c_str());
    band->SetColorTable(&colours);
    band->SetCategoryNames(categories.List());
    const bool ok = band->RasterIO(GF_Write, 0, 0, grid.width(), grid.height(), const_cast<std::uint8_t*>(classes.data()), grid.width(),
                                   grid.height(), GDT_Byte, 0, 0) == CE_None;
    GDALClose(ds);
    if (!ok)
        throw SceneError(path, withGdalReason("cannot write the class map"));
}

void writeClassPolygons(const std::string& path, const AnalysisGrid& grid, const std::vector<std::uint8_t>& classes,
                        std::uint8_t noData, const std::vector<ClassName>& names)
{
    GdalSession::ensure();
    std::error_code ignored;
    std::filesystem::remove(path, ignored); // GeoPackage creation does not overwrite
    DatasetPtr package(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!package)
        throw SceneError(path, withGdalReason("cannot create the GeoPackage"));
    OGRSpatialReference crs;
    crs.importFromEPSG(grid.epsg());
    OGRLayer* layer = package->CreateLayer("labels", &crs, wkbPolygon, nullptr);
    OGRFieldDefn codeField("class_code", OFTInteger);
    OGRFieldDefn nameField("class_name", OFTString);
    if (!layer || layer->CreateField(&codeField) != OGRERR_NONE || layer->CreateField(&nameField) != OGRERR_NONE)
        throw SceneError(path, withGdalReason("cannot create the layer 'labels'"));
    double transform[6];
    grid.geoTransform(transform);
    const ClassRaster raster = memoryClassRaster(grid.width(), grid.height(), transform, grid.crsWkt(), classes, noData);
    // One transaction: GeoPackage writes feature by feature otherwise.
    if (layer->StartTransaction() != OGRERR_NONE)
        throw SceneError(path, withGdalReason("cannot start writing the polygons"));
    polygonize(raster, layer, 0, path);
    // Names from codes, for readers that do not know Banquise's codes.
    layer->ResetReading();
    for (FeaturePtr feature(layer->GetNextFeature()); feature; feature.reset(layer->GetNextFeature())) {
        const int code = feature->GetFieldAsInteger(0);
        for (const auto& n : names)
            if (n.code == code)
                feature->SetField(1, n.name.c_str());
        if (layer->SetFeature(feature.get()) != OGRERR_NONE)
            throw SceneError(path, withGdalReason("cannot name the class of polygon " + std::to_string(feature->GetFID())));
    }
    if (layer->CommitTransaction() != OGRERR_NONE)
        throw SceneError(path, withGdalReason("cannot write the polygons"));
}

std::vector<ClassPolygon> classPolygons(int width, int height, const std::vector<std::uint8_t>& classes, std::uint8_t noData)
{
    GdalSession::ensure();
    // Identity geotransform: polygon coordinates come out in pixels.
    const double identity[6] = {0.0, 1.0, 0.0, 0.0, 0.0, 1.0};
    const ClassRaster raster = memoryClassRaster(width, height, identity, {}, classes, noData);
    DatasetPtr memory(GetGDALDriverManager()->GetDriverByName("Memory")->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* layer = memory->CreateLayer("classes", nullptr, wkbPolygon, nullptr);
    OGRFieldDefn codeField("class_code", OFTInteger);
    if (layer->CreateField(&codeField) != OGRERR_NONE)
        throw SceneError("", withGdalReason("cannot hold polygons in memory"));
    polygonize(raster, layer, 0, "");
    std::vector<ClassPolygon> polygons;
    const auto asIs = [](double x, double y) { return std::pair{x, y}; };
    layer->ResetReading();
    for (FeaturePtr feature(layer->GetNextFeature()); feature; feature.reset(layer->GetNextFeature()))
        if (const OGRGeometry* geometry = feature->GetGeometryRef())
            appendGeometry(*geometry, feature->GetFieldAsInteger(0), polygons, asIs);
    return polygons;
}

std::vector<ClassPolygon> readClassPolygons(const std::string& path, const AnalysisGrid& grid,
                                            const std::map<std::string, int>& codesByName, std::uint8_t noData)
{
    GdalSession::ensure();
    if (!std::filesystem::exists(path))
        throw SceneError(path, "no such file");
    if (DatasetPtr vector = openDataset(path, GDAL_OF_VECTOR); vector && vector->GetLayerCount() > 0) {
        auto polygons = readVectorPolygons(*vector, path, grid, codesByName);
        if (polygons.empty())
            throw SceneError(path, "no labelled polygon overlaps the analysis grid");
        return polygons;
    }
    if (!openDataset(path, GDAL_OF_RASTER))
        throw SceneError(path, withGdalReason("neither a vector file nor a raster GDAL can read"));
    return readMaskPolygons(path, grid, noData);
}

} // namespace banquise::scene
