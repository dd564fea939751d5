#include "letter_parts.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "vocabulary.hpp"

namespace zapros::property {

namespace {

Words words(Random& r, const std::string& lang, int n) {
    Words w;
    for (int i = 0; i < n; ++i) w.push_back(common_word(r, lang));
    return w;
}

std::string date(Random& r) {
    const int m = r.between(1, 12), d = r.between(1, 28);
    return std::to_string(r.between(2000, 2030)) + (m < 10 ? "-0" : "-") + std::to_string(m) + (d < 10 ? "-0" : "-") + std::to_string(d);
}

// "17/2024", "01-12/3456", "А40-123": registration numbers as offices write them.
std::string reference(Random& r) {
    switch (r.below(3)) {
    case 0: return std::to_string(r.between(1, 999)) + "/" + std::to_string(r.between(2000, 2030));
    case 1: return "0" + std::to_string(r.between(1, 9)) + "-" + std::to_string(r.between(10, 99)) + "/" + std::to_string(r.between(1, 99999));
    default: return identifier(r);
    }
}

std::string phone(Random& r) {
    return "+7 (" + std::to_string(r.between(300, 999)) + ") " + std::to_string(r.between(100, 999)) + "-" +
           std::to_string(r.between(10, 99)) + "-" + std::to_string(r.between(10, 99));
}

}  // namespace

int add_picture(Random& r, Sample& s) {
    static constexpr std::array<int, 8> dpis = {0, 0, 36, 72, 96, 150, 300, 600};
    Picture p;
    const int roll = r.below(100);
    const int most = roll < 40 ? 120 : roll < 85 ? 500 : 1000;
    p.width = r.between(4, most);
    p.height = r.percent(20) ? r.between(4, 1000) : std::max(4, p.width * r.between(20, 200) / 100);
    p.dpi = dpis[static_cast<std::size_t>(r.below(static_cast<int>(dpis.size())))];
    p.alpha = r.percent(30);
    p.rgba = static_cast<std::uint32_t>(r.next());
    s.pictures.push_back(p);
    return static_cast<int>(s.pictures.size()) - 1;
}

void add_figure(Random& r, const std::string& lang, Sample& s, Text& t) {
    Piece p;
    p.kind = Piece::Kind::image;
    p.picture = add_picture(r, s);
    const Words alt = words(r, lang, r.between(1, 5));
    for (const std::string& w : alt) p.text += (p.text.empty() ? "" : " ") + w;
    if (r.percent(80))
        for (const std::string& w : words(r, lang, r.percent(10) ? r.between(30, 80) : r.between(1, 12)))
            p.caption += (p.caption.empty() ? "" : " ") + w;
    if (t.empty()) {
        p.before = " ";
        t.push_back(std::move(p));
        return;
    }
    p.before = r.percent(30) ? "\n" : " ";
    t.insert(t.begin() + r.below(static_cast<int>(t.size()) + 1), std::move(p));
}

void add_letter_parts(Random& r, const std::string& lang, Sample& s, bool every) {
    LetterParts& lp = s.parts;
    const int often = every ? 70 : 40;
    if (r.percent(often)) {
        s.from.clear();  // the letterhead names the sender: zapros refuses both
        lp.letterhead = words(r, lang, r.between(1, 6));
        for (int i = r.between(0, 5); i > 0; --i) {
            Words line = words(r, lang, r.between(1, 6));
            if (r.percent(20)) line.push_back(r.percent(50) ? email(r) : identifier(r));
            lp.letterhead_lines.push_back(std::move(line));
        }
        lp.centered = r.percent(40);
        if (r.percent(60)) lp.logo = add_picture(r, s);
    }
    if (r.percent(often)) lp.number = reference(r);
    if (r.percent(often / 2)) {
        lp.reply_number = reference(r);
        if (r.percent(70)) lp.reply_date = date(r);
    }
    if (r.percent(often)) lp.opening = words(r, lang, r.between(1, 5));
    if (r.percent(often)) lp.closing = words(r, lang, r.between(1, 3));
    if (r.percent(often))
        for (int i = r.between(1, 5); i > 0; --i) {
            LetterParts::Enclosure e;
            e.title = words(r, lang, r.percent(10) ? r.between(20, 40) : r.between(1, 8));
            if (r.percent(60)) e.sheets = r.between(1, 40);
            if (r.percent(50)) e.copies = r.between(1, 3);
            lp.enclosures.push_back(std::move(e));
        }
    for (Signature& sig : s.signatures)
        if (r.percent(often)) sig.scan = add_picture(r, s);
    if (!s.signatures.empty() && r.percent(often)) {
        lp.stamp = add_picture(r, s);
        lp.stamp_signature = r.between(1, static_cast<int>(s.signatures.size()));
    }
    if (r.percent(often)) {
        const std::string name = person_name(r, lang);
        for (std::size_t start = 0; start < name.size();) {
            const std::size_t end = std::min(name.find(' ', start), name.size());
            if (end > start) lp.executor.push_back(name.substr(start, end - start));
            start = end + 1;
        }
        if (r.percent(60)) lp.executor_phone = phone(r);
        if (r.percent(50)) lp.executor_email = email(r);
    }
    if (r.percent(30)) lp.paper = r.percent(50) ? "letter" : "a4";
    if (r.percent(40)) lp.font_size = r.between(12, 14);
}

void distinct_sizes(Sample& s) {
    std::set<std::pair<int, int>> taken;
    for (Picture& p : s.pictures) {
        while (!taken.insert({p.width, p.height}).second) ++p.width;
    }
}

}  // namespace zapros::property
