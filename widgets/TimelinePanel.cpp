#include "widgets/TimelinePanel.h"

#include <QCheckBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace banquise::widgets {

namespace {
constexpr int kLabelWidth = 130; // sensor names on the left ("Sentinel-3 SRAL")
constexpr int kRowHeight = 18;
constexpr int kMargin = 8;
constexpr int kPlayIntervalMs = 800;

QString utcText(double time)
{
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(time), Qt::UTC).toString("yyyy-MM-dd HH:mm 'UTC'");
}
} // namespace

TimelinePanel::TimelinePanel(QWidget* parent)
    : QWidget(parent), m_play(new QToolButton(this)), m_compensated(new QCheckBox(tr("Compensated to the reference time"), this)),
      m_dateLabel(new QLabel(this)), m_timer(new QTimer(this))
{
    setObjectName("timeline");
    setFocusPolicy(Qt::StrongFocus);
    m_play->setObjectName("timelinePlay");
    m_play->setText(tr("Play"));
    m_play->setCheckable(true);
    m_compensated->setObjectName("timelineCompensated");
    m_dateLabel->setObjectName("timelineDate");
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_play);
    controls->addWidget(m_dateLabel, 1);
    controls->addWidget(m_compensated);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addStretch(1);
    m_timer->setInterval(kPlayIntervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] { chooseDate(m_dates.empty() ? -1 : (m_current + 1) % dateCount()); });
    connect(m_play, &QToolButton::toggled, this, [this](bool on) {
        m_play->setText(on ? tr("Pause") : tr("Play"));
        if (on && dateCount() > 1)
            m_timer->start();
        else
            m_timer->stop();
    });
    connect(m_compensated, &QCheckBox::toggled, this, &TimelinePanel::compensatedChanged);
    setMinimumHeight(120);
}

void TimelinePanel::setAcquisitions(std::vector<Acquisition> acquisitions, std::vector<double> dates)
{
    // The same dates (a layer added to the scene): the date shown and the play stay.
    const bool sameDates = dates == m_dates;
    if (!sameDates)
        m_play->setChecked(false);
    m_acquisitions = std::move(acquisitions);
    m_dates = std::move(dates);
    // SAR first (the dates the user steps through), then the other sensors in order of their first acquisition.
    std::stable_sort(m_acquisitions.begin(), m_acquisitions.end(), [](const Acquisition& a, const Acquisition& b) { return a.time < b.time; });
    m_rows.clear();
    for (const Acquisition& a : m_acquisitions)
        if (std::find(m_rows.begin(), m_rows.end(), a.sensor) == m_rows.end())
            m_rows.push_back(a.sensor);
    std::stable_partition(m_rows.begin(), m_rows.end(), [](const QString& row) { return row.contains("Sentinel-1") || row.contains("RADARSAT"); });
    if (!sameDates) {
        m_current = m_dates.empty() ? -1 : 0;
        m_dateLabel->setText(m_dates.empty() ? tr("No dated acquisition") : tr("Date 1 of %1: %2").arg(dateCount()).arg(utcText(m_dates[0])));
    }
    setMinimumHeight(60 + kRowHeight * static_cast<int>(m_rows.size()) + 2 * kMargin);
    update();
}

void TimelinePanel::chooseDate(int index)
{
    if (index < 0 || index >= dateCount())
        return;
    m_current = index;
    m_dateLabel->setText(tr("Date %1 of %2: %3 (%4 days after the first)")
                             .arg(index + 1)
                             .arg(dateCount())
                             .arg(utcText(m_dates[static_cast<std::size_t>(index)]))
                             .arg((m_dates[static_cast<std::size_t>(index)] - m_dates.front()) / 86400.0, 0, 'f', 1));
    update();
    Q_EMIT dateChosen(index, m_dates[static_cast<std::size_t>(index)]);
}

bool TimelinePanel::compensated() const
{
    return m_compensated->isChecked();
}

bool TimelinePanel::isPlaying() const
{
    return m_timer->isActive();
}

QRect TimelinePanel::axisArea() const
{
    const int top = m_play->geometry().bottom() + kMargin;
    return QRect(kLabelWidth, top, std::max(10, width() - kLabelWidth - 2 * kMargin), kRowHeight * std::max<int>(1, m_rows.size()));
}

int TimelinePanel::xOf(double time) const
{
    const QRect area = axisArea();
    if (m_acquisitions.empty())
        return area.left();
    const double first = m_acquisitions.front().time;
    const double last = m_acquisitions.back().time;
    const double span = std::max(last - first, 3600.0);
    const double share = (time - first + 0.05 * span) / (1.1 * span); // a little room at both ends
    return area.left() + static_cast<int>(std::lround(share * area.width()));
}

int TimelinePanel::rowOf(const QString& sensor) const
{
    const auto it = std::find(m_rows.begin(), m_rows.end(), sensor);
    return it == m_rows.end() ? -1 : static_cast<int>(it - m_rows.begin());
}

int TimelinePanel::yOfRow(int row) const
{
    return axisArea().top() + row * kRowHeight + kRowHeight / 2;
}

void TimelinePanel::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect area = axisArea();
    const QColor ink = palette().color(QPalette::WindowText);
    for (int row = 0; row < static_cast<int>(m_rows.size()); ++row) {
        const int y = yOfRow(row);
        painter.setPen(ink);
        painter.drawText(QRect(kMargin, y - kRowHeight / 2, kLabelWidth - kMargin, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                         m_rows[static_cast<std::size_t>(row)]);
        painter.setPen(QPen(palette().color(QPalette::Mid), 1));
        painter.drawLine(area.left(), y, area.right(), y);
    }
    // Days along the bottom.
    if (!m_acquisitions.empty()) {
        painter.setPen(ink);
        const double first = std::floor(m_acquisitions.front().time / 86400.0) * 86400.0;
        for (double day = first; day <= m_acquisitions.back().time + 86400.0; day += 86400.0) {
            const int x = xOf(day);
            if (x < area.left() || x > area.right())
                continue;
            painter.drawLine(x, area.bottom() + 2, x, area.bottom() + 6);
            painter.drawText(QRect(x - 30, area.bottom() + 6, 60, 14), Qt::AlignHCenter,
                             QDateTime::fromSecsSinceEpoch(static_cast<qint64>(day), Qt::UTC).toString("MM-dd"));
        }
    }
    if (m_current >= 0) {
        const int x = xOf(m_dates[static_cast<std::size_t>(m_current)]);
        painter.setPen(QPen(QColor(230, 160, 0), 3));
        painter.drawLine(x, area.top() - 4, x, area.bottom() + 4);
    }
    for (const Acquisition& a : m_acquisitions) {
        const QPoint centre(xOf(a.time), yOfRow(rowOf(a.sensor)));
        painter.setPen(QPen(ink, 1));
        painter.setBrush(QColor(40, 110, 200));
        painter.drawPolygon(QPolygon({centre + QPoint(0, -6), centre + QPoint(5, 0), centre + QPoint(0, 6), centre + QPoint(-5, 0)}));
    }
}

void TimelinePanel::mousePressEvent(QMouseEvent* event)
{
    if (m_dates.empty())
        return;
    int nearest = 0;
    for (int k = 1; k < dateCount(); ++k)
        if (std::abs(xOf(m_dates[static_cast<std::size_t>(k)]) - event->position().x())
            < std::abs(xOf(m_dates[static_cast<std::size_t>(nearest)]) - event->position().x()))
            nearest = k;
    setFocus();
    chooseDate(nearest);
}

void TimelinePanel::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Right)
        step(1);
    else if (event->key() == Qt::Key_Left)
        step(-1);
    else if (event->key() == Qt::Key_Space)
        m_play->toggle();
    else
        QWidget::keyPressEvent(event);
}

void TimelinePanel::step(int by)
{
    if (!m_dates.empty())
        chooseDate(std::clamp(m_current + by, 0, dateCount() - 1));
}

} // namespace banquise::widgets
