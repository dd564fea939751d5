#pragma once
// The output intent's colour profile, checked as PDF/A-2 takes it (ISO 19005-2 §6.2.3): no libharu
// here, so that cli/ can judge the installation's profile when it reads it.
#include <string>
#include <string_view>

namespace zapros::output {

// What keeps `icc` from being the sRGB output intent zapros's PDFs carry: not an ICC profile (too
// short, no 'acsp' signature, a size that disagrees with its header), a version other than 2 or 4,
// a class other than a display ('mntr') profile, or data other than RGB. Empty when it will do.
std::string srgb_profile_problem(std::string_view icc);

}  // namespace zapros::output
