#include "app/CliOptions.h"

#include <cstdlib>
#include <stdexcept>

namespace banquise::app {

std::string option(const Arguments& args, const std::string& name, const std::string& fallback)
{
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == name)
            return args[i + 1];
    return fallback;
}

bool hasFlag(const Arguments& args, const std::string& name)
{
    for (const std::string& arg : args)
        if (arg == name)
            return true;
    return false;
}

long numberOption(const Arguments& args, const std::string& name, long fallback)
{
    const std::string text = option(args, name, std::to_string(fallback));
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (!end || *end != '\0')
        throw std::invalid_argument(name + " expects an integer, got '" + text + "'");
    return value;
}

double realOption(const Arguments& args, const std::string& name, double fallback)
{
    const std::string text = option(args, name, "");
    if (text.empty())
        return fallback;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (!end || *end != '\0')
        throw std::invalid_argument(name + " expects a number, got '" + text + "'");
    return value;
}

std::vector<std::string> leadingPaths(const Arguments& args)
{
    std::vector<std::string> paths;
    for (const auto& a : args) {
        if (a.rfind("--", 0) == 0)
            break;
        paths.push_back(a);
    }
    return paths;
}

} // namespace banquise::app
