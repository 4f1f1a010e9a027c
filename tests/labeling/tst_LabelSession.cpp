#include "common/TestRegistry.h"

#include "labeling/LabelSession.h"
#include "labeling/ProjectError.h"
#include "labeling/ProjectStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace banquise;
using namespace banquise::labeling;

namespace {

SceneRecord sceneRecord()
{
    return {0, "/data/scene", "scene", scene::AnalysisGrid(3413, 0.0, 0.0, 40.0, 512, 300)};
}

} // namespace

class TestLabelSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void strokesAreStoredUndoneAndRedone()
    {
        QTemporaryDir folder;
        const auto path = folder.filePath("p.banquise").toStdString();
        ProjectStore store(path);
        LabelSession session(store, sceneRecord(), "ana");
        QSignalSpy changes(&session, &LabelSession::labelsChanged);

        session.beginStroke(AnnotationKind::Stroke, LabelCode::Floe, 3.0, {20, 20});
        session.extendStroke({60, 20});
        QCOMPARE(store.annotationCount(session.sceneId()), std::int64_t{0}); // not yet: the stroke is being drawn
        QCOMPARE(session.layer()->at(40, 20), std::uint8_t(LabelCode::Floe)); // but shown already
        session.extendStroke({60, 80});
        const auto strokeId = session.endStroke();
        QVERIFY(strokeId > 0);
        QVERIFY(changes.count() >= 3);
        session.addPolygon(LabelCode::OpenLead, {{100, 100}, {150, 100}, {150, 150}, {100, 150}});
        session.beginStroke(AnnotationKind::Erase, LabelCode::Unknown, 5.0, {120, 120});
        session.endStroke();
        QCOMPARE(session.layer()->at(120, 120), LabelLayer::kUnlabelled);
        QCOMPARE(store.annotationCount(session.sceneId()), std::int64_t{3});
        const auto labelled = session.layer()->toDense();

        session.undoStack().undo(); // the erasure
        QCOMPARE(session.layer()->at(120, 120), std::uint8_t(LabelCode::OpenLead));
        session.undoStack().undo(); // the polygon
        QCOMPARE(session.layer()->at(120, 120), LabelLayer::kUnlabelled);
        QCOMPARE(store.annotationCount(session.sceneId()), std::int64_t{1});
        QCOMPARE(session.undoStack().undoText(), QString("stroke floe"));
        session.undoStack().redo();
        session.undoStack().redo();
        QCOMPARE(store.annotationCount(session.sceneId()), std::int64_t{3});
        QVERIFY(session.layer()->toDense() == labelled);

        // Reopening replays the stored annotations to the same pixels.
        ProjectStore reopened(path);
        LabelSession again(reopened, sceneRecord(), "ana");
        QCOMPARE(again.sceneId(), session.sceneId());
        QVERIFY(again.layer()->toDense() == labelled);
    }

    void aPixelAnswerLabelsExactlyItsPixel()
    {
        QTemporaryDir folder;
        const auto path = folder.filePath("p.banquise").toStdString();
        ProjectStore store(path);
        LabelSession session(store, sceneRecord(), "ana");
        QSignalSpy added(&session, &LabelSession::annotationAdded);
        QVERIFY(session.addPixelAnswer(LabelCode::OpenLead, 40, 17) > 0);
        QCOMPARE(session.layer()->labelledPixelCount(), std::size_t{1});
        QCOMPARE(session.layer()->at(40, 17), std::uint8_t(LabelCode::OpenLead));
        QCOMPARE(added.count(), 1);
        const auto stored = store.annotations(session.sceneId());
        QCOMPARE(stored.size(), std::size_t{1});
        QVERIFY(stored[0].source == AnnotationSource::ActiveLearning);
        // Replayed from the project to the same single pixel.
        ProjectStore reopened(path);
        LabelSession again(reopened, sceneRecord(), "ana");
        QCOMPARE(again.layer()->labelledPixelCount(), std::size_t{1});
        QCOMPARE(again.layer()->at(40, 17), std::uint8_t(LabelCode::OpenLead));
    }

    void aCancelledStrokeLeavesNoTrace()
    {
        QTemporaryDir folder;
        ProjectStore store(folder.filePath("p.banquise").toStdString());
        LabelSession session(store, sceneRecord(), "ana");
        session.beginStroke(AnnotationKind::Stroke, LabelCode::RefrozenLead, 4.0, {10, 10});
        session.extendStroke({200, 10});
        session.cancelStroke();
        QCOMPARE(session.layer()->labelledPixelCount(), std::size_t{0});
        QCOMPARE(store.annotationCount(session.sceneId()), std::int64_t{0});
        QVERIFY(!session.undoStack().canUndo());
    }

    void aStoreThatRefusesTakesTheEditBack()
    {
        QTemporaryDir folder;
        const auto path = folder.filePath("p.banquise").toStdString();
        std::int64_t kept = 0;
        {
            ProjectStore store(path);
            LabelSession session(store, sceneRecord(), "ana");
            kept = session.addClick(LabelCode::Floe, true, {5, 5});
        }
        ProjectStore readOnly(path, ProjectStore::Access::ReadOnly);
        LabelSession session(readOnly, sceneRecord(), "ana");
        QCOMPARE(session.layer()->at(5, 5), std::uint8_t(LabelCode::Floe));
        session.beginStroke(AnnotationKind::Stroke, LabelCode::OpenLead, 3.0, {50, 50});
        session.extendStroke({90, 50});
        QVERIFY_THROWS_EXCEPTION(ProjectError, session.endStroke());
        QCOMPARE(session.layer()->at(70, 50), LabelLayer::kUnlabelled);
        QVERIFY_THROWS_EXCEPTION(ProjectError, session.addPolygon(LabelCode::Floe, {{0, 0}, {9, 0}, {9, 9}}));
        QCOMPARE(session.layer()->at(7, 1), LabelLayer::kUnlabelled);
        QCOMPARE(readOnly.annotations(session.sceneId()).front().id, kept);
        QVERIFY(!session.undoStack().canUndo());
    }
};

BANQUISE_REGISTER_TEST(TestLabelSession);
#include "tst_LabelSession.moc"
