#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"
#include "common/TwoLayerScene.h"

#include "rendering/ViewScene.h"
#include "widgets/LayerPanel.h"
#include "widgets/ViewGrid.h"
#include "widgets/VtkView.h"

#include <QComboBox>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QTest>

using namespace banquise;
using namespace banquise::widgets;

class TestLayerPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_scene = tests::writeAndReadTwoLayerScene(m_folder.path());
        m_grid = std::make_unique<ViewGrid>();
        m_grid->resize(820, 400);
        m_grid->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_grid.get()));
        m_grid->showScene(m_scene);
        m_panel = std::make_unique<LayerPanel>(m_grid.get());
        m_panel->reload();
        m_list = m_panel->findChild<QListWidget*>("layerList");
        QVERIFY(m_list);
    }
    void cleanup()
    {
        m_panel.reset();
        m_grid.reset();
    }

    void listShowsTheTopOfTheStackFirst()
    {
        QCOMPARE(m_list->count(), 2);
        QCOMPARE(m_list->item(0)->text(), QString("track"));
        QCOMPARE(m_list->item(1)->text(), QString("halves"));
    }

    void uncheckingALayerHidesItInThatViewOnly()
    {
        m_list->item(1)->setCheckState(Qt::Unchecked);
        QVERIFY(!stack(0).style(0).visible);
        QVERIFY(stack(1).style(0).visible);
        const QColor hidden = pixel(0, 150, 120);
        const QColor shown = pixel(1, 150, 120);
        QVERIFY2(hidden.red() < 60, qPrintable(hidden.name()));
        QVERIFY2(shown.red() > 250, qPrintable(shown.name()));
    }

    void opacityBlendsWithTheBackground()
    {
        m_panel->selectLayer(0);
        m_panel->findChild<QSlider*>("opacity")->setValue(50);
        QCOMPARE(stack(0).style(0).opacity, 0.5);
        const QColor half = pixel(0, 150, 120);
        QVERIFY2(half.red() > 120 && half.red() < 160, qPrintable(half.name()));
    }

    void raisingMovesTheLayerUpTheStack()
    {
        m_panel->selectLayer(0);
        const auto buttons = m_panel->findChildren<QPushButton*>();
        QPushButton* raise = nullptr;
        for (QPushButton* b : buttons)
            if (b->text() == "Raise")
                raise = b;
        QVERIFY(raise);
        raise->click();
        QCOMPARE(stack(0).layer(1).name(), std::string("halves"));
        QCOMPARE(m_list->item(0)->text(), QString("halves"));
        QCOMPARE(m_panel->selectedLayer(), 1);
    }

    void changingTheColormapRestretches()
    {
        m_panel->selectLayer(0);
        auto* colormap = m_panel->findChild<QComboBox*>("colormap");
        colormap->setCurrentIndex(colormap->findData(int(rendering::Colormap::Diverging)));
        const rendering::LayerStyle& style = stack(0).style(0);
        QVERIFY(style.colormap == rendering::Colormap::Diverging);
        QCOMPARE(style.min, -1.0);
        QCOMPARE(style.max, 1.0);
    }

    void eachViewHasItsOwnList()
    {
        m_list->item(1)->setCheckState(Qt::Unchecked);
        m_panel->setCurrentView(1);
        QCOMPARE(m_list->item(1)->checkState(), Qt::Checked);
        m_panel->setCurrentView(0);
        QCOMPARE(m_list->item(1)->checkState(), Qt::Unchecked);
    }

private:
    rendering::ViewScene& stack(int view) const { return m_grid->view(view)->viewScene(); }

    QColor pixel(int v, int col, int row) const
    {
        const QImage image = m_grid->grab().toImage();
        VtkView* view = m_grid->view(v);
        return image.pixelColor(view->mapTo(m_grid.get(), view->mapToDisplay(m_scene.grid().pixelCentre(col, row)).toPoint()));
    }

    tests::TempSceneFolder m_folder;
    scene::Scene m_scene;
    std::unique_ptr<ViewGrid> m_grid;
    std::unique_ptr<LayerPanel> m_panel;
    QListWidget* m_list = nullptr;
};

BANQUISE_REGISTER_TEST(TestLayerPanel);
#include "tst_LayerPanel.moc"
