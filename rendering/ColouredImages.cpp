#include "rendering/ColouredImages.h"

#include "scene/RasterLayer.h"

#include <vtkImageData.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace banquise::rendering {

vtkSmartPointer<vtkImageData> ColouredImages::image(const scene::RasterLayer& layer, const LayerStyle& style)
{
    // Forget entries no view holds any more.
    for (auto it = m_images.begin(); it != m_images.end();)
        it = it->second ? std::next(it) : m_images.erase(it);
    const Key key{&layer, style.colormap, style.min, style.max};
    if (const auto found = m_images.find(key); found != m_images.end())
        return vtkSmartPointer<vtkImageData>(found->second.GetPointer());
    vtkSmartPointer<vtkImageData> made = colourRaster(layer, style);
    m_images[key] = made.GetPointer();
    return made;
}

vtkSmartPointer<vtkImageData> colourRaster(const scene::RasterLayer& layer, const LayerStyle& style)
{
    const scene::AnalysisGrid& grid = layer.grid();
    std::vector<const float*> bands;
    for (int b = 0; b < layer.bandCount(); ++b)
        bands.push_back(layer.band(b).data());
    return colourBands(bands, grid.width(), grid.height(), grid.pixelSize(), grid.pixelCentre(0, grid.height() - 1), style);
}

vtkSmartPointer<vtkImageData> colourBands(const std::vector<const float*>& bands, int width, int height, double pixelSize,
                                          const scene::MapPoint& bottomLeft, const LayerStyle& style)
{
    auto image = vtkSmartPointer<vtkImageData>::New();
    // VTK images grow upwards from their origin; GDAL rows go down from the
    // top, so row r of the bands is image row (height - 1 - r).
    image->SetDimensions(width, height, 1);
    image->SetSpacing(pixelSize, pixelSize, 1.0);
    image->SetOrigin(bottomLeft.x, bottomLeft.y, 0.0);
    image->AllocateScalars(VTK_UNSIGNED_CHAR, 4);
    auto* rgba = static_cast<unsigned char*>(image->GetScalarPointer());
    const double span = style.max > style.min ? style.max - style.min : 1.0;
    const bool composite = style.colormap == Colormap::RgbComposite && bands.size() >= 3;

    // One table lookup per pixel: the 256 colours are computed once.
    std::array<Rgb, 256> palette{};
    for (int i = 0; i < 256; ++i)
        palette[i] = colourAt(style.colormap, i / 255.0);
    auto index = [&](double displayed) {
        return static_cast<int>(std::clamp((displayed - style.min) / span, 0.0, 1.0) * 255.0 + 0.5);
    };
    for (int row = 0; row < height; ++row) {
        unsigned char* out = rgba + static_cast<std::size_t>(height - 1 - row) * width * 4;
        const std::size_t first = static_cast<std::size_t>(row) * width;
        for (int col = 0; col < width; ++col, out += 4) {
            if (composite) {
                bool valid = true;
                for (int b = 0; b < 3; ++b) {
                    const float v = bands[b][first + col];
                    valid = valid && std::isfinite(v);
                    out[b] = valid ? static_cast<unsigned char>(index(v)) : 0;
                }
                out[3] = valid ? 255 : 0;
                continue;
            }
            const double displayed = displayValue(style.colormap, bands[0][first + col]);
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
    return image;
}

} // namespace banquise::rendering
