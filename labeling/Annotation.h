#pragma once

#include "labeling/LabelClass.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace banquise::labeling {

// Continuous pixel coordinates on the scene's analysis grid (column, row;
// pixel (c, r) covers [c, c+1) x [r, r+1)).
struct PixelPoint {
    double column = 0.0;
    double row = 0.0;
};

enum class AnnotationKind {
    Stroke,  // brush: a polyline painted with a disc of `radius` pixels
    Erase,   // eraser: the same, back to unlabelled
    Polygon, // polygon or lasso, filled
    Click    // a DIAL click: one point, positive or negative for its class
};

enum class AnnotationSource { User, ActiveLearning, Import };

// One user edit as the project stores it: geometry and class, never pixels,
// so the label raster is rebuilt by replaying the annotations in id order.
struct Annotation {
    std::int64_t id = 0; // given by the store
    std::int64_t sceneId = 0;
    AnnotationKind kind = AnnotationKind::Stroke;
    LabelCode label = LabelCode::Floe; // ignored by Erase
    bool positive = true;              // clicks only
    double radius = 0.0;               // strokes and erasures, pixels
    std::vector<PixelPoint> points;
    std::string author;
    double time = 0.0; // seconds since epoch, UTC
    AnnotationSource source = AnnotationSource::User;
    std::optional<std::int64_t> roundId; // the active-learning round it answered
};

std::string toString(AnnotationKind kind);
std::string toString(AnnotationSource source);
// Throw std::invalid_argument on unknown names.
AnnotationKind annotationKindFromString(const std::string& name);
AnnotationSource annotationSourceFromString(const std::string& name);

} // namespace banquise::labeling
