#include "labeling/Annotation.h"

#include <array>
#include <stdexcept>
#include <utility>

namespace banquise::labeling {

namespace {

const std::array<std::pair<AnnotationKind, const char*>, 4> kKindNames{{
    {AnnotationKind::Stroke, "stroke"},
    {AnnotationKind::Erase, "erase"},
    {AnnotationKind::Polygon, "polygon"},
    {AnnotationKind::Click, "click"},
}};

const std::array<std::pair<AnnotationSource, const char*>, 3> kSourceNames{{
    {AnnotationSource::User, "user"},
    {AnnotationSource::ActiveLearning, "al_round"},
    {AnnotationSource::Import, "import"},
}};

template <typename Enum, std::size_t N>
std::string nameOf(const std::array<std::pair<Enum, const char*>, N>& names, Enum value)
{
    for (const auto& [e, name] : names)
        if (e == value)
            return name;
    return {};
}

template <typename Enum, std::size_t N>
Enum valueOf(const std::array<std::pair<Enum, const char*>, N>& names, const std::string& name, const char* what)
{
    for (const auto& [e, n] : names)
        if (name == n)
            return e;
    throw std::invalid_argument(std::string("unknown annotation ") + what + " '" + name + "'");
}

} // namespace

std::string toString(AnnotationKind kind) { return nameOf(kKindNames, kind); }
std::string toString(AnnotationSource source) { return nameOf(kSourceNames, source); }
AnnotationKind annotationKindFromString(const std::string& name) { return valueOf(kKindNames, name, "kind"); }
AnnotationSource annotationSourceFromString(const std::string& name) { return valueOf(kSourceNames, name, "source"); }

} // namespace banquise::labeling
