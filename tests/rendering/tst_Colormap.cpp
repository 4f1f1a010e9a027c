#include "common/TestRegistry.h"

#include "rendering/Colormap.h"
#include "rendering/LookupTable.h"

#include <vtkLookupTable.h>
#include <vtkSmartPointer.h>

#include <QTest>

#include <cmath>

using namespace banquise::rendering;

Q_DECLARE_METATYPE(banquise::rendering::Colormap)

class TestColormap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void endpointsAndMiddle_data()
    {
        QTest::addColumn<Colormap>("colormap");
        QTest::addColumn<double>("t");
        QTest::addColumn<int>("r");
        QTest::addColumn<int>("g");
        QTest::addColumn<int>("b");
        QTest::newRow("grey low") << Colormap::Grey << 0.0 << 0 << 0 << 0;
        QTest::newRow("grey high") << Colormap::Grey << 1.0 << 255 << 255 << 255;
        QTest::newRow("grey half") << Colormap::Grey << 0.5 << 128 << 128 << 128;
        QTest::newRow("dB grey is grey") << Colormap::GreyDecibel << 0.25 << 64 << 64 << 64;
        QTest::newRow("diverging zero is near white") << Colormap::Diverging << 0.5 << 247 << 247 << 247;
        QTest::newRow("diverging low is blue") << Colormap::Diverging << 0.0 << 5 << 48 << 97;
        QTest::newRow("diverging high is red") << Colormap::Diverging << 1.0 << 102 << 0 << 31;
        QTest::newRow("sequential high is ice white") << Colormap::Sequential << 1.0 << 255 << 255 << 255;
        QTest::newRow("clamped above") << Colormap::Grey << 7.0 << 255 << 255 << 255;
        QTest::newRow("NaN shows the low end") << Colormap::Grey << std::nan("") << 0 << 0 << 0;
    }
    void endpointsAndMiddle()
    {
        QFETCH(Colormap, colormap);
        QFETCH(double, t);
        QFETCH(int, r);
        QFETCH(int, g);
        QFETCH(int, b);
        const Rgb c = colourAt(colormap, t);
        QCOMPARE(int(c[0]), r);
        QCOMPARE(int(c[1]), g);
        QCOMPARE(int(c[2]), b);
    }

    void decibelsOfLinearPower()
    {
        QCOMPARE(displayValue(Colormap::GreyDecibel, 0.01), -20.0);
        QCOMPARE(displayValue(Colormap::GreyDecibel, 1.0), 0.0);
        QVERIFY(std::isnan(displayValue(Colormap::GreyDecibel, 0.0)));
        QCOMPARE(displayValue(Colormap::Diverging, -0.3), -0.3);
    }

    void lookupTableMatchesTheColourFunction()
    {
        auto table = makeLookupTable(Colormap::Diverging, -1.0, 1.0);
        double rgb[3];
        table->GetColor(1.0, rgb);
        const Rgb top = colourAt(Colormap::Diverging, 1.0);
        QVERIFY(std::abs(rgb[0] * 255.0 - top[0]) < 1.0);
        double nan[4];
        table->GetNanColor(nan);
        QCOMPARE(nan[3], 0.0);
    }
};

BANQUISE_REGISTER_TEST(TestColormap);
#include "tst_Colormap.moc"
