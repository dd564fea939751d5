// The property test's generator, writer and shrinker: a seed names one request everywhere, the
// Markdown says what the structure says, and shrinking keeps the failure while dropping the rest.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>

#include "generate.hpp"
#include "markdown.hpp"
#include "random.hpp"
#include "shrink.hpp"

using namespace zapros::property;

namespace {

// FNV-1a over the Markdown: a fingerprint to pin a seed's request across machines.
std::uint64_t fingerprint(const std::string& s) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

Piece word(const std::string& text, const std::string& before = " ") {
    Piece p;
    p.text = text;
    p.before = before;
    return p;
}

Piece mark(int note) {
    Piece p;
    p.kind = Piece::Kind::mark;
    p.note = note;
    return p;
}

// The levels of containers around the deepest block, as zapros counts them: a quote one, a
// list and its items two.
int levels(const std::vector<Block>& blocks) {
    int deepest = 0;
    for (const Block& b : blocks) {
        deepest = std::max(deepest, b.kind == Block::Kind::quote ? 1 + levels(b.children) : 0);
        for (const std::vector<Block>& item : b.items) deepest = std::max(deepest, 2 + levels(item));
    }
    return deepest;
}

}  // namespace

TEST_CASE("property: the random source is xoshiro256** on splitmix64, the same on every machine", "[property]") {
    Random r(42);
    // Reference values of this generator for seed 42; a standard library cannot change them.
    const std::uint64_t first = r.next();
    Random again(42);
    CHECK(again.next() == first);
    Random other(43);
    CHECK(other.next() != first);
    for (int i = 0; i < 1000; ++i) {
        const int v = r.between(3, 7);
        CHECK((v >= 3 && v <= 7));
    }
}

TEST_CASE("property: a seed gives the same request every time", "[property]") {
    for (Focus f : all_foci) {
        const std::string a = write(generate(7, f)).markdown;
        CHECK(a == write(generate(7, f)).markdown);
        CHECK(a != write(generate(8, f)).markdown);
    }
    // Pinned so that a change of the generator (or a platform that draws differently) shows;
    // update it with the generator, never for a platform.
    CHECK(fingerprint(write(generate(1, Focus::mixed)).markdown) == 0x848a92315073e835ull);
}

TEST_CASE("property: notes are numbered by their first marks and only marked notes are written", "[property]") {
    Sample s;
    s.title = {"Запрос"};
    s.to = {{"Министерство"}};
    Block p;
    p.text = {word("первое"), mark(2), word("второе"), mark(0)};
    s.body.push_back(p);
    s.notes.resize(3);
    s.notes[0].paragraphs = {{word("нулевая")}};
    s.notes[1].paragraphs = {{word("лишняя")}};
    s.notes[2].paragraphs = {{word("вторая")}};
    const Written w = write(s);
    CHECK_THAT(w.markdown, Catch::Contains("первое[^1] второе[^2]"));
    CHECK_THAT(w.markdown, Catch::Contains("[^1]: вторая") && Catch::Contains("[^2]: нулевая"));
    CHECK_THAT(w.markdown, !Catch::Contains("лишняя"));
    CHECK(w.notes == 2);
    REQUIRE(w.streams.back().name == "note 2");
    CHECK(w.streams.back().words == std::vector<std::string>{"нулевая"});
}

TEST_CASE("property: words that would open a block at a line's start are escaped", "[property]") {
    Sample s;
    s.title = {"T"};
    s.to = {{"X"}};
    Block p;
    p.text = {word("12."), word("-", "\n"), word("#x", "\n"), word("a_b*c")};
    s.body.push_back(p);
    const std::string md = write(s).markdown;
    CHECK_THAT(md, Catch::Contains("12\\.\n\\-\n\\#x a\\_b\\*c"));
    CHECK(write(s).streams[5].words == std::vector<std::string>{"12", "x", "abc"});
}

TEST_CASE("property: a table's cells are written as ranges of the body's words, the header row first", "[property]") {
    Sample s;
    s.title = {"T"};
    s.to = {{"X"}};
    Block lead;
    lead.text = {word("До")};
    Block t;
    t.kind = Block::Kind::table;
    t.align = {'l', ' '};
    t.rows = {{{word("Номер")}, {word("Сведения"), word("о")}}, {{}, {word("ИНН123-"), mark(0)}}};
    s.body = {lead, t};
    s.notes.resize(1);
    s.notes[0].paragraphs = {{word("сноска")}};
    const Written w = write(s);
    const Stream& body = w.streams[5];
    CHECK(body.words == std::vector<std::string>{"До", "Номер", "Сведения", "о", "ИНН123"});
    REQUIRE(body.tables.size() == 1);
    const auto& rows = body.tables[0].rows;
    REQUIRE(rows.size() == 2);
    REQUIRE(rows[0].size() == 2);
    REQUIRE(rows[1].size() == 2);
    CHECK((rows[0][0].first == 1 && rows[0][0].last == 2 && rows[0][1].first == 2 && rows[0][1].last == 4));
    CHECK((rows[1][0].first == 4 && rows[1][0].last == 4 && rows[1][1].first == 4 && rows[1][1].last == 5));  // an empty cell
}

TEST_CASE("property: generated blocks nest no deeper than zapros renders", "[property]") {
    // Seed 3006 focus mixed nested quotes in list items in quotes… 33 levels deep, and zapros
    // refused it ("blocks nest deeper than 32 levels"), as its README says it does.
    CHECK(levels(generate(3006, Focus::mixed).body) <= 24);
    int deepest = 0;
    for (std::uint64_t seed = 3000; seed < 3020; ++seed) deepest = std::max(deepest, levels(generate(seed, Focus::lists).body));
    CHECK(deepest >= 6);  // still nested deeply
}

TEST_CASE("property: shrinking keeps the failing piece and drops the rest", "[property]") {
    Sample s = generate(3, Focus::mixed);
    Block needle;
    needle.text = {word("иголка-в-стоге-сена-которую-ищут")};
    s.body.insert(s.body.begin() + static_cast<std::ptrdiff_t>(s.body.size() / 2), needle);
    const auto fails = [](const Sample& c) { return write(c).markdown.find("иголка") != std::string::npos; };
    const Shrunk out = shrink(s, fails, 30);
    CHECK(out.finished);
    REQUIRE(out.sample.body.size() == 1);
    REQUIRE(out.sample.body[0].text.size() == 1);
    CHECK_THAT(out.sample.body[0].text[0].text, Catch::StartsWith("иголка"));  // halved while it still fails
    CHECK(out.sample.body[0].text[0].text.size() < 20);
    CHECK(out.sample.notes.empty());
    CHECK(out.sample.to.size() == 1);
}

TEST_CASE("property: shrinking keeps a note marked only inside another note when the failure needs it", "[property]") {
    Sample s = generate(3, Focus::mixed);
    // The body marks a note, which marks the note that holds the needle.
    Piece outer, inner;
    outer.kind = inner.kind = Piece::Kind::mark;
    outer.note = static_cast<int>(s.notes.size());
    inner.note = outer.note + 1;
    Note marking, marked;
    marking.paragraphs = {{word("снаружи"), inner}};
    marked.paragraphs = {{word("иголка-в-заметке")}};
    s.notes.push_back(marking);
    s.notes.push_back(marked);
    Block holder;
    holder.text = {word("текст"), outer};
    s.body.push_back(holder);
    const auto fails = [](const Sample& c) { return write(c).markdown.find("иголка") != std::string::npos; };
    REQUIRE(fails(s));
    const Shrunk out = shrink(s, fails, 30);
    CHECK(out.finished);
    CHECK(fails(out.sample));  // what it prints as the smallest request still fails
    CHECK(out.sample.notes.size() == 2);
}
