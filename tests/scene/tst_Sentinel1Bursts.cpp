#include "common/TestRegistry.h"

#include "scene/GdalDataset.h"
#include "scene/SceneError.h"
#include "scene/Sentinel1Bursts.h"
#include "scene/Sentinel1Calibration.h"
#include "scene/Sentinel1Looks.h"
#include "scene/UtcTime.h"

#include <QTest>

#include <cmath>
#include <complex>

using namespace banquise::scene;

namespace {
const std::string kRealSlc = std::string(BANQUISE_SHARED_DATA) + "/s1/S1B_IW_SLC__1SDV_20210401T052622_20210401T052650_026269_032297_EFA4.SAFE";
}

// The real IW SLC sample: ESA's annotation and calibration files, with
// constant-valued measurement stand-ins at full size.
class TestSentinel1Bursts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theBurstListOfTheRealSubSwath()
    {
        const Sentinel1SwathFiles files = sentinel1SwathFiles(kRealSlc, "IW1", "VV");
        QVERIFY(files.measurement.find("s1b-iw1-slc-vv-") != std::string::npos);
        QVERIFY(files.calibration.find("calibration-s1b-iw1-slc-vv-") != std::string::npos);
        const auto bursts = readSentinel1Bursts(files.annotation);
        QCOMPARE(bursts.size(), std::size_t(9));
        QCOMPARE(bursts[0].lines, 1501);
        QCOMPARE(bursts[1].firstLine, 1501);
        QCOMPARE(bursts[8].firstLine + bursts[8].lines, 13509); // the measurement's height
        // Burst 0: lines 19..1482 and samples 529..20935 hold data.
        QCOMPARE(bursts[0].valid, cv::Rect(529, 19, 20935 - 529 + 1, 1482 - 19 + 1));
        QVERIFY(std::abs(bursts[0].azimuthTime - (*parseUtc("2021-04-01T05:26:24Z") + 0.209990)) < 1e-4);
        QVERIFY(std::abs(bursts[1].azimuthTime - (*parseUtc("2021-04-01T05:26:26Z") + 0.966491)) < 1e-4);
        QVERIFY(std::abs(bursts[8].azimuthTime - (*parseUtc("2021-04-01T05:26:46Z") + 0.272276)) < 1e-4);
        for (std::size_t i = 1; i < bursts.size(); ++i) // about 2.76 s apart
            QVERIFY(bursts[i].azimuthTime - bursts[i - 1].azimuthTime > 2.5 && bursts[i].azimuthTime - bursts[i - 1].azimuthTime < 3.0);
    }

    // Complex, calibrated: |z|^2 is the sigma0 the LUT gives, the phase the DN's.
    void aBurstIsReadAsCalibratedComplexSamples()
    {
        const Sentinel1SwathFiles files = sentinel1SwathFiles(kRealSlc, "IW1", "VV");
        const auto bursts = readSentinel1Bursts(files.annotation);
        const Sentinel1Burst& burst = bursts[2];
        const cv::Rect window(burst.valid.x + 1000, burst.valid.y + 100, 48, 32);
        const cv::Mat2f z = readCalibratedBurst(files, burst, window);
        QCOMPARE(z.rows, 32);
        QCOMPARE(z.cols, 48);
        DatasetPtr image = openDataset(files.measurement);
        const Sentinel1Calibration lut = Sentinel1Calibration::read(files.calibration);
        for (const cv::Point p : {cv::Point(0, 0), cv::Point(47, 31), cv::Point(20, 10)}) {
            std::complex<float> dn;
            QCOMPARE(image->GetRasterBand(1)->RasterIO(GF_Read, window.x + p.x, window.y + p.y, 1, 1, &dn, 1, 1, GDT_CFloat32, 0, 0), CE_None);
            const double a = lut.sigmaNought(window.y + p.y, window.x + p.x);
            const std::complex<float> got(z(p)[0], z(p)[1]);
            QVERIFY(std::abs(std::norm(got) - std::norm(dn) / (a * a)) <= 1e-5 * std::norm(dn) / (a * a));
            QVERIFY(std::abs(std::arg(got) - std::arg(dn)) < 1e-5);
        }
        // Outside the valid area: refused with the reason.
        QVERIFY_THROWS_EXCEPTION(SceneError, readCalibratedBurst(files, burst, cv::Rect(0, burst.firstLine, 10, 10)));
    }

    void theLooksOfAGrdProductComeFromItsName()
    {
        QCOMPARE(sentinel1EquivalentLooks("/data/S1A_EW_GRDM_1SDH_20240314T073000_20240314T073100_052000_064A1B_1A2B.SAFE/measurement/x.tiff")
                     .value_or(0.0),
                 10.7);
        QCOMPARE(sentinel1EquivalentLooks("s1b_iw_grdh_1sdv_20210401T052622.zip").value_or(0.0), 4.4);
        QVERIFY(!sentinel1EquivalentLooks(kRealSlc)); // SLC: single looks, no GRD table
        QVERIFY(!sentinel1EquivalentLooks("S1A_IW_GRDM_1SDV_20240314T073000.SAFE")); // not tabulated
        QVERIFY(!sentinel1EquivalentLooks("RS2_OK1234_PK5678_DK9_SCWA_20240314_073000_HH_HV_SGF"));
    }

    void whatIsMissingIsNamed()
    {
        // IW2 VV is not in the sample.
        try {
            sentinel1SwathFiles(kRealSlc, "IW2", "VV");
            QFAIL("a missing sub-swath was found");
        } catch (const SceneError& e) {
            QVERIFY2(std::string(e.what()).find("iw2-slc-vv") != std::string::npos, e.what());
        }
        // A calibration file is no product annotation.
        const Sentinel1SwathFiles files = sentinel1SwathFiles(kRealSlc, "IW1", "VV");
        QVERIFY_THROWS_EXCEPTION(SceneError, readSentinel1Bursts(files.calibration));
    }
};

BANQUISE_REGISTER_TEST(TestSentinel1Bursts);
#include "tst_Sentinel1Bursts.moc"
