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
#include <QScopeGuard>
#include <QTest>
#include <QThread>

#include <csignal>
#include <filesystem>
#include <fstream>

using namespace banquise;

namespace {

const QString kCli = QStringLiteral(BANQUISE_CLI);
const QString kSlurmCluster = QStringLiteral(BANQUISE_SLURM_CLUSTER);

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
        const QString out = m_root + "/pair-killed";
        QProcess batch;
        batch.start(kCli, pairBatch() + QStringList{"--out", out});
        QVERIFY(batch.waitForStarted());
        QVERIFY2(killWhilePredicting(out, "large"), "the large scene's worker was never seen predicting");
        QVERIFY(batch.waitForFinished(300000));
        QCOMPARE(batch.exitCode(), 1);
        const app::BatchSceneRecord dead = app::BatchState(out.toStdString()).record("large");
        QCOMPARE(dead.state, app::BatchSceneState::Failed);
        QVERIFY2(dead.reason.find("killed or crashed") != std::string::npos, dead.reason.c_str());
        QVERIFY(!QFileInfo::exists(out + "/scenes/large")); // only its .partial, under the temporary name
        QCOMPARE(app::BatchState(out.toStdString()).record("minor").state, app::BatchSceneState::Done); // the others finish

        const tests::ProgramRun rerun = cli(pairBatch() + QStringList{"--out", out});
        QCOMPARE(rerun.exitCode, 0);
        QVERIFY2(rerun.out.contains("1 done before (kept), 1 to run"), qPrintable(rerun.out));
        QVERIFY(!QFileInfo::exists(out + "/scenes/large.partial"));
        const auto digests = predictionDigests(out + "/scenes/large");
        QCOMPARE(digests.size(), std::size_t(8));
        QVERIFY(digests == predictionDigests(referencePair() + "/scenes/large"));
    }

    void aSlurmJobArrayMapsTheSeasonAndARerunEndsWhatAKilledTaskLeft()
    {
        // A real cluster of one node, started here (Debian's slurmctld, slurmd and munge).
        const QString cluster = m_root + "/cluster";
        QVERIFY(QDir().mkpath(cluster));
        const tests::ProgramRun started = tests::runProgram(kSlurmCluster, {"start", cluster}, 60000);
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        qputenv("SLURM_CONF", started.out.trimmed().toUtf8());
        const auto stopCluster = qScopeGuard([&] { tests::runProgram(kSlurmCluster, {"stop", cluster}, 60000); });

        const QString out = m_root + "/pair-slurm";
        const QStringList submit = pairBatch() + QStringList{"--out", out, "--slurm", "--cpus", "1", "--mem", "1500", "--max-tasks", "2"};
        const tests::ProgramRun submitted = cli(submit);
        QVERIFY2(submitted.exitCode == 0 && submitted.out.contains("job array") && submitted.out.contains("(2 task(s), 1 CPU(s) and 1500 each)"),
                 qPrintable(submitted.out + submitted.err));
        QVERIFY2(killWhilePredicting(out, "large"), "the large scene's task was never seen predicting");
        QVERIFY2(waitForSlurm(out), "the Slurm jobs did not end within five minutes");
        // The summary job, after every task, names the scene whose task was killed; the other finished.
        const tests::ProgramRun status = cli({"batch", "--manifest", m_root + "/pair.txt", "--out", out, "--status"});
        QVERIFY2(status.out.contains("2 scene(s): 1 done, 1 failed") && status.out.contains("its Slurm task ended before the scene was done"),
                 qPrintable(status.out));
        QVERIFY(QFileInfo::exists(out + "/summary.csv"));
        QVERIFY(!QFileInfo::exists(out + "/scenes/large"));

        const tests::ProgramRun resubmitted = cli(submit);
        QVERIFY2(resubmitted.out.contains("1 done before (kept), 1 to run"), qPrintable(resubmitted.out));
        QVERIFY2(waitForSlurm(out), "the second submission did not end within five minutes");
        const tests::ProgramRun finished = cli({"batch", "--manifest", m_root + "/pair.txt", "--out", out, "--status"});
        QVERIFY2(finished.out.contains("2 scene(s): 2 done, 0 failed"), qPrintable(finished.out));
        // Identical to a local run, map by map.
        for (const char* scene : {"large", "minor"}) {
            const auto digests = predictionDigests(out + "/scenes/" + scene);
            QCOMPARE(digests.size(), std::size_t(8));
            QVERIFY2(digests == predictionDigests(referencePair() + "/scenes/" + scene), scene);
        }
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
    // The batch of a large scene (the one killed) and a small one.
    QStringList pairBatch()
    {
        writeText(m_root.toStdString() + "/pair.txt", "large large\nminor winter\n");
        return {"batch", "--manifest", m_root + "/pair.txt", "--model", m_root + "/model.pt", "--mc", "16"};
    }

    // The pair mapped locally, uninterrupted: what every other run must equal.
    QString referencePair()
    {
        const QString reference = m_root + "/pair-reference";
        if (!QFileInfo::exists(reference + "/summary.csv") && cli(pairBatch() + QStringList{"--out", reference}).exitCode != 0)
            qFatal("the reference batch failed");
        return reference;
    }

    // Kills (SIGKILL) the worker of `scene` while it predicts, as a node would die.
    static bool killWhilePredicting(const QString& out, const std::string& scene)
    {
        for (int wait = 0; wait < 2400; ++wait) {
            QThread::msleep(50);
            if (!QFileInfo::exists(out + "/batch.sqlite"))
                continue;
            for (const app::BatchSceneRecord& record : app::BatchState(out.toStdString()).records())
                if (record.name == scene && record.state == app::BatchSceneState::Running && record.stage == "predict")
                    return ::kill(static_cast<pid_t>(std::stol(record.worker.substr(record.worker.rfind(':') + 1))), SIGKILL) == 0;
        }
        return false;
    }

    // Until the last submission's tasks and summary job have left the queue.
    bool waitForSlurm(const QString& out)
    {
        for (int wait = 0; wait < 300; ++wait) {
            const tests::ProgramRun status = cli({"batch", "--manifest", m_root + "/pair.txt", "--out", out, "--status"});
            if (status.out.contains("no task pending or running"))
                return true;
            QThread::sleep(1);
        }
        return false;
    }

    tests::TempSceneFolder m_folder;
    QString m_root;
};

BANQUISE_REGISTER_TEST(TestBatchCommand);
#include "tst_BatchCommand.moc"
