#pragma once

#include <QTemporaryDir>

#include <string>

namespace banquise::tests {

// A scratch folder removed with the test; path() names a scene folder in it.
class TempSceneFolder {
public:
    std::string path(const char* name = "scene") const { return m_dir.filePath(name).toStdString(); }
    std::string root() const { return m_dir.path().toStdString(); }
    bool isValid() const { return m_dir.isValid(); }

private:
    QTemporaryDir m_dir;
};

} // namespace banquise::tests
