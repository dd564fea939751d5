#pragma once
// For the e-mail tests: an .eml read back by two readers that are not ours, Python's email
// package (tests/mail/read_eml.py) and mu (maildir-utils, GMime).
#include <filesystem>
#include <string>

#include "json.hpp"

namespace zapros::test {

// What read_eml.py shows of the file: headers decoded, the text, the attachments' digests.
// Fails the test when Python reports a defect.
Json read_eml(const std::filesystem::path& eml);

// `mu view` of the file (UTF-8 locale, no database, no home directory needed).
std::string mu_view(const std::filesystem::path& eml);

// The attachments as `mu extract --save-attachments` saves them into dir.
void mu_extract(const std::filesystem::path& eml, const std::filesystem::path& dir);

// Every line of the file ends in CRLF, holds at most 78 characters and only ASCII.
void check_lines(const std::string& eml);

}  // namespace zapros::test
