#include "labeling/LabelSession.h"

#include "labeling/ProjectError.h"
#include "labeling/ProjectStore.h"

#include <QDateTime>
#include <QUndoCommand>

#include <algorithm>

namespace banquise::labeling {

namespace {

void append(LabelChange& into, const LabelChange& more)
{
    into.pixels.insert(into.pixels.end(), more.pixels.begin(), more.pixels.end());
    into.before.insert(into.before.end(), more.before.begin(), more.before.end());
}

QString describe(const Annotation& a)
{
    const QString what = QString::fromStdString(toString(a.kind));
    return a.kind == AnnotationKind::Erase ? what : what + " " + labelClass(a.label).name;
}

} // namespace

// Stored annotations on the undo stack (one edit, or a whole import): it
// holds their change, not a copy of the layer. Pushed already applied, so
// its first redo does nothing.
class AnnotationCommand : public QUndoCommand {
public:
    AnnotationCommand(LabelSession& session, std::vector<Annotation> annotations, LabelChange change, const QString& text)
        : QUndoCommand(text), m_session(session), m_annotations(std::move(annotations)), m_change(std::move(change))
    {
    }

    void undo() override
    {
        std::vector<std::int64_t> ids;
        for (const auto& a : m_annotations)
            ids.push_back(a.id);
        try {
            m_session.m_store.removeAnnotations(ids);
        } catch (const ProjectError& e) {
            Q_EMIT m_session.editFailed(QString::fromStdString(e.what()));
            return;
        }
        m_session.m_layer->revert(m_change);
        Q_EMIT m_session.labelsChanged();
    }

    void redo() override
    {
        if (m_applied) {
            m_applied = false;
            return;
        }
        std::vector<std::int64_t> ids;
        try {
            ids = m_session.m_store.addAnnotations(m_annotations);
        } catch (const ProjectError& e) {
            Q_EMIT m_session.editFailed(QString::fromStdString(e.what()));
            return;
        }
        m_change = {};
        for (std::size_t i = 0; i < ids.size(); ++i) {
            m_annotations[i].id = ids[i];
            append(m_change, m_session.m_layer->paint(m_annotations[i]));
        }
        Q_EMIT m_session.labelsChanged();
    }

private:
    LabelSession& m_session;
    std::vector<Annotation> m_annotations;
    LabelChange m_change;
    bool m_applied = true;
};

LabelSession::LabelSession(ProjectStore& store, const SceneRecord& scene, std::string author, QObject* parent)
    : QObject(parent), m_store(store), m_sceneId(store.addScene(scene)), m_author(std::move(author))
{
    scene::LayerInfo info;
    info.name = "Labels";
    info.quantity = scene::Quantity::SeaIceClass;
    info.sourceFile = store.path();
    m_layer = std::make_shared<LabelLayer>(info, scene.grid);
    for (const auto& a : store.annotations(m_sceneId))
        m_layer->paint(a);
}

LabelSession::~LabelSession()
{
    // Commands refer to this session: drop them first.
    m_undoStack.clear();
}

Annotation LabelSession::newAnnotation(AnnotationKind kind, LabelCode label) const
{
    Annotation a;
    a.sceneId = m_sceneId;
    a.kind = kind;
    a.label = label;
    a.author = m_author;
    a.time = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    return a;
}

PixelPoint LabelSession::clamped(PixelPoint p) const
{
    // A stroke that leaves the grid is kept up to the edge.
    return {std::clamp(p.column, 0.0, double(m_layer->grid().width())), std::clamp(p.row, 0.0, double(m_layer->grid().height()))};
}

void LabelSession::beginStroke(AnnotationKind kind, LabelCode label, double radius, PixelPoint start)
{
    cancelStroke();
    Stroke stroke{newAnnotation(kind, label), {}};
    stroke.annotation.radius = radius;
    stroke.annotation.points.push_back(clamped(start));
    const auto value = kind == AnnotationKind::Erase ? LabelLayer::kUnlabelled : static_cast<std::uint8_t>(label);
    stroke.change = m_layer->paintSegment(stroke.annotation.points[0], stroke.annotation.points[0], radius, value);
    m_stroke = std::move(stroke);
    Q_EMIT labelsChanged();
}

void LabelSession::extendStroke(PixelPoint next)
{
    if (!m_stroke)
        return;
    auto& a = m_stroke->annotation;
    const PixelPoint point = clamped(next);
    const auto value = a.kind == AnnotationKind::Erase ? LabelLayer::kUnlabelled : static_cast<std::uint8_t>(a.label);
    append(m_stroke->change, m_layer->paintSegment(a.points.back(), point, a.radius, value));
    a.points.push_back(point);
    Q_EMIT labelsChanged();
}

std::int64_t LabelSession::endStroke()
{
    if (!m_stroke)
        return 0;
    Stroke stroke = std::move(*m_stroke);
    m_stroke.reset();
    return commit(std::move(stroke.annotation), std::move(stroke.change));
}

void LabelSession::cancelStroke()
{
    if (!m_stroke)
        return;
    m_layer->revert(m_stroke->change);
    m_stroke.reset();
    Q_EMIT labelsChanged();
}

std::int64_t LabelSession::addPolygon(LabelCode label, std::vector<PixelPoint> polygon)
{
    auto a = newAnnotation(AnnotationKind::Polygon, label);
    for (auto& p : polygon)
        a.points.push_back(clamped(p));
    auto change = m_layer->paint(a);
    return commit(std::move(a), std::move(change));
}

std::int64_t LabelSession::addClick(LabelCode label, bool positive, PixelPoint point)
{
    auto a = newAnnotation(AnnotationKind::Click, label);
    a.positive = positive;
    a.points.push_back(clamped(point));
    auto change = m_layer->paint(a);
    return commit(std::move(a), std::move(change));
}

std::int64_t LabelSession::addPixelAnswer(LabelCode label, int column, int row)
{
    // A one-point stroke of radius ½ paints the one pixel whose centre it is.
    auto a = newAnnotation(AnnotationKind::Stroke, label);
    a.radius = 0.5;
    a.source = AnnotationSource::ActiveLearning;
    a.points.push_back(clamped({column + 0.5, row + 0.5}));
    auto change = m_layer->paint(a);
    return commit(std::move(a), std::move(change));
}

std::int64_t LabelSession::commit(Annotation annotation, LabelChange change)
{
    try {
        annotation.id = m_store.addAnnotation(annotation);
    } catch (const ProjectError&) {
        m_layer->revert(change); // the layer never shows what the project lacks
        Q_EMIT labelsChanged();
        throw;
    }
    const auto id = annotation.id;
    const QString text = describe(annotation);
    const Annotation added = annotation;
    m_undoStack.push(new AnnotationCommand(*this, {std::move(annotation)}, std::move(change), text));
    Q_EMIT labelsChanged();
    Q_EMIT annotationAdded(added);
    return id;
}

std::vector<Annotation> LabelSession::clicks() const
{
    std::vector<Annotation> result;
    for (auto& a : m_store.annotations(m_sceneId))
        if (a.kind == AnnotationKind::Click)
            result.push_back(std::move(a));
    return result;
}

std::size_t LabelSession::importAnnotations(std::vector<Annotation> annotations, const QString& description, AnnotationSource source)
{
    for (auto& a : annotations) {
        a.sceneId = m_sceneId;
        a.author = m_author;
        a.source = source;
        for (auto& p : a.points)
            p = clamped(p);
    }
    const auto ids = m_store.addAnnotations(annotations); // all or none
    LabelChange change;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        annotations[i].id = ids[i];
        append(change, m_layer->paint(annotations[i]));
    }
    m_undoStack.push(new AnnotationCommand(*this, std::move(annotations), std::move(change), description));
    Q_EMIT labelsChanged();
    return ids.size();
}

} // namespace banquise::labeling
