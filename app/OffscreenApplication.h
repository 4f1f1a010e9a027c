#pragma once

namespace banquise::app {

// A window-less Qt widget application for the CLI's figures (fonts, Qt
// Charts), on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
// Does nothing when an application already runs.
void ensureOffscreenApplication();

} // namespace banquise::app
