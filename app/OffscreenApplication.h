#pragma once

namespace banquise::app {

// A window-less Qt GUI application for the CLI's figures (fonts for
// QPainter), on the offscreen platform unless QT_QPA_PLATFORM says
// otherwise. Does nothing when an application already runs.
void ensureOffscreenApplication();

} // namespace banquise::app
