#pragma once

#include <QString>
#include <QWidget>

#include <vector>

class QCheckBox;
class QLabel;
class QTimer;
class QToolButton;

namespace banquise::widgets {

// One acquisition on the timeline: a sensor's layer and when it was seen.
struct Acquisition {
    QString sensor; // the row it sits on
    QString layer;  // the layer's name
    double time = 0.0; // UTC seconds
};

// Every sensor's acquisitions of a scene on one time axis, a row per
// sensor (SAR first), and the date being shown as a vertical line. The
// SAR dates are what the user steps through: a click picks the nearest,
// Left/Right step, Play runs through them; "Compensated" asks for each
// date's layers brought to the reference time.
class TimelinePanel : public QWidget {
    Q_OBJECT
public:
    explicit TimelinePanel(QWidget* parent = nullptr);

    // `dates`: the SAR dates (UTC seconds), increasing; the first is the
    // reference. With the same dates as before the date shown stays.
    void setAcquisitions(std::vector<Acquisition> acquisitions, std::vector<double> dates);
    int dateCount() const { return static_cast<int>(m_dates.size()); }
    int currentDate() const { return m_current; }
    void chooseDate(int index);
    bool compensated() const;
    bool isPlaying() const;
    // Horizontal position of a time on the axis, in this widget's pixels.
    int xOf(double time) const;
    // The row of a sensor (0 first), -1 when it has none.
    int rowOf(const QString& sensor) const;
    int yOfRow(int row) const;

Q_SIGNALS:
    void dateChosen(int index, double time);
    void compensatedChanged(bool compensated);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void step(int by);
    QRect axisArea() const;

    std::vector<Acquisition> m_acquisitions;
    std::vector<double> m_dates;
    std::vector<QString> m_rows;
    int m_current = -1;
    QToolButton* m_play;
    QCheckBox* m_compensated;
    QLabel* m_dateLabel;
    QTimer* m_timer;
};

} // namespace banquise::widgets
