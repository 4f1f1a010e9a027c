#include "rendering/RasterRepresentation.h"

#include "rendering/ColouredImages.h"
#include "rendering/LookupTable.h"
#include "scene/RasterLayer.h"

#include <vtkImageActor.h>
#include <vtkImageData.h>
#include <vtkImageMapper3D.h>
#include <vtkLookupTable.h>
#include <vtkRenderer.h>

namespace banquise::rendering {

RasterRepresentation::RasterRepresentation(std::shared_ptr<const scene::RasterLayer> layer, std::shared_ptr<ColouredImages> images)
    : m_layer(std::move(layer)), m_images(std::move(images))
{
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
        m_image = m_images->image(*m_layer, style);
        m_actor->GetMapper()->SetInputData(m_image);
        const bool composite = style.colormap == Colormap::RgbComposite && m_layer->bandCount() >= 3;
        m_table = composite ? nullptr : makeLookupTable(style.colormap, style.min, style.max);
        m_coloured = style;
        m_hasColours = true;
    }
    m_actor->SetVisibility(style.visible);
    m_actor->SetOpacity(style.opacity);
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
