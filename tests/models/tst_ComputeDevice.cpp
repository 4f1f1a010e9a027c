#include "common/TestRegistry.h"

#include "models/ComputeDevice.h"

#include <QTest>

#include <thread>

using namespace banquise::models;

class TestComputeDevice : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void usesEveryCoreUnlessOmpNumThreadsSaysOtherwise()
    {
        const QByteArray runnerSetting = qgetenv("OMP_NUM_THREADS");
        qunsetenv("OMP_NUM_THREADS");
        const ComputeDevice device = configureComputeDevice();
        QCOMPARE(device.threads, static_cast<int>(std::thread::hardware_concurrency()));
        QVERIFY(!device.description.empty());
        qputenv("OMP_NUM_THREADS", "3");
        QCOMPARE(configureComputeDevice().threads, 3);
        qputenv("OMP_NUM_THREADS", "none");
        QCOMPARE(configureComputeDevice().threads, static_cast<int>(std::thread::hardware_concurrency()));
        if (runnerSetting.isNull())
            qunsetenv("OMP_NUM_THREADS");
        else
            qputenv("OMP_NUM_THREADS", runnerSetting);
        configureComputeDevice();
    }

    void matrixProductIsExactOnTheDevice()
    {
        QCOMPARE(selfTest(configureComputeDevice()), 0.0);
    }
};

BANQUISE_REGISTER_TEST(TestComputeDevice);
#include "tst_ComputeDevice.moc"
