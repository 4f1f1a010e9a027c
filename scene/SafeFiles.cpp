#include "scene/SafeFiles.h"

#include <cpl_minixml.h>
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

namespace {
void collectValues(const CPLXMLNode* node, const char* element, const char* attribute, std::vector<std::string>& values)
{
    for (; node; node = node->psNext) {
        if (node->eType != CXT_Element)
            continue;
        if (EQUAL(node->pszValue, element))
            if (const char* value = CPLGetXMLValue(node, attribute ? attribute : "", nullptr))
                values.push_back(value);
        collectValues(node->psChild, element, attribute, values);
    }
}
} // namespace

std::vector<std::string> xmlValues(const std::string& file, const char* element, const char* attribute)
{
    std::vector<std::string> values;
    if (CPLXMLNode* root = CPLParseXMLFile(file.c_str())) {
        collectValues(root, element, attribute, values);
        CPLDestroyXMLNode(root);
    }
    return values;
}

std::vector<std::string> missingSafeFiles(const std::string& safe)
{
    std::vector<std::string> missing;
    for (std::string href : xmlValues(safe + "/manifest.safe", "fileLocation", "href")) {
        if (href.rfind("./", 0) == 0)
            href.erase(0, 2);
        VSIStatBufL stat;
        if (VSIStatL((safe + "/" + href).c_str(), &stat) != 0)
            missing.push_back(href);
    }
    return missing;
}

std::string missingPartsNote(const std::string& safe, const std::vector<std::string>& keys)
{
    std::string note;
    for (const std::string& file : missingSafeFiles(safe)) {
        const std::string name = lowerCase(file);
        bool matches = true;
        for (const std::string& key : keys)
            matches = matches && name.find(key) != std::string::npos;
        if (matches)
            note += (note.empty() ? "; missing from the product: " : ", ") + file;
    }
    return note;
}

} // namespace banquise::scene
