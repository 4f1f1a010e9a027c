#pragma once

#include "rendering/LayerRepresentation.h"

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace banquise::labeling {
class LabelLayer;
}

namespace banquise::rendering {

// A label layer as one textured image per painted tile, in the label
// classes' colours (unlabelled transparent). synchronise() recolours only
// the tiles whose change counter moved, so a brush segment costs one or two
// 256² tiles whatever the size of the scene. GUI thread only.
class LabelRepresentation : public LayerRepresentation {
public:
    explicit LabelRepresentation(std::shared_ptr<const labeling::LabelLayer> layer);
    ~LabelRepresentation() override;

    void addTo(vtkRenderer* renderer) override;
    void removeFrom(vtkRenderer* renderer) override;
    void applyStyle(const LayerStyle& style) override;
    void setDepth(double z) override;
    // No colorbar: the classes' legend is the label tools' palette.
    vtkScalarsToColors* lookupTable() const override { return nullptr; }
    const scene::Layer& layer() const override;
    bool synchronise() override;

private:
    struct TileProp;
    void colourTile(int tileColumn, int tileRow, TileProp& prop) const;

    std::shared_ptr<const labeling::LabelLayer> m_layer;
    std::vector<std::unique_ptr<TileProp>> m_tiles;
    std::array<std::array<std::uint8_t, 4>, 256> m_palette{};
    LayerStyle m_style;
    double m_depth = 0.0;
};

} // namespace banquise::rendering
