#include "widgets/LayerPanel.h"

#include "rendering/ViewScene.h"
#include "scene/Layer.h"
#include "widgets/ViewGrid.h"
#include "widgets/VtkView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

#include <limits>

namespace banquise::widgets {

namespace {
QDoubleSpinBox* makeRangeBox(QWidget* parent)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(-1e9, 1e9);
    box->setDecimals(3);
    box->setKeyboardTracking(false);
    return box;
}
} // namespace

LayerPanel::LayerPanel(ViewGrid* grid, QWidget* parent)
    : QWidget(parent), m_grid(grid), m_viewChoice(new QComboBox(this)), m_list(new QListWidget(this)),
      m_up(new QPushButton(tr("Raise"), this)), m_down(new QPushButton(tr("Lower"), this)),
      m_opacity(new QSlider(Qt::Horizontal, this)), m_colormap(new QComboBox(this)), m_min(makeRangeBox(this)),
      m_max(makeRangeBox(this)), m_stretch(new QPushButton(tr("Auto-stretch 2–98 %"), this)),
      m_footprints(new QCheckBox(tr("Show footprints"), this))
{
    m_viewChoice->setObjectName("viewChoice");
    m_list->setObjectName("layerList");
    m_opacity->setObjectName("opacity");
    m_colormap->setObjectName("colormap");
    m_opacity->setRange(0, 100);
    for (const rendering::Colormap c : rendering::allColormaps())
        m_colormap->addItem(QString::fromStdString(rendering::toString(c)), static_cast<int>(c));

    auto* order = new QHBoxLayout;
    order->addWidget(m_up);
    order->addWidget(m_down);
    auto* form = new QFormLayout;
    form->addRow(tr("Opacity"), m_opacity);
    form->addRow(tr("Colormap"), m_colormap);
    form->addRow(tr("Minimum"), m_min);
    form->addRow(tr("Maximum"), m_max);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_viewChoice);
    layout->addWidget(m_list, 1);
    layout->addLayout(order);
    layout->addLayout(form);
    layout->addWidget(m_stretch);
    layout->addWidget(m_footprints);

    connect(m_grid, &ViewGrid::layoutChanged, this, &LayerPanel::updateViewChoices);
    connect(m_viewChoice, &QComboBox::currentIndexChanged, this, &LayerPanel::reload);
    connect(m_list, &QListWidget::currentRowChanged, this, &LayerPanel::showSelectedStyle);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (!m_updating)
            setVisibility(m_list->row(item), item->checkState() == Qt::Checked);
    });
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(+1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_opacity, &QSlider::valueChanged, this, &LayerPanel::applyControls);
    connect(m_colormap, &QComboBox::currentIndexChanged, this, &LayerPanel::autoStretchSelected);
    connect(m_min, &QDoubleSpinBox::valueChanged, this, &LayerPanel::applyControls);
    connect(m_max, &QDoubleSpinBox::valueChanged, this, &LayerPanel::applyControls);
    connect(m_stretch, &QPushButton::clicked, this, &LayerPanel::autoStretchSelected);
    connect(m_footprints, &QCheckBox::toggled, this, &LayerPanel::applyControls);
    updateViewChoices();
}

int LayerPanel::currentView() const
{
    return std::max(0, m_viewChoice->currentIndex());
}

void LayerPanel::setCurrentView(int view)
{
    m_viewChoice->setCurrentIndex(view);
}

void LayerPanel::updateViewChoices()
{
    const int keep = m_viewChoice->currentIndex();
    m_updating = true;
    m_viewChoice->clear();
    for (int i = 0; i < m_grid->visibleViewCount(); ++i)
        m_viewChoice->addItem(tr("View %1").arg(i + 1));
    m_updating = false;
    m_viewChoice->setCurrentIndex(std::clamp(keep, 0, m_grid->visibleViewCount() - 1));
    reload();
}

int LayerPanel::stackIndexOfRow(int row) const
{
    return row < 0 ? -1 : m_list->count() - 1 - row;
}

int LayerPanel::selectedLayer() const
{
    return stackIndexOfRow(m_list->currentRow());
}

void LayerPanel::selectLayer(int stackIndex)
{
    m_list->setCurrentRow(m_list->count() - 1 - stackIndex);
}

void LayerPanel::reload()
{
    if (m_updating)
        return;
    const rendering::ViewScene& stack = m_grid->view(currentView())->viewScene();
    const int keep = selectedLayer();
    m_updating = true;
    m_list->clear();
    for (int i = stack.layerCount() - 1; i >= 0; --i) {
        const scene::Layer& layer = stack.layer(i);
        auto* item = new QListWidgetItem(QString::fromStdString(layer.name()), m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(stack.style(i).visible ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(QString::fromStdString(layer.info().sensor + " · " + scene::toString(layer.kind())));
    }
    m_updating = false;
    if (stack.layerCount() > 0)
        selectLayer(keep >= 0 && keep < stack.layerCount() ? keep : stack.layerCount() - 1);
    showSelectedStyle();
}

void LayerPanel::showSelectedStyle()
{
    const int index = selectedLayer();
    const rendering::ViewScene& stack = m_grid->view(currentView())->viewScene();
    const bool valid = index >= 0 && index < stack.layerCount();
    for (QWidget* w : std::initializer_list<QWidget*>{m_up, m_down, m_opacity, m_colormap, m_min, m_max, m_stretch, m_footprints})
        w->setEnabled(valid);
    if (!valid || m_updating)
        return;
    const rendering::LayerStyle& style = stack.style(index);
    m_updating = true;
    m_opacity->setValue(static_cast<int>(style.opacity * 100.0 + 0.5));
    m_colormap->setCurrentIndex(m_colormap->findData(static_cast<int>(style.colormap)));
    m_min->setValue(style.min);
    m_max->setValue(style.max);
    m_footprints->setChecked(style.showFootprints);
    m_footprints->setEnabled(stack.layer(index).kind() == scene::LayerKind::Track);
    m_updating = false;
}

void LayerPanel::applyControls()
{
    const int index = selectedLayer();
    if (m_updating || index < 0)
        return;
    rendering::ViewScene& stack = m_grid->view(currentView())->viewScene();
    rendering::LayerStyle style = stack.style(index);
    style.opacity = m_opacity->value() / 100.0;
    style.colormap = static_cast<rendering::Colormap>(m_colormap->currentData().toInt());
    style.min = m_min->value();
    style.max = m_max->value();
    style.showFootprints = m_footprints->isChecked();
    stack.setStyle(index, style);
    m_grid->view(currentView())->update();
}

void LayerPanel::setVisibility(int row, bool visible)
{
    const int index = stackIndexOfRow(row);
    rendering::ViewScene& stack = m_grid->view(currentView())->viewScene();
    rendering::LayerStyle style = stack.style(index);
    style.visible = visible;
    stack.setStyle(index, style);
    m_grid->view(currentView())->update();
}

void LayerPanel::moveSelected(int step)
{
    const int index = selectedLayer();
    rendering::ViewScene& stack = m_grid->view(currentView())->viewScene();
    const int target = index + step;
    if (index < 0 || target < 0 || target >= stack.layerCount())
        return;
    stack.moveLayer(index, target);
    m_updating = true;
    selectLayer(target); // keep the selection on the moved layer after reload
    m_updating = false;
    reload();
    m_grid->view(currentView())->update();
}

void LayerPanel::autoStretchSelected()
{
    const int index = selectedLayer();
    if (m_updating || index < 0)
        return;
    rendering::ViewScene& stack = m_grid->view(currentView())->viewScene();
    rendering::LayerStyle style = stack.style(index);
    style.colormap = static_cast<rendering::Colormap>(m_colormap->currentData().toInt());
    const rendering::ValueRange range = rendering::autoStretch(stack.layer(index), style.colormap);
    style.min = range.min;
    style.max = range.max;
    stack.setStyle(index, style);
    showSelectedStyle();
    m_grid->view(currentView())->update();
}

} // namespace banquise::widgets
