#include "common/TestRegistry.h"

#include "widgets/ProductListDialog.h"

#include <QDoubleSpinBox>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace banquise;

namespace {
scene::DetectedProduct product(const char* kind, const char* sensor, const char* path)
{
    scene::DetectedProduct p;
    p.kind = kind;
    p.sensor = sensor;
    p.path = path;
    p.time = 1710432312.0;
    return p;
}
} // namespace

class TestProductListDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsProductsPreCheckedAndSkippedWithReasons()
    {
        scene::Detection detection;
        detection.products = {product("sentinel1_safe", "Sentinel-1", "/data/S1A.SAFE/manifest.safe"),
                              product("raster", "Sentinel-2B", "/data/T7XNM_20240314T193021_B04_20m.tif"),
                              product("raster", "raster", "/data/truth/freeboard.tif"),
                              product("altimeter", "CryoSat-2", "/data/CS_OFFL.nc")};
        detection.products[0].footprint = {{-51.2, 69.1}, {-48.0, 70.3}, {-49.5, 69.7}};
        detection.skipped = {"/data/notes.txt: not a product kind Banquise reads"};
        widgets::ProductListDialog dialog(detection);
        auto* table = dialog.findChild<QTableWidget*>("productTable");
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->item(0, 2)->text(), QString("2024-03-14T16:05:12Z"));
        QCOMPARE(table->item(0, 4)->text(), QString("69.10° N to 70.30° N, 51.20° W to 48.00° W"));
        QCOMPARE(table->item(3, 4)->text(), QString("unknown"));
        // Single optical bands and unnamed rasters (truth) are not picked by default.
        QCOMPARE(dialog.chosenProducts().size(), std::size_t(2));
        table->item(2, 0)->setCheckState(Qt::Checked);
        QCOMPARE(dialog.chosenProducts().size(), std::size_t(3));
        QVERIFY(dialog.findChild<QPlainTextEdit*>("skippedList")->toPlainText().contains("notes.txt: not a product kind"));
    }

    void gridDefaultsToPolarStereographicAtSarSpacing()
    {
        widgets::ProductListDialog dialog(scene::Detection{});
        QCOMPARE(dialog.epsg(), 3413);
        QCOMPARE(dialog.pixelSize(), 40.0);
        dialog.findChild<QSpinBox*>("gridEpsg")->setValue(3996);
        dialog.findChild<QDoubleSpinBox*>("gridPixelSize")->setValue(80.0);
        QCOMPARE(dialog.epsg(), 3996);
        QCOMPARE(dialog.pixelSize(), 80.0);
    }
};

BANQUISE_REGISTER_TEST(TestProductListDialog);
#include "tst_ProductListDialog.moc"
