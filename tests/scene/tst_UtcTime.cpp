#include "common/TestRegistry.h"

#include "scene/UtcTime.h"

#include <QTest>

using namespace banquise::scene;

class TestUtcTime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesIsoUtc_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("seconds");
        QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << 0.0;
        QTest::newRow("leap day") << "2024-02-29T12:00:00Z" << 1709208000.0;
        QTest::newRow("fraction") << "2021-04-01T05:26:22.5Z" << 1617254782.5;
        QTest::newRow("no zone") << "2019-05-04T12:25:46" << 1556972746.0;
    }
    void parsesIsoUtc()
    {
        QFETCH(QString, text);
        QFETCH(double, seconds);
        const auto parsed = parseUtc(text.toStdString());
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, seconds);
    }

    void rejectsWhatIsNotUtc_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("date only") << "2024-02-29";
        QTest::newRow("month 13") << "2024-13-01T00:00:00Z";
        QTest::newRow("offset zone") << "2024-01-01T00:00:00+02:00";
        QTest::newRow("words") << "yesterday";
    }
    void rejectsWhatIsNotUtc()
    {
        QFETCH(QString, text);
        QVERIFY(!parseUtc(text.toStdString()).has_value());
    }

    void formatsWhatItParses()
    {
        const std::string text = "2024-03-14T07:42:10Z";
        QCOMPARE(formatUtc(*parseUtc(text)), text);
    }
};

BANQUISE_REGISTER_TEST(TestUtcTime);
#include "tst_UtcTime.moc"
