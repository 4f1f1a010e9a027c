#pragma once

#include "labeling/Annotation.h"
#include "labeling/LabelLayer.h"
#include "labeling/ProjectRecords.h"

#include <QObject>
#include <QUndoStack> // owned by value: the edits' history

#include <memory>
#include <optional>
#include <string>

namespace banquise::labeling {

class ProjectStore;

// One user labelling one scene of a project: turns tool gestures into
// annotations, paints them on the scene's label layer at once, stores each
// in its own transaction when the gesture ends, and keeps them on an undo
// stack (undo removes the annotation from the store and restores the pixels
// it changed). GUI thread only.
class LabelSession : public QObject {
    Q_OBJECT
public:
    // Adds the scene to the project when it is new and replays its stored
    // annotations onto a new label layer. Throws ProjectError.
    LabelSession(ProjectStore& store, const SceneRecord& scene, std::string author, QObject* parent = nullptr);
    ~LabelSession() override;

    const std::shared_ptr<LabelLayer>& layer() const { return m_layer; }
    QUndoStack& undoStack() { return m_undoStack; }
    std::int64_t sceneId() const { return m_sceneId; }
    ProjectStore& store() const { return m_store; }

    // A brush or eraser stroke: painted segment by segment while drawn,
    // stored as one annotation by endStroke (returns its id). A failed
    // store (read-only, disk full) takes the stroke back and throws.
    void beginStroke(AnnotationKind kind, LabelCode label, double radius, PixelPoint start);
    void extendStroke(PixelPoint next);
    std::int64_t endStroke();
    void cancelStroke();
    bool isDrawing() const { return m_stroke.has_value(); }

    std::int64_t addPolygon(LabelCode label, std::vector<PixelPoint> polygon);
    std::int64_t addClick(LabelCode label, bool positive, PixelPoint point);
    // The class of one pixel the model asked about (PixelPick): exactly that
    // pixel, stored as an active-learning answer.
    std::int64_t addPixelAnswer(LabelCode label, int column, int row);
    // The clicks stored for this scene (DIAL's click maps).
    std::vector<Annotation> clicks() const;
    // Annotations from a file (source "import"), or accepted at once by the
    // user (a refined tile), stored in one transaction (all or none) and
    // undone as one edit. Returns how many.
    std::size_t importAnnotations(std::vector<Annotation> annotations, const QString& description,
                                  AnnotationSource source = AnnotationSource::Import);

Q_SIGNALS:
    // After every change of the label layer: a segment, an edit, an undo or redo.
    void labelsChanged();
    // A new annotation was stored (not on undo/redo): DIAL clicks refine the map.
    void annotationAdded(const labeling::Annotation& annotation);
    // Undo or redo could not reach the store; the layer was left as it was.
    void editFailed(const QString& message);

private:
    friend class AnnotationCommand;
    // Stores an annotation already painted; on failure reverts it and throws.
    std::int64_t commit(Annotation annotation, LabelChange change);
    Annotation newAnnotation(AnnotationKind kind, LabelCode label) const;
    PixelPoint clamped(PixelPoint p) const;

    ProjectStore& m_store;
    std::int64_t m_sceneId;
    std::string m_author;
    std::shared_ptr<LabelLayer> m_layer;
    QUndoStack m_undoStack;
    struct Stroke {
        Annotation annotation;
        LabelChange change;
    };
    std::optional<Stroke> m_stroke;
};

} // namespace banquise::labeling
