#pragma once

namespace banquise::widgets {

// Makes Qt create OpenGL 3.2 core contexts with RGBA8 and a 24-bit depth
// buffer, what VTK's renderer needs. Call before the QApplication exists.
void useVtkSurfaceFormat();

} // namespace banquise::widgets
