#include "scene/SafeFiles.h"

#include <cpl_string.h>
#include <cpl_vsi.h>

#include <cctype>

namespace banquise::scene {

std::string lowerCase(std::string text)
{
    for (char& ch : text)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return text;
}

std::string safeFileWith(const std::string& folder, const std::string& prefix, const std::string& key)
{
    std::string found;
    char** names = VSIReadDir(folder.c_str());
    for (char** n = names; n && *n && found.empty(); ++n) {
        const std::string name = lowerCase(*n);
        if (name.rfind(prefix, 0) == 0 && name.find(key) != std::string::npos)
            found = folder + "/" + *n;
    }
    CSLDestroy(names);
    return found;
}

} // namespace banquise::scene
