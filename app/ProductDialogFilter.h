#pragma once

#include <QString>

namespace banquise::app {

// The Open data dialog's name filter, from the reader registry: every
// product pattern first, then one line per product kind, then all files.
QString productDialogFilter();

} // namespace banquise::app
