#include "widgets/ComparisonPanel.h"

#include "rendering/ComparisonPlots.h"
#include "rendering/HeightFieldScene.h"
#include "widgets/HeightFieldView.h"
#include "widgets/PlotChart.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace banquise::widgets {

namespace {

void replaceChart(QChartView* view, QChart* chart)
{
    QChart* old = view->chart();
    view->setChart(chart); // the view releases the old chart without deleting it
    delete old;
}

} // namespace

ComparisonPanel::ComparisonPanel(QWidget* parent)
    : QWidget(parent), m_compare(new QPushButton(tr("Compare with SWOT"))),
      m_leaveOneTrackOut(new QCheckBox(tr("Leave one track out"))), m_profile(new QPushButton(tr("Profile"))),
      m_report(new QPushButton(tr("Write report…"))), m_status(new QLabel), m_tabs(new QTabWidget), m_table(new QTableWidget),
      m_heightField(new HeightFieldView), m_surface(new QComboBox), m_exaggeration(new QDoubleSpinBox)
{
    m_compare->setToolTip(tr("The model's elevation against the scene's SWOT swath, drift-compensated to the SAR time"));
    m_leaveOneTrackOut->setToolTip(tr("Also retrain without each altimeter track in turn and score on it (minutes)"));
    m_profile->setCheckable(true);
    m_profile->setShortcut(QKeySequence(tr("P")));
    m_profile->setToolTip(tr("Draw a line on the map: every elevation layer along it (P)"));
    m_report->setToolTip(tr("HTML report with the maps, plots, metrics (CSV, JSON) and provenance"));
    m_report->setEnabled(false);
    m_profile->setEnabled(false);
    m_status->setWordWrap(true);
    m_status->setText(tr("Predict with a model, then compare its elevation with SWOT."));

    const QStringList columns = [] {
        QStringList names;
        for (const std::string& c : models::metricColumns())
            names << QString::fromStdString(c);
        return names;
    }();
    m_table->setColumnCount(columns.size());
    m_table->setHorizontalHeaderLabels(columns);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tabs->addTab(m_table, tr("Metrics"));
    for (const QString& name : {tr("Scatter"), tr("Histogram"), tr("Cross-track"), tr("Profile")}) {
        auto* view = new QChartView(new QChart);
        view->setRenderHint(QPainter::Antialiasing);
        m_charts.push_back(view);
        m_tabs->addTab(view, name);
    }

    m_surface->addItems({tr("Prediction"), tr("SWOT")});
    m_exaggeration->setRange(1.0, 100000.0);
    m_exaggeration->setDecimals(0);
    m_exaggeration->setSingleStep(500.0);
    m_exaggeration->setPrefix(tr("vertical × "));
    m_exaggeration->setValue(3000.0);
    m_exaggeration->setToolTip(tr("Vertical exaggeration: sea-ice relief of a metre over 100 km needs thousands"));
    auto* page = new QWidget;
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_surface);
    controls->addWidget(m_exaggeration);
    controls->addStretch();
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addLayout(controls);
    pageLayout->addWidget(m_heightField, 1);
    m_tabs->addTab(page, tr("3D"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_compare);
    buttons->addWidget(m_leaveOneTrackOut);
    buttons->addStretch();
    auto* tools = new QHBoxLayout;
    tools->addWidget(m_profile);
    tools->addWidget(m_report);
    tools->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addLayout(tools);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);

    // While a comparison runs the button cancels it (leave-one-track-out trains for minutes).
    connect(m_compare, &QPushButton::clicked, this, [this] {
        if (m_busy)
            Q_EMIT cancelRequested();
        else
            Q_EMIT compareRequested(m_leaveOneTrackOut->isChecked());
    });
    connect(m_profile, &QPushButton::toggled, this, &ComparisonPanel::profileToolToggled);
    connect(m_report, &QPushButton::clicked, this, &ComparisonPanel::reportRequested);
    connect(m_surface, &QComboBox::currentIndexChanged, this, &ComparisonPanel::surfaceChosen);
    connect(m_exaggeration, &QDoubleSpinBox::valueChanged, this, [this](double factor) {
        m_heightField->heightField().setExaggeration(factor);
        m_heightField->refresh();
    });
    m_heightField->heightField().setExaggeration(m_exaggeration->value());
}

void ComparisonPanel::showComparison(const std::vector<models::MetricsRow>& rows, const models::ElevationComparison& comparison)
{
    m_table->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const std::vector<std::string> cells = models::metricCells(rows[r]);
        for (int c = 0; c < static_cast<int>(cells.size()); ++c) {
            auto* item = new QTableWidgetItem(QString::fromStdString(cells[c]));
            item->setTextAlignment(c < 3 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
    }
    replaceChart(m_charts[Density], chartOf(rendering::densityPlot(comparison.density, tr("prediction"), tr("SWOT"))));
    replaceChart(m_charts[Histogram], chartOf(rendering::differenceHistogramPlot(comparison.differences, tr("Prediction - SWOT"))));
    replaceChart(m_charts[CrossTrack], chartOf(rendering::crossTrackPlot(comparison.table)));
    m_report->setEnabled(true);
    m_profile->setEnabled(true);
}

void ComparisonPanel::showProfile(const models::Profile& profile, const std::vector<QString>& names, double pixelSize)
{
    replaceChart(m_charts[Profile], chartOf(rendering::profilePlot(profile, names, pixelSize)));
    m_tabs->setCurrentWidget(m_charts[Profile]);
}

void ComparisonPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_compare->setText(busy ? tr("Cancel") : tr("Compare with SWOT"));
    m_leaveOneTrackOut->setEnabled(!busy);
}

void ComparisonPanel::showStatus(const QString& text)
{
    m_status->setText(text);
}

} // namespace banquise::widgets
