#include "scene/GdalDataset.h"

#include "scene/GdalSession.h"

namespace banquise::scene {

DatasetPtr openDataset(const std::string& path, unsigned flags)
{
    GdalSession::ensure();
    return DatasetPtr(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), flags | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
}

std::string withGdalReason(const std::string& reason)
{
    const std::string message = GdalSession::lastError();
    return message.empty() ? reason : reason + " (" + message + ")";
}

} // namespace banquise::scene
