#include "scene/GdalSession.h"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>
#include <string>

namespace banquise::scene {

namespace {
thread_local std::string t_lastError;

void CPL_STDCALL collectError(CPLErr level, CPLErrorNum, const char* message)
{
    // Warnings (e.g. unknown TIFF tags) are not failures; errors are
    // re-thrown by the caller as SceneError with this text.
    if (level >= CE_Failure)
        t_lastError = message ? message : "";
}
} // namespace

void GdalSession::ensure()
{
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(collectError);
    });
}

const char* GdalSession::lastError()
{
    static thread_local std::string returned;
    returned = t_lastError;
    t_lastError.clear();
    return returned.c_str();
}

} // namespace banquise::scene
