// The bad-input corpus (tests/bad/): every file, however malformed, ends in the exit status and
// the diagnostics written inside it (tests/bad/README.md), never a signal or a hang, within a
// memory bound that grows with its size, and a failure leaves no PDF behind.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "support.hpp"

namespace fs = std::filesystem;
using zapros::test::read;
using zapros::test::write;

namespace {

struct Case {
    fs::path file;
    int exit = -1;
    std::vector<std::string> expect;  // substrings of stderr
    std::string setup;
    std::size_t grow = 0;
};

// "expect: …", "setup: …", "grow: …" on any line (in a YAML comment, a Markdown comment
// `[//]: # "…"`, or plain text), or in a NAME.expect file beside it.
Case read_case(const fs::path& file) {
    Case c;
    c.file = file;
    std::string text = read(file);
    if (fs::exists(file.string() + ".expect")) text += "\n" + read(file.string() + ".expect");
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        for (const char* key : {"expect: ", "setup: ", "grow: "}) {
            const std::size_t at = line.find(key);
            if (at == std::string::npos) continue;
            std::string v = line.substr(at + std::string(key).size());
            if (!v.empty() && v.back() == '"') v.pop_back();  // [//]: # "expect: …"
            if (std::string(key) == "setup: ") c.setup = v;
            else if (std::string(key) == "grow: ") c.grow = std::stoul(v);
            else if (v.rfind("exit ", 0) == 0) c.exit = std::stoi(v.substr(5));
            else c.expect.push_back(v);
        }
    }
    return c;
}

// A copy of fonts/ and hyph/ with the regular face broken in the way the case names.
fs::path data_dir(const fs::path& dir, const std::string& setup) {
    const fs::path data = dir / "data";
    fs::create_directories(data);
    fs::copy(zapros::test::source_dir() / "fonts", data / "fonts", fs::copy_options::recursive);
    fs::copy(zapros::test::source_dir() / "hyph", data / "hyph", fs::copy_options::recursive);
    fs::copy(zapros::test::source_dir() / "icc", data / "icc", fs::copy_options::recursive);
    const fs::path regular = data / "fonts" / "PTF55F.ttf";
    if (setup == "fonts-missing") fs::remove(regular);
    if (setup == "fonts-truncated") fs::resize_file(regular, 60000);  // inside 'glyf'
    if (setup == "fonts-garbage") write(regular, "\x89PNG\r\n\x1a\n not a font at all");
    return data;
}

}  // namespace

TEST_CASE("every file of the bad corpus ends as it says, without a crash, hang or leftover", "[bad]") {
    const fs::path corpus = zapros::test::source_dir() / "tests" / "bad";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(corpus))
        if (e.path().extension() == ".md" && e.path().filename() != "README.md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 30);
    for (const fs::path& file : files) {
        DYNAMIC_SECTION(file.filename().string()) {
            const Case c = read_case(file);
            REQUIRE(c.exit >= 0);  // every case says how it ends
            const fs::path dir = zapros::test::temp_dir("bad-" + file.stem().string());
            const fs::path input = dir / file.filename();
            std::string bytes = read(file);
            if (c.grow) {
                const std::size_t body = bytes.rfind("---\n") + 4;
                const std::string unit = bytes.substr(body);
                bytes.reserve(c.grow + unit.size());
                while (bytes.size() < c.grow) bytes += unit;
            }
            write(input, bytes);
            if (c.setup == "images")
                for (const auto& image : fs::directory_iterator(corpus / "images")) fs::copy_file(image.path(), dir / image.path().filename());
            std::vector<std::string> argv{"env"};
            if (c.setup.rfind("fonts-", 0) == 0) argv.push_back("ZAPROS_DATA_DIR=" + data_dir(dir, c.setup).string());
            fs::path out = dir / "out.pdf";
            if (c.setup == "output-unwritable") {
                write(dir / "blocker", "a file where a directory is needed");
                out = dir / "blocker" / "out.pdf";
            }
            argv.insert(argv.end(), {zapros::test::binary().string(), "render", input.string(), "-o", out.string()});
            const auto r = zapros::test::run(argv, dir, 300);
            INFO("stderr: " << r.err.substr(0, 2000));
            CHECK_FALSE(r.timed_out);
            CHECK_FALSE(r.signaled);
            CHECK(r.status == c.exit);
            for (const std::string& e : c.expect) CHECK(r.err.find(e) != std::string::npos);
            CHECK(zapros::test::temporaries(dir).empty());
            if (c.exit == 0) CHECK(read(out).rfind("%PDF-", 0) == 0);
            else CHECK_FALSE(fs::exists(out));
#if !defined(__SANITIZE_ADDRESS__)
            // Memory grows with the input, not beyond: 100 MB plus 100 times its size (the 5 MiB
            // paragraph peaks near 400 MB: every word is a box, its glue and its fragment).
            CHECK(r.max_rss_kb < 100 * 1024 + static_cast<long>(100 * bytes.size() / 1024));
#endif
        }
    }
}
