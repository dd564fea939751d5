#pragma once
// The words a generated request is made of: the ordinary words of a request in Russian or
// English, and the tokens that break layouts — very long words, identifiers from court
// databases, e-mail addresses, file paths, URLs with long percent-encoded queries, code.
#include <string>

#include "random.hpp"

namespace zapros::property {

std::string common_word(Random& r, const std::string& lang);
// A real long word ("достопримечательностями") or, sometimes, 100+ letters of syllables.
std::string long_word(Random& r, const std::string& lang);
// "А40-123456/2023-ДСП-…", "2-1234/2023", an e-mail address or a file path.
std::string identifier(Random& r);
// https://… with a path, a query, percent escapes (a Yandex search for Russian words) and
// sometimes a fragment. tilde: whether '~' may appear (not in GFM's bare URLs).
std::string url(Random& r, bool tilde);
std::string email(Random& r);
// A line of code of about `length` characters.
std::string code_line(Random& r, int length);
std::string person_name(Random& r, const std::string& lang);
// A word with soft hyphens (U+00AD) between some of its letters, as word processors paste them.
std::string with_soft_hyphens(Random& r, const std::string& word);

}  // namespace zapros::property
