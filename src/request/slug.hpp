#pragma once
// The file name part of an addressee's copy (NAME--SLUG.pdf): given in the front matter, or
// transliterated from the addressee's name.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "request/request.hpp"

namespace zapros::request {

struct SlugSettings {
    std::size_t max_bytes = 40;  // a transliterated slug is cut to this, at a '-' where there is one
};

// utf8 as a file name part: Cyrillic transliterated by GOST 7.79-2000 system B (Russian,
// Ukrainian and Belarusian letters), lower case; the Latin letters a–z and the digits kept;
// every other run of characters one '-'; no '-' at either end; cut to settings.max_bytes at a
// '-' (mid-word only when the first word alone is longer). Nothing left: "".
std::string transliterate(std::string_view utf8, const SlugSettings& settings = {});

// Each addressee's slug, in order: the given one, else the first line of the name transliterated
// (nothing left: "addressee-N", N counted from 1). Unique: a generated slug that another took
// first, or that an addressee was given, gets "-2", "-3"… (the lowest free); a given slug is never
// changed (two equal given slugs are the caller's error to report).
std::vector<std::string> copy_slugs(const std::vector<Addressee>& to, const SlugSettings& settings = {});

}  // namespace zapros::request
