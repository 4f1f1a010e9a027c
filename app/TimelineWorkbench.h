#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

namespace banquise::widgets {
class TimelinePanel;
}

namespace banquise::app {

class SceneDocument;

// The timeline dock's behaviour: it lists the open scene's dated
// acquisitions on the panel, and choosing a SAR date shows that date's SAR
// image in the SAR view and the tracks acquired around it in every view
// (the others hidden), each as its drift-compensated twin when the panel
// asks for the reference time and the twin exists. A time series (more
// than two SAR dates) opens on its first date.
class TimelineWorkbench : public QObject {
    Q_OBJECT
public:
    TimelineWorkbench(SceneDocument& document, widgets::TimelinePanel* panel, std::function<void(const QString&)> status,
                      QObject* parent = nullptr);

    widgets::TimelinePanel* panel() const { return m_panel; }

private:
    void reload();
    void showDate(int index);

    SceneDocument& m_document;
    widgets::TimelinePanel* m_panel;
    std::function<void(const QString&)> m_status;
    std::vector<double> m_dates; // the SAR dates on the panel
};

} // namespace banquise::app
