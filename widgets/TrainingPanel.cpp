#include "widgets/TrainingPanel.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace banquise::widgets {

TrainingPanel::TrainingPanel(QWidget* parent)
    : QWidget(parent), m_steps(new QSpinBox(this)), m_train(new QPushButton(tr("Train"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_load(new QPushButton(tr("Load…"), this)),
      m_save(new QPushButton(tr("Save…"), this)), m_progress(new QProgressBar(this)), m_status(new QLabel(this)), m_chart(new QChart),
      m_total(new QLineSeries), m_concentration(new QLineSeries), m_optical(new QLineSeries), m_altimeter(new QLineSeries),
      m_speckle(new QLineSeries), m_stepAxis(new QValueAxis), m_lossAxis(new QValueAxis)
{
    m_steps->setRange(1, 100000);
    m_steps->setValue(models::TrainingOptions{}.steps);
    m_steps->setSuffix(tr(" steps"));
    m_steps->setObjectName("trainingSteps");
    m_train->setObjectName("trainModels");
    m_cancel->setObjectName("cancelTraining");
    m_cancel->setEnabled(false);
    m_status->setWordWrap(true);
    m_status->setObjectName("trainingStatus");

    const std::pair<QLineSeries*, QString> series[] = {
        {m_total, tr("total")}, {m_concentration, tr("SIC")}, {m_optical, tr("optical")}, {m_altimeter, tr("alt.")}, {m_speckle, tr("speckle")}};
    m_stepAxis->setTitleText(tr("step"));
    m_stepAxis->setLabelFormat("%d");
    m_lossAxis->setTitleText(tr("loss"));
    m_chart->addAxis(m_stepAxis, Qt::AlignBottom);
    m_chart->addAxis(m_lossAxis, Qt::AlignLeft);
    for (const auto& [line, name] : series) {
        line->setName(name);
        m_chart->addSeries(line);
        line->attachAxis(m_stepAxis);
        line->attachAxis(m_lossAxis);
    }
    m_stepAxis->setRange(0, m_steps->value());
    m_lossAxis->setRange(0.0, 1.0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    QFont legendFont = m_chart->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.8);
    m_chart->legend()->setFont(legendFont);
    m_chart->setMargins({2, 2, 2, 2});
    auto* view = new QChartView(m_chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_steps);
    buttons->addWidget(m_train);
    buttons->addWidget(m_cancel);
    auto* files = new QHBoxLayout;
    files->addWidget(m_load);
    files->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addLayout(files);
    layout->addWidget(m_progress);
    layout->addWidget(view, 1);
    layout->addWidget(m_status);

    connect(m_train, &QPushButton::clicked, this, [this] { Q_EMIT trainRequested(m_steps->value()); });
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPanel::cancelRequested);
    connect(m_load, &QPushButton::clicked, this, &TrainingPanel::loadRequested);
    connect(m_save, &QPushButton::clicked, this, &TrainingPanel::saveRequested);
}

int TrainingPanel::steps() const
{
    return m_steps->value();
}

void TrainingPanel::setRunning(bool running)
{
    m_train->setEnabled(!running);
    m_load->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_save->setEnabled(!running);
}

void TrainingPanel::clearCurves()
{
    for (QLineSeries* line : {m_total, m_concentration, m_optical, m_altimeter, m_speckle})
        line->clear();
    m_maxLoss = 0.0;
    m_progress->setValue(0);
}

void TrainingPanel::addProgress(const models::TrainingProgress& p)
{
    m_total->append(p.step, p.total);
    m_concentration->append(p.step, p.concentration);
    m_optical->append(p.step, p.optical);
    m_altimeter->append(p.step, p.altimeter);
    m_speckle->append(p.step, p.speckle);
    m_maxLoss = std::max(m_maxLoss, p.total);
    m_stepAxis->setRange(0, std::max(p.steps, 1));
    m_lossAxis->setRange(0.0, m_maxLoss * 1.05);
    m_progress->setRange(0, p.steps);
    m_progress->setValue(p.step);
}

void TrainingPanel::showStatus(const QString& text)
{
    m_status->setText(text);
}

int TrainingPanel::plottedSteps() const
{
    return m_total->count();
}

} // namespace banquise::widgets
