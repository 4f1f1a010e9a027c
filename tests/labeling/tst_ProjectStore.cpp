#include "common/TestRegistry.h"

#include "labeling/ProjectError.h"
#include "labeling/ProjectSchema.h"
#include "labeling/ProjectStore.h"
#include "labeling/SqliteDatabase.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

#include <atomic>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

using namespace banquise;
using namespace banquise::labeling;

namespace {

SceneRecord demoScene(const std::string& path = "/data/scene-a")
{
    return {0, path, "scene A", scene::AnalysisGrid(3413, -1000.0, 2000.0, 40.0, 200, 100)};
}

Annotation stroke(std::int64_t sceneId, LabelCode label = LabelCode::Floe)
{
    Annotation a;
    a.sceneId = sceneId;
    a.kind = AnnotationKind::Stroke;
    a.label = label;
    a.radius = 2.5;
    a.points = {{10.5, 20.25}, {30.0, 40.0}, {31.0, 41.5}};
    a.author = "tester";
    a.time = 1'790'000'000.0;
    return a;
}

std::string fileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

template <typename Call>
std::string projectErrorOf(Call call)
{
    try {
        call();
    } catch (const ProjectError& e) {
        return e.what();
    }
    return {};
}

} // namespace

class TestProjectStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(m_folder.isValid()); }

    void annotationsRoundTripWithEveryField()
    {
        const std::string path = projectPath("roundtrip.banquise");
        std::int64_t sceneId = 0, strokeId = 0;
        {
            ProjectStore store(path);
            QCOMPARE(store.schemaVersion(), project_schema::currentVersion());
            sceneId = store.addScene(demoScene());
            QCOMPARE(store.addScene(demoScene()), sceneId); // same folder, same scene
            strokeId = store.addAnnotation(stroke(sceneId, LabelCode::RefrozenLead));
            Annotation click;
            click.sceneId = sceneId;
            click.kind = AnnotationKind::Click;
            click.label = LabelCode::OpenLead;
            click.positive = false;
            click.points = {{5, 6}};
            click.source = AnnotationSource::ActiveLearning;
            store.addAnnotation(click);
            Annotation erase = stroke(sceneId);
            erase.kind = AnnotationKind::Erase;
            store.addAnnotation(erase);
        }
        ProjectStore reopened(path);
        const auto scenes = reopened.scenes();
        QCOMPARE(scenes.size(), std::size_t{1});
        QVERIFY(scenes[0].grid.sameGeometry(demoScene().grid));
        const auto all = reopened.annotations(sceneId);
        QCOMPARE(all.size(), std::size_t{3});
        const auto& s = all[0];
        QCOMPARE(s.id, strokeId);
        QVERIFY(s.kind == AnnotationKind::Stroke);
        QCOMPARE(s.label, LabelCode::RefrozenLead);
        QCOMPARE(s.radius, 2.5);
        QCOMPARE(s.points.size(), std::size_t{3});
        QCOMPARE(s.points[0].column, 10.5);
        QCOMPARE(s.points[2].row, 41.5);
        QCOMPARE(s.author, std::string("tester"));
        QCOMPARE(s.time, 1'790'000'000.0);
        QVERIFY(all[1].kind == AnnotationKind::Click);
        QVERIFY(!all[1].positive);
        QVERIFY(all[1].source == AnnotationSource::ActiveLearning);
        QVERIFY(all[2].kind == AnnotationKind::Erase);
        QCOMPARE(reopened.annotations(sceneId, strokeId).size(), std::size_t{2});
        QVERIFY(reopened.removeAnnotation(strokeId));
        QVERIFY(!reopened.removeAnnotation(strokeId));
        QCOMPARE(reopened.annotationCount(sceneId), std::int64_t{2});
    }

    void modelVersionsAndActiveLearningRoundsAreStored()
    {
        ProjectStore store(projectPath("rounds.banquise"));
        const auto sceneId = store.addScene(demoScene());
        ModelVersion base{0, "base", "/models/base.pt", std::nullopt, 1'790'000'000.0, R"({"steps":400})", {{"miou", 0.61}}};
        const auto baseId = store.addModelVersion(base);
        ModelVersion tuned{0, "round 1", "/models/r1.pt", baseId, 1'790'000'100.0, "{}", {{"miou", 0.7}, {"rmse_m", 0.12}}};
        const auto tunedId = store.addModelVersion(tuned);
        const auto versions = store.modelVersions();
        QCOMPARE(versions.size(), std::size_t{2});
        QCOMPARE(versions[1].parentId.value(), baseId);
        QCOMPARE(versions[1].metrics.at("rmse_m"), 0.12);
        QCOMPARE(versions[0].parametersJson, std::string(R"({"steps":400})"));

        const auto session = store.startActiveLearningSession(sceneId, "bald", 512);
        store.addActiveLearningRound({0, session, 0, 120, baseId, 1'790'000'000.0});
        store.addActiveLearningRound({0, session, 1, 250, tunedId, 1'790'000'100.0});
        const auto rounds = store.activeLearningRounds(session);
        QCOMPARE(rounds.size(), std::size_t{2});
        QCOMPARE(rounds[1].labelCount, std::int64_t{250});
        QCOMPARE(rounds[1].modelVersionId.value(), tunedId);
        // Round indices are unique within a session.
        QVERIFY(projectErrorOf([&] { store.addActiveLearningRound({0, session, 1, 300, std::nullopt, 0.0}); }).find("rule") !=
                std::string::npos);
        QVERIFY(projectErrorOf([&] { store.startActiveLearningSession(99, "random", 512); }).find("no scene with id 99") !=
                std::string::npos);
    }

    void anOlderSchemaIsMigratedKeepingItsAnnotations()
    {
        const std::string path = projectPath("old.banquise");
        {
            SqliteDatabase database(path, SqliteDatabase::Mode::ReadWriteCreate);
            project_schema::migrate(database, 1);
            database.execute("INSERT INTO scenes(path, name, epsg, origin_x, origin_y, pixel_size, width, height) "
                             "VALUES('/data/old', 'old', 3413, 0, 0, 40, 100, 100)");
            database.execute("INSERT INTO annotations(scene_id, kind, class_code, points, author, created_utc, source) "
                             "VALUES(1, 'stroke', 1, x'000000000000F03F0000000000000040', 'old', '2025-01-01T00:00:00Z', 'user')");
        }
        QVERIFY(projectErrorOf([&] { ProjectStore(path, ProjectStore::Access::ReadOnly); }).find("older project") !=
                std::string::npos);
        ProjectStore store(path);
        QCOMPARE(store.schemaVersion(), project_schema::currentVersion());
        const auto all = store.annotations(1);
        QCOMPARE(all.size(), std::size_t{1});
        QCOMPARE(all[0].points[0].column, 1.0);
        QCOMPARE(all[0].points[0].row, 2.0);
        QVERIFY(!all[0].roundId.has_value());
        QVERIFY(store.addModelVersion({0, "m", "/m.pt", std::nullopt, 0.0, "{}", {}}) > 0); // a table of step 2
    }

    void filesThatAreNotProjectsAreRefusedUntouched()
    {
        const std::string text = projectPath("notes.banquise");
        std::ofstream(text) << "these are my field notes, not a database\n";
        const std::string before = fileBytes(text);
        const auto error = projectErrorOf([&] { ProjectStore store(text); });
        QVERIFY2(error.find("notes.banquise") != std::string::npos && error.find("not a Banquise project") != std::string::npos,
                 error.c_str());
        QCOMPARE(fileBytes(text), before);

        const std::string foreign = projectPath("foreign.sqlite");
        {
            SqliteDatabase database(foreign, SqliteDatabase::Mode::ReadWriteCreate);
            database.execute("CREATE TABLE birds(name TEXT)");
        }
        QVERIFY(projectErrorOf([&] { ProjectStore store(foreign); }).find("another application") != std::string::npos);
        QVERIFY(projectErrorOf([&] { ProjectStore store(projectPath("missing.banquise"), ProjectStore::Access::ReadOnly); })
                    .find("no such project file") != std::string::npos);
        QVERIFY(projectErrorOf([&] { ProjectStore store(projectPath("no/such/folder/p.banquise")); }).find("cannot open") !=
                std::string::npos);
    }

    void aProjectFromANewerSchemaIsRefusedAndKept()
    {
        const std::string path = projectPath("newer.banquise");
        std::int64_t sceneId = 0;
        {
            ProjectStore store(path);
            sceneId = store.addScene(demoScene());
            store.addAnnotation(stroke(sceneId));
        }
        {
            SqliteDatabase database(path, SqliteDatabase::Mode::ReadWrite);
            database.execute("PRAGMA user_version = " + std::to_string(project_schema::currentVersion() + 1));
        }
        const auto error = projectErrorOf([&] { ProjectStore store(path); });
        QVERIFY2(error.find("newer Banquise") != std::string::npos, error.c_str());
        {
            SqliteDatabase database(path, SqliteDatabase::Mode::ReadWrite);
            database.execute("PRAGMA user_version = " + std::to_string(project_schema::currentVersion()));
        }
        QCOMPARE(ProjectStore(path).annotationCount(sceneId), std::int64_t{1});
    }

    void badEditsAreRefusedAndLoseNothing()
    {
        const std::string path = projectPath("edits.banquise");
        ProjectStore store(path);
        const auto sceneId = store.addScene(demoScene());
        store.addAnnotation(stroke(sceneId));
        auto outside = stroke(sceneId);
        outside.points.push_back({250.0, 10.0}); // the grid is 200 wide
        QVERIFY(projectErrorOf([&] { store.addAnnotation(outside); }).find("outside the scene's grid") != std::string::npos);
        auto notANumber = stroke(sceneId);
        notANumber.points[1].row = std::nan("");
        QVERIFY(!projectErrorOf([&] { store.addAnnotation(notANumber); }).empty());
        QVERIFY(projectErrorOf([&] { store.addAnnotation(stroke(42)); }).find("no scene with id 42") != std::string::npos);
        QCOMPARE(store.annotationCount(sceneId), std::int64_t{1});

        ProjectStore reader(path, ProjectStore::Access::ReadOnly);
        QVERIFY(reader.isReadOnly());
        QCOMPARE(reader.annotationCount(sceneId), std::int64_t{1});
        QVERIFY(projectErrorOf([&] { reader.addAnnotation(stroke(sceneId)); }).find("read-only") != std::string::npos);
        QVERIFY(projectErrorOf([&] { reader.removeAnnotation(1); }).find("read-only") != std::string::npos);
        QCOMPARE(store.annotationCount(sceneId), std::int64_t{1});
    }

    // A trainer reads labels on its own connection while the GUI writes them.
    void aReaderFollowsAWriterOnAnotherConnection()
    {
        const std::string path = projectPath("shared.banquise");
        std::int64_t sceneId = 0;
        {
            ProjectStore store(path);
            sceneId = store.addScene(demoScene());
        }
        constexpr int kEdits = 300;
        std::atomic<bool> writerFailed{false};
        std::thread writer([&] {
            try {
                ProjectStore gui(path);
                for (int i = 0; i < kEdits; ++i)
                    gui.addAnnotation(stroke(sceneId, i % 2 ? LabelCode::Floe : LabelCode::OpenLead));
            } catch (...) {
                writerFailed = true;
            }
        });
        ProjectStore trainer(path, ProjectStore::Access::ReadOnly);
        std::set<std::int64_t> seen;
        std::int64_t last = 0;
        int reads = 0;
        for (auto start = std::chrono::steady_clock::now();
             seen.size() < kEdits && std::chrono::steady_clock::now() - start < std::chrono::seconds(60); ++reads) {
            for (const auto& a : trainer.annotations(sceneId, last)) {
                QVERIFY(a.id > last); // in order, never twice
                last = a.id;
                seen.insert(a.id);
            }
        }
        writer.join();
        QVERIFY(!writerFailed);
        QCOMPARE(seen.size(), std::size_t{kEdits});
        QVERIFY2(reads > 2, "the reader read while the writer was writing");
    }

    // A labelling process killed with SIGKILL keeps every committed stroke.
    void aKilledSessionKeepsEveryCommittedLabel()
    {
        const std::string path = projectPath("killed.banquise");
        const std::int64_t sceneId = ProjectStore(path).addScene(demoScene());
        QProcess writer;
        writer.start(BANQUISE_LABEL_WRITER, {QString::fromStdString(path), QString::number(sceneId)});
        QVERIFY(writer.waitForStarted());
        std::set<std::int64_t> committed;
        while (committed.size() < 150 && writer.waitForReadyRead(10000))
            while (writer.canReadLine())
                committed.insert(writer.readLine().trimmed().toLongLong());
        QVERIFY2(committed.size() >= 150, qPrintable(writer.readAllStandardError()));
        writer.kill(); // SIGKILL: no destructor, no commit, no close
        QVERIFY(writer.waitForFinished());
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        ProjectStore reopened(path);
        std::set<std::int64_t> stored;
        for (const auto& a : reopened.annotations(sceneId)) {
            QCOMPARE(a.points.size(), std::size_t{20}); // whole strokes only
            stored.insert(a.id);
        }
        for (auto id : committed)
            QVERIFY2(stored.count(id), qPrintable(QString("stroke %1 was lost").arg(id)));
        QCOMPARE(integrityCheck(path), std::string("ok"));
    }

    // The disk fills up in the middle of a session (a file-size limit on the
    // labelling process, as a full disk): the edit that does not fit is
    // refused with a clear reason, and every stroke committed before it is
    // still in the project, which stays sound.
    void aFullDiskRefusesTheEditAndLosesNothing()
    {
        const std::string path = projectPath("full.banquise");
        const std::int64_t sceneId = ProjectStore(path).addScene(demoScene());
        QProcess writer;
        writer.setChildProcessModifier([] {
            ::signal(SIGXFSZ, SIG_IGN); // write() fails with EFBIG instead of killing
            const rlimit limit{512 * 1024, 512 * 1024};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
        writer.start(BANQUISE_LABEL_WRITER, {QString::fromStdString(path), QString::number(sceneId)});
        QVERIFY(writer.waitForStarted());
        QVERIFY(writer.waitForFinished(60000));
        QCOMPARE(writer.exitStatus(), QProcess::NormalExit);
        QCOMPARE(writer.exitCode(), 3);
        std::set<std::int64_t> committed;
        for (const QByteArray& line : writer.readAllStandardOutput().split('\n'))
            if (!line.trimmed().isEmpty())
                committed.insert(line.trimmed().toLongLong());
        const QString error = QString::fromUtf8(writer.readAllStandardError());
        QVERIFY2(error.contains("is full") && error.contains(QString::fromStdString(path)), qPrintable(error));
        QVERIFY(committed.size() > 50);

        ProjectStore reopened(path);
        std::set<std::int64_t> stored;
        for (const auto& a : reopened.annotations(sceneId))
            stored.insert(a.id);
        QVERIFY2(stored == committed, qPrintable(QString("%1 committed, %2 stored").arg(committed.size()).arg(stored.size())));
        QCOMPARE(integrityCheck(path), std::string("ok"));
        // Space again: labelling goes on in the same project.
        auto more = reopened.annotations(sceneId).front();
        more.id = 0;
        QVERIFY(reopened.addAnnotation(more) > *committed.rbegin());
    }

private:
    // SQLite's own verdict on a project file ("ok" when sound).
    static std::string integrityCheck(const std::string& path)
    {
        SqliteDatabase check(path, SqliteDatabase::Mode::ReadOnly);
        SqliteStatement integrity(check, "PRAGMA integrity_check");
        return integrity.step() ? integrity.text(0) : std::string("no answer");
    }

    std::string projectPath(const char* name) const { return m_folder.filePath(name).toStdString(); }

    QTemporaryDir m_folder;
};

BANQUISE_REGISTER_TEST(TestProjectStore);
#include "tst_ProjectStore.moc"
