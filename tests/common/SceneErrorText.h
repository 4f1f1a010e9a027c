#pragma once

// The message of the SceneError a call throws, empty when it throws none:
// for tests that check what a user is told.
#include "scene/SceneError.h"

#include <QString>

namespace banquise::tests {

template <typename Call>
QString sceneErrorOf(Call&& call)
{
    try {
        call();
    } catch (const scene::SceneError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace banquise::tests
