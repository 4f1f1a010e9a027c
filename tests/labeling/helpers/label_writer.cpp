// Labels a scene of a project without end, one stroke per transaction,
// printing the id of every stroke once it is committed: the kill test runs
// it and kills it with SIGKILL in the middle of a session; the full-disk
// test runs it with a file-size limit, and it stops at the first refused
// edit, printing the store's error and exiting with 3.
#include "labeling/ProjectError.h"
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
        std::int64_t id = 0;
        try {
            id = store.addAnnotation(stroke);
        } catch (const ProjectError& e) {
            std::fprintf(stderr, "%s\n", e.what());
            return 3;
        }
        std::printf("%lld\n", static_cast<long long>(id));
        std::fflush(stdout);
    }
}
