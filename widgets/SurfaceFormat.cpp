#include "widgets/SurfaceFormat.h"

#include <QSurfaceFormat>

namespace banquise::widgets {

void useVtkSurfaceFormat()
{
    QSurfaceFormat format;
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setRedBufferSize(8);
    format.setGreenBufferSize(8);
    format.setBlueBufferSize(8);
    format.setAlphaBufferSize(8);
    format.setDepthBufferSize(24);
    QSurfaceFormat::setDefaultFormat(format);
}

} // namespace banquise::widgets
