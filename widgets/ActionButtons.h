#pragma once

#include <QIcon>

#include <array>
#include <cstdint>

class QAction;
class QToolButton;

namespace banquise::widgets {

// A tool button that shows and triggers `action` (its text beside its icon).
QToolButton* buttonFor(QAction* action, QWidget* parent);
// A small square of a class's colour, the icon of its actions.
QIcon swatch(const std::array<std::uint8_t, 3>& colour);

} // namespace banquise::widgets
