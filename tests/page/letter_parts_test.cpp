// Where the official letter's parts land on the pages: the letterhead and its logo, the
// signature scan and the seal, the executor at the foot of the last page, the paper and the
// text size. Requests are parsed and their parts filled by hand (tests/letter_parts.hpp).
#include <catch2/catch.hpp>

#include <filesystem>

#include "compose/letter.hpp"
#include "layout_support.hpp"
#include "letter_parts.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

request::Request parsed(const std::string& yaml, const std::string& body = "Текст.\n") {
    auto p = test::parse(test::request_text(test::minimal_yaml + yaml, body));
    REQUIRE(p.req);
    return std::move(*p.req);
}

cli::Typeset typeset(const request::Request& req) {
    Diagnostics d("t.md");
    auto t = test::pipeline().typeset(req, d);
    INFO(Catch::Detail::stringify(test::messages(d)));
    REQUIRE(t);
    return std::move(*t);
}

bool near(Sp a, Sp b) { return std::abs(a - b) <= pt(0.01); }  // sizes in whole pixels, scaled

// An image as placed: its file's name, its box from the page's top left corner, the line it is on.
struct Placed {
    std::string file;
    int page = 0;
    Sp x = 0, y = 0, width = 0, height = 0;
    const page::Placed* line = nullptr;
    std::size_t order = 0;  // in its line's images: drawn in this order
};

std::vector<Placed> images(const cli::Typeset& t) {
    std::vector<Placed> out;
    for (const page::Page& pg : t.pages.pages)
        for (const page::Placed& pl : pg.lines)
            for (std::size_t k = 0; k < pl.line.images.size(); ++k) {
                const para::ImageBox& b = pl.line.images[k];
                out.push_back({t.images->paths().at(static_cast<std::size_t>(b.image)).filename().string(), pg.number,
                               pl.x + b.x, pl.y + b.y, b.width, b.height, &pl, k});
            }
    return out;
}

std::vector<Placed> images_of(const cli::Typeset& t, const std::string& file) {
    std::vector<Placed> out;
    for (const Placed& p : images(t))
        if (p.file == file) out.push_back(p);
    return out;
}

// The one image of the file on the pages.
Placed only(const cli::Typeset& t, const std::string& file) {
    const auto found = images_of(t, file);
    REQUIRE(found.size() == 1);
    return found.front();
}

// A letter with every part, its letterhead centred or angular.
cli::Typeset letterheaded(bool centered) {
    auto req = parsed("");
    test::add_letter_parts(req.meta, centered);
    return typeset(req);
}

// The line to sign on in a signature row: its left end, width and baseline.
struct SignLine {
    Sp x = 0, width = 0, y = 0;
};

SignLine sign_line(const page::Placed& row) {
    for (const para::Run& r : row.line.runs)
        if (r.text.rfind("___", 0) == 0) return {row.x + r.x, test::run_width(r), row.y + r.y};
    FAIL("no line to sign on");
    return {};
}

// The line before `pl` on its page.
const page::Placed* before(const cli::Typeset& t, const page::Placed* pl) {
    for (const page::Page& pg : t.pages.pages)
        for (std::size_t i = 1; i < pg.lines.size(); ++i)
            if (&pg.lines[i] == pl) return &pg.lines[i - 1];
    return nullptr;
}

const char* const two_scans = "signatures:\n  - {role: Главный редактор, name: А. А. Петров}\n  - {role: Юрист, name: Б. Б. Сидоров}\n";

request::Request with_two_scans(int stamp_on) {
    auto req = parsed(two_scans);
    for (int i = 0; i < 2; ++i) req.meta.signatures[static_cast<std::size_t>(i)].image = test::letter_image("signature", 10 + i);
    req.meta.stamp = request::Stamp{test::letter_image("stamp", 12), stamp_on, {12, 3}};
    return req;
}

}  // namespace

TEST_CASE("a signature scan is 15 mm tall, centred on its line, its foot below it, never over the text above", "[layout]") {
    const auto t = typeset(with_two_scans(1));
    const auto scans = images_of(t, "signature.png");
    REQUIRE(scans.size() == 2);
    const compose::Style style;
    for (const Placed& s : scans) {
        CHECK(near(s.height, mm(15)));
        CHECK(near(s.width, mm(30)));  // 300 × 150 px: aspect kept
        const SignLine l = sign_line(*s.line);
        CHECK(near(s.x + s.width / 2, l.x + l.width / 2));
        CHECK(s.y + s.height == l.y + style.scan_drop);
        // The row grows: the scan's top is under the bottom of the line before it (the second
        // row's scan would reach into the first row, 12 pt above its text).
        const page::Placed* prev = before(t, s.line);
        REQUIRE(prev);
        CHECK(s.y >= prev->y + prev->line.depth);
        CHECK(s.y >= s.line->y - s.line->line.height);
    }
}

TEST_CASE("a scan wider than the line to sign on is scaled down to its width", "[layout]") {
    auto req = parsed("signatures: [{role: Главный редактор, name: А. А. Петров}]\n");
    req.meta.signatures[0].image = test::letter_image("wide", 10);  // 6:1: 90 mm at 15 mm tall; the line is 40 mm
    const auto t = typeset(req);
    const Placed scan = only(t, "wide.png");
    CHECK(near(scan.width, compose::Style{}.signature_line));
    CHECK(near(scan.height, compose::Style{}.signature_line / 6));
    const SignLine l = sign_line(*scan.line);
    CHECK(near(scan.x, l.x + (l.width - scan.width) / 2));
}

TEST_CASE("a scan smaller than a hand signs is enlarged to 15 mm, its aspect kept", "[layout]") {
    auto req = parsed("signatures: [{role: Главный редактор, name: А. А. Петров}]\n");
    req.meta.signatures[0].image = test::letter_image("small", 10);  // 120 × 48 px: 20.3 × 8.1 mm
    const auto t = typeset(req);
    const Placed scan = only(t, "small.png");
    CHECK(near(scan.height, mm(15)));
    CHECK(near(scan.width, mm(37.5)));
}

TEST_CASE("the seal overlaps the left part of its signature's line, over the scan, inside its row", "[layout]") {
    for (int n : {1, 2}) {
        INFO("stamp on signature " << n);
        const auto t = typeset(with_two_scans(n));
        const Placed s = only(t, "stamp.png");
        CHECK(near(s.width, mm(40)));  // 50.8 mm, capped
        CHECK(near(s.height, mm(40)));
        const auto rows = test::lines_containing(t.pages, n == 1 ? "Петров" : "Сидоров");
        REQUIRE(rows.size() == 1);
        CHECK(s.line == rows.front());
        const SignLine l = sign_line(*s.line);
        CHECK(s.x < l.x);                                 // it reaches over the role's end
        CHECK(s.x + s.width > l.x);                       // and over the line
        CHECK(s.x + s.width / 2 < l.x + l.width / 2);     // its left part
        CHECK(near(s.x + s.width, l.x + l.width * 3 / 10));  // three tenths in: the rest of the signature legible
        CHECK(near(s.y + s.height / 2, l.y));            // centred on the line
        CHECK(s.y >= s.line->y - s.line->line.height);
        CHECK(s.y + s.height <= s.line->y + s.line->line.depth);
        // Drawn after its row's scan: over it.
        const auto scans = images_of(t, "signature.png");
        const auto own = std::find_if(scans.begin(), scans.end(), [&](const Placed& p) { return p.line == s.line; });
        REQUIRE(own != scans.end());
        CHECK(own->order < s.order);
    }
}

TEST_CASE("the executor stands at the foot of the last page's text area, on the notes when there are some", "[layout]") {
    const compose::Style style;
    auto req = parsed("signatures: [{role: Главный редактор, name: А. А. Петров}]\n");
    req.meta.executor = request::Executor{test::text_at("Сидорова Ольга Петровна", 9), test::text_at("+7 495 000-00-01", 10),
                                          std::nullopt, {9, 3}};
    auto t = typeset(req);
    REQUIRE(t.pages.pages.size() == 1);
    auto ex = test::lines_containing(t.pages, "Сидорова");
    REQUIRE(ex.size() == 1);
    CHECK(ex[0]->x == style.margin_left);
    CHECK(ex[0]->line.runs.front().size == pt(10));
    CHECK(ex[0]->y + ex[0]->line.depth == style.page_height - style.margin_bottom);
    CHECK(test::lines_containing(t.pages, "+7").front() == ex[0]);  // one frame: a line each

    // With a note on the page, the executor rests on the note area: the rule under it.
    auto noted = parsed("signatures: [{role: Главный редактор, name: А. А. Петров}]\n", "Текст[^1].\n\n[^1]: Сноска.\n");
    noted.meta.executor = req.meta.executor;
    t = typeset(noted);
    REQUIRE(t.pages.pages.size() == 1);
    ex = test::lines_containing(t.pages, "Сидорова");
    REQUIRE(ex.size() == 1);
    const page::Page& pg = t.pages.pages[0];
    REQUIRE(pg.lines.size() > pg.body_lines);
    const page::Placed& rule = pg.lines[pg.body_lines];
    REQUIRE_FALSE(rule.line.rules.empty());
    CHECK(ex[0]->y + ex[0]->line.depth <= rule.y);
    CHECK(ex[0]->y + ex[0]->line.depth >= rule.y - style.note_skip);
}

TEST_CASE("the executor takes a page of its own only when the last page has no room for it", "[layout]") {
    const compose::Style style;
    const request::Executor executor{test::text_at("Сидорова Ольга Петровна", 9), test::text_at("+7 495 000-00-01", 10),
                                     test::text_at("o@example.org", 11), {9, 3}};
    const Sp needs = style.executor_before + 3 * style.executor_leading;
    int alone = 0, shared = 0;
    std::string body;
    for (int n = 0; n < 40; ++n) {
        body += "Редакция просит предоставить сведения о расходах на содержание учреждения за прошлый год.\n\n";
        auto req = parsed("signatures: [{role: Главный редактор, name: А. А. Петров}]\n", body);
        const auto without = typeset(req);
        req.meta.executor = executor;
        const auto with = typeset(req);
        const page::Page& last = without.pages.pages.back();
        const page::Placed& bottom = last.lines[last.body_lines - 1];
        const Sp room = style.page_height - style.margin_bottom - (bottom.y + bottom.line.depth);
        INFO(n << " paragraphs, " << to_pt(room) << " pt left on the last page");
        if (room >= needs) {
            CHECK(with.pages.pages.size() == without.pages.pages.size());
            ++shared;
        } else if (with.pages.pages.size() > without.pages.pages.size()) {
            // Alone on the new page, the pages before it as they were: it drags nothing along.
            ++alone;
            CHECK(with.pages.pages.back().body_lines == 1);
            for (std::size_t k = 0; k + 1 < with.pages.pages.size(); ++k)
                CHECK(with.pages.pages[k].body_lines == without.pages.pages[k].body_lines);
        }
        CHECK(test::lines_containing(with.pages, "Сидорова").front() ==
              &with.pages.pages.back().lines[with.pages.pages.back().body_lines - 1]);
    }
    CHECK(shared > 0);
    CHECK(alone > 0);  // the sweep met a full last page too
}

TEST_CASE("the angular letterhead's logo tops the sender's column, at most 20 mm tall with its aspect kept", "[layout]") {
    const compose::Style style;
    const auto t = letterheaded(false);
    const Placed logo = only(t, "logo.png");
    CHECK(logo.page == 1);
    CHECK(near(logo.height, mm(20)));
    CHECK(near(logo.width, mm(40)));  // 2:1
    CHECK(logo.x == style.margin_left);
    CHECK(logo.y == style.margin_top);
    const auto name = test::lines_containing(t.pages, "«Вестник»");
    REQUIRE(name.size() == 1);
    CHECK(test::x_of(t.pages, "Редакция") == style.margin_left);
    // The name under the logo, the addressee zone beside them from the top.
    CHECK(name[0]->y > logo.y + logo.height);
    const Sp addressee = test::x_of(t.pages, "Министерство");
    CHECK(addressee == style.margin_left + style.measure() - style.addressee_width);
    CHECK(test::zone_violations(t.pages).empty());
}

TEST_CASE("the centred letterhead spans the measure above the requisites, its logo centred", "[layout]") {
    const compose::Style style;
    const auto t = letterheaded(true);
    const Placed logo = only(t, "logo.png");
    CHECK(near(logo.x + logo.width / 2, style.margin_left + style.measure() / 2));
    CHECK(logo.y == style.margin_top);
    // The name's line centred under the logo; the addressees at the right below the banner.
    const page::Placed* frame = logo.line;
    Sp name_y = 0, name_x0 = 0, name_x1 = 0, last_banner_y = 0, addressee_y = 0;
    for (const para::Run& r : frame->line.runs) {
        if (r.text == "Редакция") name_y = frame->y + r.y, name_x0 = frame->x + r.x;
        if (r.text == "«Вестник»") name_x1 = frame->x + r.x + test::run_width(r);
        if (r.text.find("000-00-00") != std::string::npos) last_banner_y = frame->y + r.y;
        if (r.text == "Министерство") addressee_y = frame->y + r.y;
    }
    CHECK(std::abs((name_x0 + name_x1) / 2 - (style.margin_left + style.measure() / 2)) < pt(3));  // a space's width
    CHECK(name_y > logo.y + logo.height);
    CHECK(last_banner_y > name_y);
    CHECK(addressee_y > last_banner_y + style.sender_leading);
    CHECK(test::x_of(t.pages, "Министерство") == style.margin_left + style.measure() - style.addressee_width);
    // The number in the sender's column, at the left under the banner.
    CHECK(test::x_of(t.pages, "Исх.") == style.margin_left);
    CHECK(test::zone_violations(t.pages).empty());
}

TEST_CASE("the number line stands under the letterhead, and no date is printed beside the signatures", "[layout]") {
    auto req = parsed("place: Москва\n");
    test::add_letter_parts(req.meta, false);
    req.meta.executor.reset();  // the closing's last line is then the page's
    const auto t = typeset(req);
    const auto number = test::lines_containing(t.pages, "17/2024");
    REQUIRE(number.size() == 1);
    CHECK(test::lines_containing(t.pages, "15.03.2024").size() == 1);
    CHECK(test::all_text(t.pages).find("марта") == std::string::npos);  // the verbal date is not set
    // The place alone where the date and place stood (the letterhead's address names it too).
    CHECK(test::count_text(t.pages, "Москва") == 1);
    const auto last = test::body_lines(t.pages.pages.back()).back();
    REQUIRE(last->line.runs.size() == 1);
    CHECK(last->line.runs[0].text == "Москва");
}

TEST_CASE("with a number and no place, the signatures end the letter: no empty date line", "[layout]") {
    auto req = parsed("signatures: [{role: Главный редактор, name: А. А. Петров}]\n");
    req.meta.number = test::text_at("17/2024", 9);
    const auto t = typeset(req);
    const auto body = test::body_lines(t.pages.pages.back());
    const auto sig = test::lines_containing(t.pages, "Петров");
    REQUIRE(sig.size() == 1);
    CHECK(body.back() == sig.front());
}

TEST_CASE("a long enclosure's title wraps under its first word, clear of \"Приложение:\"", "[layout]") {
    auto req = parsed("");
    req.meta.enclosures = {{test::text_at("Копия свидетельства о регистрации средства массовой информации, выданного "
                                          "Федеральной службой по надзору в сфере связи, информационных технологий и "
                                          "массовых коммуникаций",
                                          9),
                            3, 1, {9, 3}}};
    const auto t = typeset(req);
    const auto first = test::lines_containing(t.pages, "Приложение:");
    REQUIRE(first.size() == 1);
    const auto body = test::body_lines(t.pages.pages.front());
    const auto at = std::find(body.begin(), body.end(), first.front());
    REQUIRE(body.end() - at > 2);
    const Sp title_x = test::x_of(t.pages, "Копия");
    CHECK(title_x > compose::Style{}.margin_left);
    // Under it within the first line's space, as the breaker sets it against its natural width.
    CHECK(std::abs(test::line_left(**(at + 1)) - title_x) <= pt(0.5));
}

TEST_CASE("a letter on US Letter paper has its page size and keeps GOST's margins", "[layout]") {
    auto req = parsed("");
    req.meta.paper = request::Paper::letter;
    const auto t = typeset(req);
    CHECK(t.pages.width == mm(215.9));
    CHECK(t.pages.height == mm(279.4));
    CHECK(test::zone_violations(t.pages, compose::style_for(req.meta)).empty());
    CHECK(test::x_of(t.pages, "Министерство") == mm(215.9) - compose::Style{}.margin_right - compose::Style{}.addressee_width);
}

TEST_CASE("font-size 14 sets the body and the title in 14 pt, the sender and the notes in 10", "[layout]") {
    auto req = parsed("from: Редакция\n", "Текст[^1].\n\n[^1]: Сноска.\n");
    req.meta.font_size = 14;
    const auto t = typeset(req);
    auto size_of = [&](const std::string& word) {
        for (const page::Page& pg : t.pages.pages)
            for (const page::Placed& pl : pg.lines)
                for (const para::Run& r : pl.line.runs)
                    if (r.text.find(word) != std::string::npos) return r.size;
        return Sp{0};
    };
    CHECK(size_of("Текст") == pt(14));
    CHECK(size_of("Запрос") == pt(14));  // the title
    CHECK(size_of("Министерство") == pt(14));
    CHECK(size_of("Редакция") == pt(10));
    CHECK(size_of("Сноска") == pt(10));
}

TEST_CASE("every part of the letter stays in its zone and its images on the page's text area", "[layout]") {
    for (const Lang lang : {Lang::ru, Lang::en})
        for (const bool centered : {false, true}) {
            INFO((lang == Lang::ru ? "ru" : "en") << (centered ? " centred" : " angular"));
            auto req = parsed(lang == Lang::en ? "lang: en\n" : "");
            test::add_letter_parts(req.meta, centered);
            const auto t = typeset(req);
            CHECK(test::zone_violations(t.pages).empty());
            const compose::Style style;
            for (const Placed& im : images(t)) {
                INFO(im.file);
                CHECK(im.x >= style.margin_left);
                CHECK(im.x + im.width <= style.page_width - style.margin_right);
                CHECK(im.y >= style.margin_top);
                CHECK(im.y + im.height <= style.page_height - style.margin_bottom);
            }
        }
}
