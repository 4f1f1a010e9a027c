#include "widgets/ActionButtons.h"

#include <QColor>
#include <QPixmap>
#include <QToolButton>

namespace banquise::widgets {

QToolButton* buttonFor(QAction* action, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}

QIcon swatch(const std::array<std::uint8_t, 3>& colour)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(QColor(colour[0], colour[1], colour[2]));
    return QIcon(pixmap);
}

} // namespace banquise::widgets
