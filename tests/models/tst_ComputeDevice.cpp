#include "common/TestRegistry.h"

#include "models/ComputeDevice.h"

#include <QTest>

#include <thread>

using namespace banquise::models;

class TestComputeDevice : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void usesEveryCore()
    {
        const ComputeDevice device = configureComputeDevice();
        QCOMPARE(device.threads, static_cast<int>(std::thread::hardware_concurrency()));
        QVERIFY(!device.description.empty());
    }

    void matrixProductIsExactOnTheDevice()
    {
        QCOMPARE(selfTest(configureComputeDevice()), 0.0);
    }
};

BANQUISE_REGISTER_TEST(TestComputeDevice);
#include "tst_ComputeDevice.moc"
