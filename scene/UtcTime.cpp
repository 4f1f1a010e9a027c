#include "scene/UtcTime.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace banquise::scene {

namespace {
// Days from civil date, proleptic Gregorian (H. Hinnant's algorithm): timegm
// is not standard C++ and std::chrono's calendar is C++20.
long long daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}
} // namespace

std::optional<double> parseUtc(const std::string& iso)
{
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    double second = 0.0;
    char zone = 0;
    const int n = std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%lf%c", &year, &month, &day, &hour, &minute, &second, &zone);
    if (n < 6 || (n == 7 && zone != 'Z'))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second < 0 || second >= 61)
        return std::nullopt;
    const long long days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    return static_cast<double>(days) * 86400.0 + hour * 3600.0 + minute * 60.0 + second;
}

std::string formatUtc(double secondsSinceEpoch)
{
    const std::time_t whole = static_cast<std::time_t>(std::floor(secondsSinceEpoch));
    std::tm tm{};
    gmtime_r(&whole, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

} // namespace banquise::scene
