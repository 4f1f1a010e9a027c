#include "rendering/LabelRepresentation.h"

#include "labeling/LabelClass.h"
#include "labeling/LabelLayer.h"

#include <vtkImageActor.h>
#include <vtkImageData.h>
#include <vtkImageMapper3D.h>
#include <vtkNew.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>

#include <algorithm>

namespace banquise::rendering {

using labeling::LabelLayer;

struct LabelRepresentation::TileProp {
    vtkSmartPointer<vtkImageData> image;
    vtkNew<vtkImageActor> actor;
    std::uint64_t revision = 0;
};

LabelRepresentation::LabelRepresentation(std::shared_ptr<const LabelLayer> layer)
    : m_layer(std::move(layer)), m_tiles(static_cast<std::size_t>(m_layer->tileColumns()) * m_layer->tileRows())
{
    for (const auto& c : labeling::labelClasses())
        m_palette[static_cast<std::size_t>(c.code)] = {c.colour[0], c.colour[1], c.colour[2], 255};
    synchronise();
}

LabelRepresentation::~LabelRepresentation() = default;

void LabelRepresentation::addTo(vtkRenderer* renderer)
{
    for (auto& tile : m_tiles)
        if (tile)
            renderer->AddViewProp(tile->actor);
}

void LabelRepresentation::removeFrom(vtkRenderer* renderer)
{
    for (auto& tile : m_tiles)
        if (tile)
            renderer->RemoveViewProp(tile->actor);
}

void LabelRepresentation::applyStyle(const LayerStyle& style)
{
    m_style = style;
    for (auto& tile : m_tiles)
        if (tile) {
            tile->actor->SetVisibility(style.visible);
            tile->actor->SetOpacity(style.opacity);
        }
}

void LabelRepresentation::setDepth(double z)
{
    m_depth = z;
    for (auto& tile : m_tiles)
        if (tile)
            tile->actor->SetPosition(0.0, 0.0, z);
}

const scene::Layer& LabelRepresentation::layer() const
{
    return *m_layer;
}

bool LabelRepresentation::synchronise()
{
    bool added = false;
    for (int tr = 0; tr < m_layer->tileRows(); ++tr)
        for (int tc = 0; tc < m_layer->tileColumns(); ++tc) {
            const auto revision = m_layer->tileRevision(tc, tr);
            auto& tile = m_tiles[static_cast<std::size_t>(tr) * m_layer->tileColumns() + tc];
            if (revision == (tile ? tile->revision : 0))
                continue;
            if (!tile) {
                tile = std::make_unique<TileProp>();
                tile->image = vtkSmartPointer<vtkImageData>::New();
                tile->actor->InterpolateOff();
                // Whole edge pixels, so that neighbouring tiles meet without a seam.
                tile->actor->GetMapper()->BorderOn();
                tile->actor->PickableOff();
                tile->actor->GetMapper()->SetInputData(tile->image);
                tile->actor->SetVisibility(m_style.visible);
                tile->actor->SetOpacity(m_style.opacity);
                tile->actor->SetPosition(0.0, 0.0, m_depth);
                added = true;
            }
            colourTile(tc, tr, *tile);
            tile->revision = revision;
        }
    return added;
}

void LabelRepresentation::colourTile(int tileColumn, int tileRow, TileProp& prop) const
{
    const auto& grid = m_layer->grid();
    constexpr int kSize = LabelLayer::kTileSize;
    const int column0 = tileColumn * kSize, row0 = tileRow * kSize;
    const int width = std::min(kSize, grid.width() - column0);
    const int height = std::min(kSize, grid.height() - row0);
    auto& image = *prop.image;
    if (image.GetDimensions()[0] != width || image.GetDimensions()[1] != height) {
        image.SetDimensions(width, height, 1);
        image.SetSpacing(grid.pixelSize(), grid.pixelSize(), 1.0);
        // VTK rows grow upwards: the tile's last grid row is its image row 0.
        const auto bottomLeft = grid.pixelCentre(column0, row0 + height - 1);
        image.SetOrigin(bottomLeft.x, bottomLeft.y, 0.0);
        image.AllocateScalars(VTK_UNSIGNED_CHAR, 4);
    }
    const std::uint8_t* values = m_layer->tile(tileColumn, tileRow);
    auto* rgba = static_cast<std::uint8_t*>(image.GetScalarPointer());
    for (int r = 0; r < height; ++r) {
        std::uint8_t* out = rgba + static_cast<std::size_t>(height - 1 - r) * width * 4;
        for (int c = 0; c < width; ++c, out += 4) {
            const auto& colour = m_palette[values[r * kSize + c]];
            std::copy(colour.begin(), colour.end(), out);
        }
    }
    image.Modified();
}

} // namespace banquise::rendering
