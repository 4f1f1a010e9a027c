#include "rendering/RasterRepresentation.h"

#include "scene/RasterLayer.h"

#include <vtkImageActor.h>
#include <vtkImageData.h>
#include <vtkImageMapper3D.h>
#include <vtkLookupTable.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>
#include <vtkPointData.h>

#include <algorithm>
#include <cmath>

namespace banquise::rendering {

RasterRepresentation::RasterRepresentation(std::shared_ptr<const scene::RasterLayer> layer) : m_layer(std::move(layer))
{
    const scene::AnalysisGrid& grid = m_layer->grid();
    // VTK images grow upwards from their origin; GDAL rows go down from the
    // top, so row r of the layer is image row (height - 1 - r).
    m_image->SetDimensions(grid.width(), grid.height(), 1);
    m_image->SetSpacing(grid.pixelSize(), grid.pixelSize(), 1.0);
    const scene::MapPoint bottomLeft = grid.pixelCentre(0, grid.height() - 1);
    m_image->SetOrigin(bottomLeft.x, bottomLeft.y, 0.0);
    m_actor->GetMapper()->SetInputData(m_image);
    m_actor->InterpolateOff();
    m_actor->PickableOff();
}

RasterRepresentation::~RasterRepresentation() = default;

void RasterRepresentation::addTo(vtkRenderer* renderer)
{
    renderer->AddViewProp(m_actor);
}

void RasterRepresentation::removeFrom(vtkRenderer* renderer)
{
    renderer->RemoveViewProp(m_actor);
}

void RasterRepresentation::applyStyle(const LayerStyle& style)
{
    // Colours are made when the layer is first shown: a view's hidden
    // layers cost neither the colouring time nor the RGBA memory.
    const bool recolour = !m_hasColours || style.colormap != m_coloured.colormap || style.min != m_coloured.min
        || style.max != m_coloured.max;
    if (recolour && style.visible) {
        colourImage(style);
        m_coloured = style;
        m_hasColours = true;
    }
    m_actor->SetVisibility(style.visible);
    m_actor->SetOpacity(style.opacity);
}

void RasterRepresentation::colourImage(const LayerStyle& style)
{
    const scene::AnalysisGrid& grid = m_layer->grid();
    const int width = grid.width();
    const int height = grid.height();
    if (!m_hasColours)
        m_image->AllocateScalars(VTK_UNSIGNED_CHAR, 4);
    auto* rgba = static_cast<unsigned char*>(m_image->GetScalarPointer());
    const double span = style.max > style.min ? style.max - style.min : 1.0;
    const bool composite = style.colormap == Colormap::RgbComposite && m_layer->bandCount() >= 3;
    m_table = composite ? nullptr : makeLookupTable(style.colormap, style.min, style.max);

    // One table lookup per pixel: the 256 colours are computed once.
    std::array<Rgb, 256> palette{};
    for (int i = 0; i < 256; ++i)
        palette[i] = colourAt(style.colormap, i / 255.0);
    auto index = [&](double displayed) {
        return static_cast<int>(std::clamp((displayed - style.min) / span, 0.0, 1.0) * 255.0 + 0.5);
    };
    for (int row = 0; row < height; ++row) {
        unsigned char* out = rgba + static_cast<std::size_t>(height - 1 - row) * width * 4;
        for (int col = 0; col < width; ++col, out += 4) {
            if (composite) {
                bool valid = true;
                for (int b = 0; b < 3; ++b) {
                    const float v = m_layer->value(b, col, row);
                    valid = valid && std::isfinite(v);
                    out[b] = valid ? static_cast<unsigned char>(index(v)) : 0;
                }
                out[3] = valid ? 255 : 0;
                continue;
            }
            const double displayed = displayValue(style.colormap, m_layer->value(0, col, row));
            if (!std::isfinite(displayed)) {
                out[0] = out[1] = out[2] = out[3] = 0;
                continue;
            }
            const Rgb& c = palette[index(displayed)];
            out[0] = c[0];
            out[1] = c[1];
            out[2] = c[2];
            out[3] = 255;
        }
    }
    m_image->GetPointData()->GetScalars()->Modified();
    m_image->Modified();
}

void RasterRepresentation::setDepth(double z)
{
    m_actor->SetPosition(0.0, 0.0, z);
}

vtkScalarsToColors* RasterRepresentation::lookupTable() const
{
    return m_table;
}

const scene::Layer& RasterRepresentation::layer() const
{
    return *m_layer;
}

} // namespace banquise::rendering
