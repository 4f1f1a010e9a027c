#include "scene/ProductCatalog.h"

#include "scene/GdalSession.h"
#include "scene/kinds/ProductKind.h"

#include <algorithm>
#include <filesystem>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {
constexpr int kMaxDepth = 6;

// The kinds that claim the path try it in the registry's order; a folder no
// kind claims is walked.
void visit(const fs::path& path, int depth, Detection& out)
{
    std::error_code error;
    const bool folder = fs::is_directory(path, error);
    bool claimed = false;
    std::string hint;
    for (const ProductKind& kind : productKinds()) {
        if (!kind.claims(path, folder))
            continue;
        claimed = true;
        DetectedProduct product;
        std::string reason;
        const Recognition recognition = kind.detect(path, product, reason);
        if (recognition == Recognition::Recognised) {
            product.kind = kind.name;
            out.products.push_back(product);
            return;
        }
        if (recognition == Recognition::Refused) {
            out.skipped.push_back(path.string() + ": " + reason);
            return;
        }
        if (hint.empty())
            hint = reason;
    }
    if (folder && !claimed) {
        if (depth >= kMaxDepth)
            return;
        std::vector<fs::path> children;
        for (const auto& entry : fs::directory_iterator(path, error))
            children.push_back(entry.path());
        std::sort(children.begin(), children.end());
        for (const auto& child : children)
            visit(child, depth + 1, out);
        return;
    }
    out.skipped.push_back(path.string() + ": " + (hint.empty() ? "not a product kind Banquise reads" : hint));
}
} // namespace

Detection detectProducts(const std::vector<std::string>& paths)
{
    GdalSession::ensure();
    Detection out;
    for (const auto& path : paths) {
        if (!fs::exists(path)) {
            out.skipped.push_back(path + ": does not exist");
            continue;
        }
        visit(fs::path(path), 0, out);
    }
    return out;
}

} // namespace banquise::scene
