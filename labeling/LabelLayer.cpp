#include "labeling/LabelLayer.h"

#include <algorithm>
#include <cmath>

namespace banquise::labeling {

namespace {

// A DIAL click also labels the few pixels under it, so fine-tuning sees it.
constexpr double kClickRadius = 1.5;

double squaredDistanceToSegment(double x, double y, PixelPoint a, PixelPoint b)
{
    const double dx = b.column - a.column, dy = b.row - a.row;
    const double length2 = dx * dx + dy * dy;
    double t = length2 > 0 ? ((x - a.column) * dx + (y - a.row) * dy) / length2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = a.column + t * dx - x, ey = a.row + t * dy - y;
    return ex * ex + ey * ey;
}

} // namespace

LabelLayer::LabelLayer(scene::LayerInfo info, scene::AnalysisGrid grid)
    : scene::Layer(std::move(info)), m_grid(std::move(grid)),
      m_tileColumns((m_grid.width() + kTileSize - 1) / kTileSize), m_tileRows((m_grid.height() + kTileSize - 1) / kTileSize),
      m_tiles(static_cast<std::size_t>(m_tileColumns) * m_tileRows)
{
}

std::uint8_t LabelLayer::at(int column, int row) const
{
    const auto* values = tile(column / kTileSize, row / kTileSize);
    return values ? values[(row % kTileSize) * kTileSize + column % kTileSize] : kUnlabelled;
}

const std::uint8_t* LabelLayer::tile(int tileColumn, int tileRow) const
{
    const auto& t = m_tiles[static_cast<std::size_t>(tileRow) * m_tileColumns + tileColumn];
    return t ? t->values.data() : nullptr;
}

std::uint64_t LabelLayer::tileRevision(int tileColumn, int tileRow) const
{
    const auto& t = m_tiles[static_cast<std::size_t>(tileRow) * m_tileColumns + tileColumn];
    return t ? t->revision : 0;
}

std::vector<double> LabelLayer::valuesAt(const scene::MapPoint& p) const
{
    int column = 0, row = 0;
    if (!m_grid.pixelAt(p, column, row) || at(column, row) == kUnlabelled)
        return {};
    return {static_cast<double>(at(column, row))};
}

std::vector<float> LabelLayer::sampleValues(std::size_t maxCount) const
{
    std::vector<float> values;
    for (const auto& t : m_tiles) {
        if (!t)
            continue;
        for (auto v : t->values) {
            if (values.size() >= maxCount)
                return values;
            if (v != kUnlabelled)
                values.push_back(v);
        }
    }
    return values;
}

LabelLayer::Tile& LabelLayer::tileFor(int column, int row)
{
    auto& t = m_tiles[static_cast<std::size_t>(row / kTileSize) * m_tileColumns + column / kTileSize];
    if (!t) {
        t = std::make_unique<Tile>();
        t->values.fill(kUnlabelled);
    }
    return *t;
}

void LabelLayer::set(int column, int row, std::uint8_t value, LabelChange& change)
{
    if (value == kUnlabelled && !tile(column / kTileSize, row / kTileSize))
        return; // erasing where nothing was drawn allocates nothing
    Tile& t = tileFor(column, row);
    auto& slot = t.values[(row % kTileSize) * kTileSize + column % kTileSize];
    if (slot == value)
        return;
    change.pixels.push_back(static_cast<std::uint64_t>(row) * m_grid.width() + column);
    change.before.push_back(slot);
    slot = value;
    ++t.revision;
}

LabelChange LabelLayer::paintSegment(PixelPoint a, PixelPoint b, double radius, std::uint8_t value)
{
    // Hand-written rather than OpenCV's thick lines: labeling/ does not
    // depend on OpenCV, and this tests pixel centres against the exact
    // capsule, so a stroke paints the same pixels however it is split.
    LabelChange change;
    radius = std::max(radius, 0.5);
    const int c0 = std::max(0, static_cast<int>(std::floor(std::min(a.column, b.column) - radius)));
    const int c1 = std::min(m_grid.width() - 1, static_cast<int>(std::ceil(std::max(a.column, b.column) + radius)));
    const int r0 = std::max(0, static_cast<int>(std::floor(std::min(a.row, b.row) - radius)));
    const int r1 = std::min(m_grid.height() - 1, static_cast<int>(std::ceil(std::max(a.row, b.row) + radius)));
    const double radius2 = radius * radius;
    for (int row = r0; row <= r1; ++row)
        for (int column = c0; column <= c1; ++column)
            if (squaredDistanceToSegment(column + 0.5, row + 0.5, a, b) <= radius2)
                set(column, row, value, change);
    return change;
}

LabelChange LabelLayer::paintPolygon(const std::vector<PixelPoint>& polygon, std::uint8_t value)
{
    // Even-odd scanline fill at pixel centres.
    LabelChange change;
    if (polygon.size() < 3)
        return change;
    double top = polygon[0].row, bottom = polygon[0].row;
    for (const auto& p : polygon) {
        top = std::min(top, p.row);
        bottom = std::max(bottom, p.row);
    }
    const int r0 = std::max(0, static_cast<int>(std::floor(top)));
    const int r1 = std::min(m_grid.height() - 1, static_cast<int>(std::ceil(bottom)));
    std::vector<double> crossings;
    for (int row = r0; row <= r1; ++row) {
        const double y = row + 0.5;
        crossings.clear();
        for (std::size_t i = 0; i < polygon.size(); ++i) {
            const auto& p = polygon[i];
            const auto& q = polygon[(i + 1) % polygon.size()];
            if ((p.row <= y && y < q.row) || (q.row <= y && y < p.row))
                crossings.push_back(p.column + (y - p.row) * (q.column - p.column) / (q.row - p.row));
        }
        std::sort(crossings.begin(), crossings.end());
        for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
            const int first = std::max(0, static_cast<int>(std::ceil(crossings[k] - 0.5)));
            const int last = std::min(m_grid.width() - 1, static_cast<int>(std::ceil(crossings[k + 1] - 0.5)) - 1);
            for (int column = first; column <= last; ++column)
                set(column, row, value, change);
        }
    }
    return change;
}

LabelChange LabelLayer::paint(const Annotation& annotation)
{
    const auto value = static_cast<std::uint8_t>(annotation.label);
    switch (annotation.kind) {
    case AnnotationKind::Polygon: return paintPolygon(annotation.points, value);
    case AnnotationKind::Click:
        if (!annotation.positive || annotation.points.empty())
            return {}; // a negative click says what a pixel is not: no label
        return paintSegment(annotation.points[0], annotation.points[0], std::max(annotation.radius, kClickRadius), value);
    case AnnotationKind::Stroke:
    case AnnotationKind::Erase: break;
    }
    const std::uint8_t stroke = annotation.kind == AnnotationKind::Erase ? kUnlabelled : value;
    LabelChange change;
    const auto& points = annotation.points;
    for (std::size_t i = 0; i < points.size(); ++i) {
        auto segment = paintSegment(points[i > 0 ? i - 1 : 0], points[i], annotation.radius, stroke);
        change.pixels.insert(change.pixels.end(), segment.pixels.begin(), segment.pixels.end());
        change.before.insert(change.before.end(), segment.before.begin(), segment.before.end());
    }
    return change;
}

LabelChange LabelLayer::setBlock(int column, int row, int width, int height, const std::uint8_t* values)
{
    LabelChange change;
    for (int r = std::max(0, row); r < std::min(m_grid.height(), row + height); ++r)
        for (int c = std::max(0, column); c < std::min(m_grid.width(), column + width); ++c)
            set(c, r, values[static_cast<std::size_t>(r - row) * width + (c - column)], change);
    return change;
}

void LabelLayer::revert(const LabelChange& change)
{
    // Backwards: a pixel changed twice gets its first value back.
    for (std::size_t i = change.pixels.size(); i-- > 0;) {
        const auto column = static_cast<int>(change.pixels[i] % m_grid.width());
        const auto row = static_cast<int>(change.pixels[i] / m_grid.width());
        Tile& t = tileFor(column, row);
        t.values[(row % kTileSize) * kTileSize + column % kTileSize] = change.before[i];
        ++t.revision;
    }
}

std::size_t LabelLayer::labelledPixelCount() const
{
    std::size_t count = 0;
    for (const auto& t : m_tiles)
        if (t)
            count += static_cast<std::size_t>(std::count_if(t->values.begin(), t->values.end(), [](auto v) { return v != kUnlabelled; }));
    return count;
}

std::vector<std::uint8_t> LabelLayer::toDense() const
{
    std::vector<std::uint8_t> dense(static_cast<std::size_t>(m_grid.width()) * m_grid.height(), kUnlabelled);
    for (int tr = 0; tr < m_tileRows; ++tr)
        for (int tc = 0; tc < m_tileColumns; ++tc) {
            const auto* values = tile(tc, tr);
            if (!values)
                continue;
            const int rows = std::min(kTileSize, m_grid.height() - tr * kTileSize);
            const int columns = std::min(kTileSize, m_grid.width() - tc * kTileSize);
            for (int r = 0; r < rows; ++r)
                std::copy_n(values + r * kTileSize, columns,
                            dense.begin() + static_cast<std::size_t>(tr * kTileSize + r) * m_grid.width() + tc * kTileSize);
        }
    return dense;
}

} // namespace banquise::labeling
