// Labels a scene of a project without end, one stroke per transaction,
// printing the id of every stroke once it is committed: the kill test runs
// it and kills it with SIGKILL in the middle of a session.
#include "labeling/ProjectStore.h"

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace banquise::labeling;

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s PROJECT SCENE_ID\n", argv[0]);
        return 2;
    }
    ProjectStore store(argv[1]);
    const std::int64_t sceneId = std::atoll(argv[2]);
    for (int i = 0;; ++i) {
        Annotation stroke;
        stroke.sceneId = sceneId;
        stroke.kind = AnnotationKind::Stroke;
        stroke.label = i % 2 ? LabelCode::Floe : LabelCode::OpenLead;
        stroke.radius = 3;
        for (int k = 0; k < 20; ++k)
            stroke.points.push_back({10.0 + k, 10.0 + (i % 50)});
        stroke.author = "kill-test";
        const std::int64_t id = store.addAnnotation(stroke);
        std::printf("%lld\n", static_cast<long long>(id));
        std::fflush(stdout);
    }
}
