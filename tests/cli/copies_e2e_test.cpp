// The copies' PDFs read back with pdftotext: each addressee's copy holds its one addressee, and
// every other line of every copy is the file copy's.
#include <catch2/catch.hpp>

#include <sstream>

#include "support.hpp"

using zapros::test::occurrences;
using zapros::test::run;
using zapros::test::run_zapros;
using zapros::test::temp_dir;
using zapros::test::write;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> names{"Министерство юстиции", "МВД России", "ФСБ России"};
const std::vector<std::string> files{"r--ministerstvo-yusticii.pdf", "r--mvd-rossii.pdf", "r--fsb-rossii.pdf"};

std::string text_of(const fs::path& pdf) { return run({"pdftotext", pdf.string(), "-"}).out; }

// The text's lines without those naming an addressee.
std::vector<std::string> other_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) {
        bool addressee = false;
        for (const std::string& n : names) addressee = addressee || l.find(n) != std::string::npos;
        if (!addressee) out.push_back(l);
    }
    return out;
}

// The lines of the letter's text, whichever page they are on: no form feeds, page numbers or
// blank lines (the file copy's taller addressee block may move a line to the next page).
std::vector<std::string> running_text(const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (std::string l : lines) {
        std::erase(l, '\f');
        if (l.find_first_not_of("0123456789") != std::string::npos) out.push_back(l);
    }
    return out;
}

}  // namespace

TEST_CASE("three addressees give the file copy and three copies, each holding its one addressee", "[copies][e2e]") {
    const auto dir = temp_dir("copies-e2e");
    std::string body;
    for (int k = 1; k <= 30; ++k)
        body += "Абзац " + std::to_string(k) + ": прошу предоставить сведения о заключённых контрактах, их суммах "
                "и сроках исполнения за последние три года.\n\n";
    write(dir / "r.md", "---\ntitle: Запрос о контрактах\nto:\n  - " + names[0] + "\n  - " + names[1] + "\n  - " + names[2] +
                            "\n---\n" + body);
    REQUIRE(run_zapros({"render", "r.md", "--per-addressee"}, dir).status == 0);

    const std::string file_copy = text_of(dir / "r.pdf");
    for (const std::string& n : names) CHECK(occurrences(file_copy, n) == 1);
    const std::vector<std::string> first = other_lines(text_of(dir / files[0]));
    REQUIRE(running_text(first).size() > 60);  // the body is there to compare (30 paragraphs of two lines)
    CHECK(running_text(other_lines(file_copy)) == running_text(first));
    for (std::size_t i = 0; i < names.size(); ++i) {
        INFO(files[i]);
        const std::string copy = text_of(dir / files[i]);
        for (std::size_t j = 0; j < names.size(); ++j) CHECK(occurrences(copy, names[j]) == (i == j ? 1u : 0u));
        // All but the addressee line identical, blank lines, page breaks ('\f') and numbers included.
        CHECK(other_lines(copy) == first);
        CHECK(occurrences(copy, "\f") == 2);  // two pages, each ended by a form feed
    }
}
