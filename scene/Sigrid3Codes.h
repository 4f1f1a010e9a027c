#pragma once

namespace banquise::scene {

// The WMO SIGRID-3 codes ice charts carry per polygon (JCOMM SIGRID-3,
// 2014), as the Canadian Ice Service, the US NIC and DMI publish them.

// Total or partial ice concentration (percent) of a CT/CA/CB/CC code:
// ranges at their middle, 9+/10 as 95 %, 10/10 as 100 %, ice free (55) and
// < 1/10 as open water; NaN for codes that give none (bergy water 02,
// glacier 98, undetermined 99) and for what is no concentration code.
double sigrid3Concentration(int code);
// Whether a code is one of the concentration codes above (NaN ones included).
bool isSigrid3Concentration(int code);
// Stage of development (SA, SB, SC): 00 ice free, 55 ice free, 80-89, 91,
// 93, 95-99.
bool isSigrid3Stage(int code);
// Form of ice (FA, FB, FC): 00-12, 21, 22, 99.
bool isSigrid3Form(int code);

} // namespace banquise::scene
