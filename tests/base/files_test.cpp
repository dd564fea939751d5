// Reading files: whole (read_file) and mapped (FileBytes).
#include <catch2/catch.hpp>

#include <utility>

#include "base/files.hpp"
#include "support.hpp"

using zapros::FileBytes;

TEST_CASE("a mapped file holds the file's bytes, and keeps them when it moves", "[files]") {
    const auto font = zapros::test::source_dir() / "fonts" / "PTF55F.ttf";
    const std::string whole = zapros::read_file(font);
    FileBytes mapped = FileBytes::map(font);
    CHECK(mapped.view() == whole);
    FileBytes moved = std::move(mapped);
    CHECK(moved.view() == whole);
    FileBytes assigned(std::string("old"));
    assigned = std::move(moved);
    CHECK(assigned.view() == whole);
}

TEST_CASE("a file that cannot be mapped is read: empty files and devices", "[files]") {
    const auto dir = zapros::test::temp_dir("files-empty");
    zapros::test::write(dir / "empty", "");
    CHECK(FileBytes::map(dir / "empty").view().empty());
    CHECK(FileBytes::map("/dev/null").view().empty());
}

TEST_CASE("a missing file to map is an IoError naming it", "[files]") {
    const auto missing = zapros::test::temp_dir("files-missing") / "nothing.ttf";
    CHECK_THROWS_WITH(FileBytes::map(missing), Catch::Contains("cannot open") && Catch::Contains("nothing.ttf"));
}
