#include "common/ProgramRun.h"
#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "app/BatchState.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <csignal>
#include <filesystem>
#include <fstream>

using namespace banquise;

namespace {

const QString kCli = QStringLiteral(BANQUISE_CLI);

tests::ProgramRun cli(const QStringList& arguments)
{
    return tests::runProgram(kCli, arguments);
}

QByteArray digestOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// The GeoTIFFs a scene's prediction wrote, by name, as digests.
std::map<QString, QByteArray> predictionDigests(const QString& sceneOutput)
{
    std::map<QString, QByteArray> digests;
    const QDir folder(sceneOutput + "/prediction");
    for (const QString& name : folder.entryList({"*.tif"}, QDir::Files))
        digests[name] = digestOf(folder.filePath(name));
    return digests;
}

// summary.csv as rows of cells by column name (no quoted commas in these scenes).
std::vector<std::map<QString, QString>> summaryRows(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    const QStringList header = lines.front().split(',');
    std::vector<std::map<QString, QString>> rows;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].split(',');
        std::map<QString, QString> row;
        for (qsizetype c = 0; c < header.size() && c < cells.size(); ++c)
            row[header[c]] = cells[c];
        rows.push_back(row);
    }
    return rows;
}

void writeText(const std::string& path, const std::string& text)
{
    std::ofstream(path) << text;
}

} // namespace

// banquise-cli batch on small synthetic scenes and a tiny model: each scene
// in its own worker, state in SQLite, outputs renamed into place.
class TestBatchCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_root = QString::fromStdString(m_folder.root());
        QCOMPARE(cli({"synth", "--out", m_root + "/winter", "--size-km", "12", "--seed", "3"}).exitCode, 0);
        QCOMPARE(cli({"synth", "--out", m_root + "/miz", "--size-km", "12", "--seed", "4", "--regime", "marginal_ice_zone"}).exitCode, 0);
        // Large enough that its prediction lasts a few seconds: the worker is killed there.
        QCOMPARE(cli({"synth", "--out", m_root + "/large", "--size-km", "24", "--seed", "5"}).exitCode, 0);
        QCOMPARE(cli({"train", m_root + "/winter", "--out", m_root + "/model.pt", "--steps", "4", "--crop", "64", "--batch", "2"}).exitCode, 0);
    }

    void aSeasonMapsEverySceneAndNamesTheOneThatFailed()
    {
        const QString out = m_root + "/season";
        const QString sar = QDir(m_root + "/winter").entryList({"S1A_EW_GRDM*20240314*.SAFE"}, QDir::Dirs).front();
        writeText(m_root.toStdString() + "/season.txt", "# two scene folders, products to ingest, and a missing product\n"
                                                        "winter winter\nmiz miz\n"
                                                        "ingested winter/" + sar.toStdString() + " winter/swot winter/cryosat2\n"
                                                        "missing nowhere/S1B_EW_GRDM.SAFE\n");
        const tests::ProgramRun first = cli({"batch", "--manifest", m_root + "/season.txt", "--out", out, "--model", m_root + "/model.pt", "--mc", "2"});
        QCOMPARE(first.exitCode, 1); // one scene failed, the others ran
        QVERIFY2(first.out.contains("4 scene(s): 3 done, 1 failed"), qPrintable(first.out));

        const auto rows = summaryRows(out + "/summary.csv");
        QCOMPARE(rows.size(), std::size_t(4));
        for (const auto& row : rows) {
            if (row.at("scene") == "missing") {
                QCOMPARE(row.at("state"), QString("failed"));
                QVERIFY2(row.at("reason").contains("nowhere/S1B_EW_GRDM.SAFE: no such file or folder"), qPrintable(row.at("reason")));
                QVERIFY(!QFileInfo::exists(out + "/scenes/missing") && !QFileInfo::exists(out + "/scenes/missing.partial"));
                continue;
            }
            QCOMPARE(row.at("state"), QString("done"));
            // The map covers the scene, every pixel classified, compared with its SWOT swath.
            QCOMPARE(row.at("width_px"), QString("300"));
            const double classified = row.at("floe_fraction").toDouble() + row.at("open_lead_fraction").toDouble()
                                      + row.at("refrozen_lead_fraction").toDouble();
            QVERIFY(std::abs(classified - 1.0) < 1e-6);
            QVERIFY2(row.at("swot_pixels").toInt() > 10000, qPrintable(row.at("swot_pixels")));
            QVERIFY(row.at("swot_rmse_m").toDouble() > 0.0 && row.at("swot_rmse_m").toDouble() < 1.0);
            const QString scene = out + "/scenes/" + row.at("scene");
            QVERIFY(QFileInfo::exists(scene + "/prediction/freeboard.tif"));
            QVERIFY(QFileInfo::exists(scene + "/comparison/report.html"));
            QFile report(scene + "/report.json");
            QVERIFY(report.open(QIODevice::ReadOnly));
            const QJsonObject figures = QJsonDocument::fromJson(report.readAll()).object()["figures"].toObject();
            QVERIFY(std::abs(figures["swot_rmse_m"].toDouble() - row.at("swot_rmse_m").toDouble()) < 1e-9);
        }
        // Scored against the truth where the scene has one (scene folders), not where it was ingested from products.
        QVERIFY(!rows[0].at("truth_miou").isEmpty());
        QVERIFY(rows[2].at("truth_miou").isEmpty());
        QVERIFY(QFileInfo::exists(out + "/scenes/ingested/scene/scene.json"));

        // A rerun keeps what is done, byte for byte, and tries the failed scene again.
        const QByteArray before = digestOf(out + "/scenes/winter/prediction/class.tif");
        const QDateTime written = QFileInfo(out + "/scenes/winter/prediction/class.tif").lastModified();
        const tests::ProgramRun again = cli({"batch", "--manifest", m_root + "/season.txt", "--out", out, "--model", m_root + "/model.pt", "--mc", "2"});
        QVERIFY2(again.out.contains("3 done before (kept), 1 to run"), qPrintable(again.out));
        QCOMPARE(QFileInfo(out + "/scenes/winter/prediction/class.tif").lastModified(), written);
        QCOMPARE(digestOf(out + "/scenes/winter/prediction/class.tif"), before);
        QCOMPARE(app::BatchState(out.toStdString()).record("missing").attempts, 2);

        // Another model makes every scene pending again.
        QVERIFY(QFile::copy(m_root + "/model.pt", m_root + "/model2.pt"));
        QVERIFY(QFile::copy(m_root + "/model.pt.json", m_root + "/model2.pt.json"));
        const tests::ProgramRun other = cli({"batch", "--manifest", m_root + "/season.txt", "--out", out, "--model", m_root + "/model2.pt", "--mc", "2"});
        QVERIFY2(other.out.contains("0 done before (kept), 4 to run"), qPrintable(other.out));
        const tests::ProgramRun status = cli({"batch", "--manifest", m_root + "/season.txt", "--out", out, "--status"});
        QCOMPARE(status.exitCode, 0);
        QVERIFY2(status.out.contains("4 scene(s): 3 done, 1 failed, 0 running, 0 pending"), qPrintable(status.out));
    }

    void aKilledWorkerLeavesNoHalfOutputAndTheRerunFinishesAlike()
    {
        writeText(m_root.toStdString() + "/pair.txt", "large large\nminor winter\n");
        const QStringList common{"batch", "--manifest", m_root + "/pair.txt", "--model", m_root + "/model.pt", "--mc", "16"};
        const QString reference = m_root + "/pair-reference";
        QCOMPARE(cli(common + QStringList{"--out", reference}).exitCode, 0);

        const QString out = m_root + "/pair-killed";
        QProcess batch;
        batch.start(kCli, common + QStringList{"--out", out});
        QVERIFY(batch.waitForStarted());
        // Kill the worker of the large scene while it predicts.
        bool killed = false;
        for (int wait = 0; wait < 1200 && !killed; ++wait) {
            QThread::msleep(50);
            if (!QFileInfo::exists(out + "/batch.sqlite"))
                continue;
            const app::BatchSceneRecord record = app::BatchState(out.toStdString()).record("large");
            if (record.state == app::BatchSceneState::Running && record.stage == "predict") {
                const long pid = std::stol(record.worker.substr(record.worker.rfind(':') + 1));
                killed = ::kill(static_cast<pid_t>(pid), SIGKILL) == 0;
            }
        }
        QVERIFY2(killed, "the large scene's worker was never seen predicting");
        QVERIFY(batch.waitForFinished(300000));
        QCOMPARE(batch.exitCode(), 1);
        const app::BatchSceneRecord dead = app::BatchState(out.toStdString()).record("large");
        QCOMPARE(dead.state, app::BatchSceneState::Failed);
        QVERIFY2(dead.reason.find("killed or crashed") != std::string::npos, dead.reason.c_str());
        QVERIFY(!QFileInfo::exists(out + "/scenes/large")); // only its .partial, under the temporary name
        QCOMPARE(app::BatchState(out.toStdString()).record("minor").state, app::BatchSceneState::Done); // the others finish

        const tests::ProgramRun rerun = cli(common + QStringList{"--out", out});
        QCOMPARE(rerun.exitCode, 0);
        QVERIFY2(rerun.out.contains("1 done before (kept), 1 to run"), qPrintable(rerun.out));
        QVERIFY(!QFileInfo::exists(out + "/scenes/large.partial"));
        const auto digests = predictionDigests(out + "/scenes/large");
        QCOMPARE(digests.size(), std::size_t(8));
        QVERIFY(digests == predictionDigests(reference + "/scenes/large"));
    }

    void aBadManifestOrModelIsNamedAndNothingIsWritten_data()
    {
        QTest::addColumn<QString>("manifest");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("message");
        QTest::newRow("no path") << "a winter\nb\n" << "model.pt" << "bad.txt:2: scene 'b' names no scene folder or product";
        QTest::newRow("name twice") << "a winter\n\na miz\n" << "model.pt" << "bad.txt:3: scene name 'a' is given twice";
        QTest::newRow("not a file name") << "../up winter\n" << "model.pt" << "bad.txt:1: scene name '../up' must be";
        QTest::newRow("empty") << "# nothing\n" << "model.pt" << "bad.txt: the batch manifest names no scene";
        QTest::newRow("missing model") << "a winter\n" << "absent.pt" << "absent.pt: no such model file";
    }

    void aBadManifestOrModelIsNamedAndNothingIsWritten()
    {
        QFETCH(QString, manifest);
        QFETCH(QString, model);
        QFETCH(QString, message);
        writeText(m_root.toStdString() + "/bad.txt", manifest.toStdString());
        const QString out = m_root + "/refused";
        const tests::ProgramRun refused = cli({"batch", "--manifest", m_root + "/bad.txt", "--out", out, "--model", m_root + "/" + model});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(message), qPrintable(refused.err));
        QVERIFY(!QFileInfo::exists(out));
        const tests::ProgramRun absent = cli({"batch", "--manifest", m_root + "/absent.txt", "--out", out, "--model", m_root + "/model.pt"});
        QVERIFY2(absent.exitCode == 2 && absent.err.contains("absent.txt: cannot read the batch manifest"), qPrintable(absent.err));
    }

private:
    tests::TempSceneFolder m_folder;
    QString m_root;
};

BANQUISE_REGISTER_TEST(TestBatchCommand);
#include "tst_BatchCommand.moc"
