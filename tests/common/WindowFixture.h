#pragma once

#include "common/TempSceneFolder.h"
#include "common/TwoLayerScene.h"

#include "app/MainWindow.h"
#include "models/ComputeDevice.h"
#include "scene/synthetic/SyntheticScene.h"

#include <QObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace banquise::tests {

// A main window on screen with a small two-layer scene open, for the GUI
// tests of app/ (each test class calls openWindow in init and closeWindow
// in cleanup), and a scratch folder for the scenes they write.
class WindowFixture : public QObject {
protected:
    bool openWindow()
    {
        m_window = std::make_unique<app::MainWindow>(models::ComputeDevice{false, 2, "CPU, 2 threads"});
        m_window->resize(1100, 700);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return false;
        writeAndReadTwoLayerScene(m_folder.path());
        QSignalSpy shown(m_window.get(), &app::MainWindow::sceneShown);
        m_window->openSceneInBackground(QString::fromStdString(m_folder.path()));
        return shown.wait(20000);
    }

    void closeWindow() { m_window.reset(); }

    // Writes a synthetic scene of that size in the scratch folder and opens it.
    bool openSyntheticScene(const char* name, double sizeKm)
    {
        const std::string folder = m_folder.path(name);
        scene::synthetic::SynthOptions options;
        options.sizeKm = sizeKm;
        scene::synthetic::writeSyntheticScene(options, folder);
        QSignalSpy shown(m_window.get(), &app::MainWindow::sceneShown);
        m_window->openSceneInBackground(QString::fromStdString(folder));
        return shown.wait(30000);
    }

    TempSceneFolder m_folder;
    std::unique_ptr<app::MainWindow> m_window;
};

} // namespace banquise::tests
