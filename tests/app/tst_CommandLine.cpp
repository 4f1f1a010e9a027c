#include "common/ProgramRun.h"
#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "scene/AnalysisGrid.h"
#include "scene/GeoTiffFile.h"
#include "scene/Scene.h"
#include "scene/SceneReader.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <cmath>
#include <filesystem>

namespace {
using Run = banquise::tests::ProgramRun;

Run run(const QString& program, const QStringList& arguments)
{
    return banquise::tests::runProgram(program, arguments, 120000);
}

const QString kCli = QStringLiteral(BANQUISE_CLI);
const QString kGui = QStringLiteral(BANQUISE_GUI);
} // namespace

class TestCommandLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_scene = QString::fromStdString(m_folder.path());
        const Run made = run(kCli, {"synth", "--out", m_scene, "--size-km", "12"});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    }

    void infoDescribesEveryLayer()
    {
        const Run info = run(kCli, {"info", m_scene});
        QCOMPARE(info.exitCode, 0);
        QVERIFY2(info.out.contains("EPSG:3413  300 x 300 px  40.0 m"), qPrintable(info.out));
        for (const char* layer : {"S1 HH sigma0", "S1 HV sigma0", "S2 RGB", "AMSR-2 SIC", "SWOT freeboard", "CryoSat-2 freeboard",
                                  "Sentinel-3 SRAL freeboard", "SARAL/AltiKa freeboard", "Truth freeboard"})
            QVERIFY2(info.out.contains(layer), qPrintable(info.out));
        QVERIFY(!info.out.contains("skipped"));
    }

    void driftIsEstimatedAndScored()
    {
        const QString csv = QString::fromStdString(m_folder.path("vectors.csv"));
        const Run drift = run(kCli, {"drift", m_scene, "--vectors", csv});
        QVERIFY2(drift.exitCode == 0, qPrintable(drift.err));
        QVERIFY2(drift.out.contains("2024-03-14T16:05:12Z -> 2024-03-15T15:47:40Z"), qPrintable(drift.out));
        QVERIFY2(drift.out.contains("truth      end-point error median"), qPrintable(drift.out));
        QFile vectors(csv);
        QVERIFY(vectors.open(QIODevice::ReadOnly));
        QVERIFY(vectors.readLine().startsWith("x,y,lon,lat,dx_m,dy_m,quality,measured"));
        QVERIFY(vectors.readAll().count('\n') > 10);
    }

    void aDriftScreenshotOfAOneDateSceneEndsWithTheReason()
    {
        // Issue 22: it used to wait for a drift that never came (run() gives up after two minutes).
        const QString one = QString::fromStdString(m_folder.path("one-date"));
        const QString firstSafe = QDir(m_scene).entryList({"S1A_EW_GRDM_1SDH_20240314*.SAFE"}, QDir::Dirs).value(0);
        QVERIFY(!firstSafe.isEmpty());
        const Run ingested = run(kCli, {"ingest", m_scene + "/" + firstSafe, "--out", one});
        QVERIFY2(ingested.exitCode == 0, qPrintable(ingested.err));
        const Run shot = run(kGui, {"--screenshot", QString::fromStdString(m_folder.path("drift.png")), "--drift", one});
        QCOMPARE(shot.exitCode, 1);
        QVERIFY2(shot.err.contains("no two SAR sigma0 layers acquired at different times"), qPrintable(shot.err));
    }

    void driftIsScoredAgainstTheBuoysInTheScene()
    {
        // The scene's simulated buoys, the real IABP buoy (elsewhere in the Arctic) and a file that is not one.
        const QString buoys = m_scene + "/buoys/IABP_synthetic_20240314.csv";
        const QString real = QStringLiteral(BANQUISE_SHARED_DATA) + "/buoys/300534063050430.csv";
        const QString notBuoys = m_scene + "/provenance.json";
        const Run drift = run(kCli, {"drift", m_scene, "--buoys", buoys, real, notBuoys});
        QVERIFY2(drift.exitCode == 0, qPrintable(drift.err));
        QCOMPARE(drift.out.count(QRegularExpression("^buoy +9000000000000\\d\\d +at", QRegularExpression::MultilineOption)), 12);
        QVERIFY2(drift.out.contains("left out: 1 buoy(s) outside the scene at the first date: 300534063050430"), qPrintable(drift.out));
        QVERIFY2(drift.out.contains("skipped: " + notBuoys + ": is not an IABP buoy table"), qPrintable(drift.out));
        const QRegularExpressionMatch summary =
            QRegularExpression("drift error median ([0-9.]+) m/day, 95th percentile ([0-9.]+) m/day \\(12 buoys\\)").match(drift.out);
        QVERIFY2(summary.hasMatch(), qPrintable(drift.out));
        // The buoys tell what the truth tells (here that 7 km of drift is too much for a 12 km scene).
        const QRegularExpressionMatch truth = QRegularExpression("truth .* px \\([0-9]+ vectors\\): ([0-9.]+) and").match(drift.out);
        QVERIFY2(truth.hasMatch(), qPrintable(drift.out));
        QVERIFY(std::abs(summary.captured(1).toDouble() - truth.captured(1).toDouble()) < 0.1 * truth.captured(1).toDouble() + 20.0);
        const Run none = run(kCli, {"drift", m_scene, "--buoys"});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains("--buoys needs one or more buoy files"), qPrintable(none.err));
    }

    void burstsOfTheRealSlcAreListed()
    {
        const QString safe = QStringLiteral(BANQUISE_SHARED_DATA) + "/s1/S1B_IW_SLC__1SDV_20210401T052622_20210401T052650_026269_032297_EFA4.SAFE";
        const Run listed = run(kCli, {"bursts", safe, "--swath", "IW1", "--polarisation", "VV"});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QVERIFY2(listed.out.startsWith("9 bursts in IW1 VV"), qPrintable(listed.out));
        QVERIFY2(listed.out.contains("burst 0  2021-04-01T05:26:24Z  lines 0-1500  valid lines 19-1482, samples 529-20935"), qPrintable(listed.out));
        const Run missing = run(kCli, {"bursts", safe, "--swath", "IW3"});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("iw3-slc-vv"), qPrintable(missing.err));
    }

    // The window's pyramids, built ahead for a scene and its prediction's
    // maps, and reused by the next run.
    void pyramidsAreBuiltOnceForTheSceneAndItsPrediction()
    {
        const std::filesystem::path prediction = m_folder.path("prediction");
        std::filesystem::create_directories(prediction);
        const banquise::scene::AnalysisGrid grid = banquise::scene::readSceneHeader(m_scene.toStdString()).grid();
        banquise::scene::writeFloatGeoTiff((prediction / "class.tif").string(), grid,
                                           {std::vector<float>(static_cast<std::size_t>(grid.width()) * grid.height(), 1.0f)}, 0.0);
        const Run built = run(kCli, {"pyramids", m_scene, "--prediction", QString::fromStdString(prediction.string())});
        QVERIFY2(built.exitCode == 0, qPrintable(built.err));
        for (const char* layer : {"S1 HH sigma0", "AMSR-2 SIC", "Model classes"})
            QVERIFY2(built.out.contains(QRegularExpression(QString(layer) + " +\\d levels")), qPrintable(built.out));
        const QDir pyramids(m_scene + "/cache/pyramids");
        const QStringList files = pyramids.entryList({"*.tif"});
        QVERIFY(files.size() >= 5);
        const QDateTime stamp = QFileInfo(pyramids.filePath(files.front())).lastModified();
        QCOMPARE(run(kCli, {"pyramids", m_scene}).exitCode, 0);
        QCOMPARE(QFileInfo(pyramids.filePath(files.front())).lastModified(), stamp); // reused, not rebuilt
        const Run notAPrediction = run(kCli, {"pyramids", m_scene, "--prediction", m_scene});
        QCOMPARE(notAPrediction.exitCode, 1);
        QVERIFY2(notAPrediction.err.contains("is not a prediction folder"), qPrintable(notAPrediction.err));
    }

    void missingSceneFailsWithTheReason()
    {
        const QString nowhere = m_scene + "/no/such/scene";
        const Run info = run(kCli, {"info", nowhere});
        QCOMPARE(info.exitCode, 1);
        QVERIFY2(info.err.contains(nowhere) && info.err.contains("does not exist"), qPrintable(info.err));
        const Run shot = run(kGui, {"--screenshot", m_folder.path("x.png").c_str(), nowhere});
        QCOMPARE(shot.exitCode, 1);
        QVERIFY2(shot.err.contains(nowhere) && shot.err.contains("does not exist"), qPrintable(shot.err));
        QVERIFY(!QFile::exists(m_folder.path("x.png").c_str()));
    }

    void unknownCommandAndMissingArgumentsAreUsageErrors()
    {
        QCOMPARE(run(kCli, {}).exitCode, 2);
        const Run unknown = run(kCli, {"frobnicate"});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("unknown command 'frobnicate'"));
        QCOMPARE(run(kCli, {"synth"}).exitCode, 2);
        QCOMPARE(run(kCli, {"synth", "--out", m_folder.path("bad").c_str(), "--size-km", "ten"}).exitCode, 2);
        // Impossible parameters: a clear error and nothing written.
        const Run impossible = run(kCli, {"synth", "--out", m_folder.path("bad").c_str(), "--size-km", "-3"});
        QCOMPARE(impossible.exitCode, 1);
        QVERIFY2(impossible.err.contains("size must be positive"), qPrintable(impossible.err));
        QVERIFY(!QFile::exists(m_folder.path("bad").c_str()));
    }

    void synthNamesWhatIsWrongWithItsWorld_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown mode") << QStringList{"--mode", "sm"} << "unknown Sentinel-1 mode 'sm'";
        QTest::newRow("unknown regime") << QStringList{"--regime", "tropical"} << "unknown regime 'tropical' (known: marginal_ice_zone";
        QTest::newRow("pixel finer than the truth") << QStringList{"--pixel-size", "20", "--truth-pixel-size", "40"}
                                                    << "the pixel spacing (20.000000 m) is finer than the truth (40.000000 m)";
        QTest::newRow("missing parameter file") << QStringList{"--params", "no-such-world.json"} << "no-such-world.json: no such parameter file";
        QTest::newRow("both a regime and a file") << QStringList{"--regime", "winter_pack", "--params", "x.json"} << "not both";
    }
    void synthNamesWhatIsWrongWithItsWorld()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QString out = QString::fromStdString(m_folder.path("bad-world"));
        const Run refused = run(kCli, QStringList{"synth", "--out", out, "--size-km", "4"} + arguments);
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(message), qPrintable(refused.err));
        QVERIFY(!QFile::exists(out));
    }

    void synthDrawsTheWorldOfAParameterFile()
    {
        // The scene records its world as a parameter file; synth reads it back.
        const QString first = QString::fromStdString(m_folder.path("miz"));
        const Run made = run(kCli, {"synth", "--out", first, "--size-km", "4", "--regime", "marginal_ice_zone", "--mode", "iw"});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const QString again = QString::fromStdString(m_folder.path("miz-again"));
        const Run remade = run(kCli, {"synth", "--out", again, "--size-km", "4", "--params", first + "/world.json", "--mode", "iw"});
        QVERIFY2(remade.exitCode == 0, qPrintable(remade.err));
        QFile a(first + "/truth/class_fraction.tif");
        QFile b(again + "/truth/class_fraction.tif");
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QVERIFY(a.readAll() == b.readAll());
        const Run info = run(kCli, {"info", again});
        QVERIFY2(info.out.contains("10.0 m"), qPrintable(info.out));
    }

    void labellingProtocolsRunOnASceneWithTruth()
    {
        const QString out = QString::fromStdString(m_folder.path("protocols"));
        const Run simulated = run(kCli, {"al-simulate", m_scene, "--out", out, "--steps", "20", "--strategy", "entropy", "--pixel-tile", "64",
                                         "--pixel-held-out", "4", "--max-pixels", "20", "--fine-tune-steps", "3", "--seeds", "1"});
        QVERIFY2(simulated.exitCode == 0, qPrintable(simulated.err));
        for (const char* line : {"objects    floes", "objects    leads >= 3 px wide", "pixels     entropy  seed 1:", "pixels     dense    seed 1:",
                                 "of the dense-label bound", "wrote      "})
            QVERIFY2(simulated.out.contains(line), qPrintable(simulated.out));
        QFile clicks(out + "/object_clicks.csv");
        QVERIFY(clicks.open(QIODevice::ReadOnly));
        QVERIFY(clicks.readLine().startsWith("clicks,floe_model,floe_paint,floe_local_correction_ceiling,lead_model"));
        QCOMPARE(clicks.readAll().count('\n'), 21); // after 0 to 20 clicks
        QFile pixels(out + "/pixel_al.csv");
        QVERIFY(pixels.open(QIODevice::ReadOnly));
        const QString table = QString::fromUtf8(pixels.readAll());
        QVERIFY2(table.contains("\nentropy,1,") && table.contains("\ndense,0,"), qPrintable(table));
        for (const char* figure : {"/object_clicks.png", "/pixel_al.png"})
            QVERIFY2(!QImage(out + figure).isNull(), figure);
        // Neither the old tile rounds nor their files unless asked for.
        QVERIFY(!QFile::exists(out + "/al.csv"));
    }

    void labellingProtocolsNameWhatIsWrong()
    {
        const QString out = QString::fromStdString(m_folder.path("bad-protocols"));
        const Run unknown = run(kCli, {"al-simulate", m_scene, "--out", out, "--protocol", "objects,bogus"});
        QVERIFY(unknown.exitCode != 0);
        QVERIFY2(unknown.err.contains("unknown protocol 'bogus'"), qPrintable(unknown.err));
        const QString noTruth = QString::fromStdString(m_folder.path("no-truth"));
        QVERIFY(QDir().mkpath(noTruth));
        const Run untrue = run(kCli, {"al-simulate", noTruth, "--out", out});
        QVERIFY(untrue.exitCode != 0);
        QVERIFY2(untrue.err.contains("no-truth") && untrue.err.contains("has no truth"), qPrintable(untrue.err));
    }

    void screenshotShowsTheScene()
    {
        const QString png = QString::fromStdString(m_folder.path("shot.png"));
        const Run shot = run(kGui, {"--screenshot", png, m_scene});
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.err));
        QVERIFY(shot.out.contains(png));
        const QImage image(png);
        QVERIFY(image.width() > 600 && image.height() > 300);
        // The top-left view shows SAR in grey: many distinct grey levels near its centre.
        QSet<int> greys;
        const int y = image.height() / 4;
        for (int x = image.width() / 8; x < image.width() * 3 / 8; ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() == c.green() && c.green() == c.blue())
                greys.insert(c.red());
        }
        QVERIFY2(greys.size() > 20, qPrintable(QString::number(greys.size())));
    }

    void unwritableScreenshotFails()
    {
        const Run shot = run(kGui, {"--screenshot", "/proc/banquise/shot.png", m_scene});
        QCOMPARE(shot.exitCode, 1);
        QVERIFY2(shot.err.contains("cannot write"), qPrintable(shot.err));
    }

private:
    banquise::tests::TempSceneFolder m_folder;
    QString m_scene;
};

BANQUISE_REGISTER_TEST(TestCommandLine);
#include "tst_CommandLine.moc"
