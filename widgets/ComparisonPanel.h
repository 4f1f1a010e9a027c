#pragma once

#include "models/ElevationComparison.h"

#include <QString>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;
QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace banquise::widgets {

class HeightFieldView;

// The SWOT comparison dock: Compare (optionally with leave-one-track-out),
// the profile tool, Write report; then the metrics table and the plots
// (scatter density, histogram of differences, agreement against distance
// from nadir, profile) and the 3-D view (prediction or SWOT as a height
// field, SAR draped, vertical exaggeration, a marker at the map cursor) in tabs.
class ComparisonPanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonPanel(QWidget* parent = nullptr);

    // Every row (the table) and the comparison they summarise (the plots).
    void showComparison(const std::vector<models::MetricsRow>& rows, const models::ElevationComparison& comparison);
    void showProfile(const models::Profile& profile, const std::vector<QString>& names, double pixelSize);
    void setBusy(bool busy);
    void showStatus(const QString& text);

    QTableWidget* metricsTable() const { return m_table; }
    QTabWidget* tabs() const { return m_tabs; }
    QChartView* chartView(int index) const { return m_charts.at(index); }
    QPushButton* compareButton() const { return m_compare; }
    QPushButton* profileButton() const { return m_profile; }
    QPushButton* reportButton() const { return m_report; }
    QCheckBox* leaveOneTrackOutBox() const { return m_leaveOneTrackOut; }
    HeightFieldView* heightFieldView() const { return m_heightField; }
    QComboBox* surfaceBox() const { return m_surface; }
    QDoubleSpinBox* exaggerationBox() const { return m_exaggeration; }

    // Tabs of the plots, after the table (tab 0).
    enum Chart { Density, Histogram, CrossTrack, Profile };
    // What the 3-D view shows (the surface box's items).
    enum Surface { PredictionSurface, SwotSurface };

Q_SIGNALS:
    void compareRequested(bool leaveOneTrackOut);
    void cancelRequested();
    void profileToolToggled(bool on);
    void reportRequested();
    void surfaceChosen(int surface);

private:
    QPushButton* m_compare;
    QCheckBox* m_leaveOneTrackOut;
    QPushButton* m_profile;
    QPushButton* m_report;
    QLabel* m_status;
    QTabWidget* m_tabs;
    QTableWidget* m_table;
    std::vector<QChartView*> m_charts;
    HeightFieldView* m_heightField;
    QComboBox* m_surface;
    QDoubleSpinBox* m_exaggeration;
    bool m_busy = false;
};

} // namespace banquise::widgets
