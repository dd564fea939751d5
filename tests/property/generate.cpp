// The generator: a request of 1 to ~50 pages built block by block from a seed, then marked with
// up to 80 notes at random words of the body (paragraphs, headings, quotes, list items, cells),
// and some notes with marks of notes of their own.
#include "generate.hpp"

#include <array>

#include "base/utf8.hpp"
#include "letter_parts.hpp"
#include "random.hpp"
#include "vocabulary.hpp"

namespace zapros::property {

namespace {

constexpr int max_levels = 24;

constexpr std::array<std::string_view, 7> focus_names = {"mixed", "long-words", "tables", "notes", "lists", "code", "letter"};

// Per mille of the pieces of running text, and weights of the block kinds.
struct Mix {
    int long_word = 15, identifier = 15, url = 12, code_span = 10;
    int paragraph = 50, heading = 6, list = 10, quote = 6, code = 6, table = 6, rule = 2;
    int notes_max = 30;
    int long_note = 4;   // percent of notes of ~2,000 words
    int huge_cell = 3;   // percent of tables with one cell of ~1,500 words
    int nested_note = 4; // percent of notes that mark a note of their own
    int parts = 25;      // percent of documents with the official letter's parts (issue 16)
    int figures = 20;    // percent of documents with figures, in this per mille of their paragraphs
    int figure = 60;
};

Mix mix_for(Focus f) {
    Mix m;
    switch (f) {
    case Focus::mixed: break;
    case Focus::long_words: m.long_word = 60, m.identifier = 50, m.url = 40, m.code_span = 20, m.heading = 12; break;
    case Focus::tables: m.table = 40, m.huge_cell = 15, m.url = 25; break;
    case Focus::notes: m.notes_max = 80, m.long_note = 10, m.quote = 12, m.list = 14, m.nested_note = 15; break;
    case Focus::lists: m.list = 45, m.quote = 25; break;
    case Focus::code: m.code = 40, m.code_span = 40; break;
    case Focus::letter: m.parts = 100, m.figures = 70, m.figure = 150; break;
    }
    return m;
}

bool ends_in_letter_or_digit(const std::string& w) {
    std::size_t i = w.size();
    while (i > 0 && (static_cast<unsigned char>(w[i - 1]) & 0xC0) == 0x80) --i;
    if (i == 0) return false;
    std::size_t at = i - 1;
    const char32_t c = utf8::next(w, at);
    return utf8::is_letter(c) || utf8::is_digit(c);
}

std::string first_characters(const std::string& s, std::size_t n) {
    std::size_t i = 0;
    for (std::size_t k = 0; k < n && i < s.size(); ++k) utf8::next(s, i);
    return s.substr(0, i);
}

Words split_words(const std::string& s) {
    Words out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == ' ') {
            if (i > start) out.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    return out;
}

class Generator {
public:
    Generator(std::uint64_t seed, Focus focus)
        : r_(seed * 8 + static_cast<std::uint64_t>(focus)), r16_(~(seed * 8 + static_cast<std::uint64_t>(focus))), mix_(mix_for(focus)) {}

    Sample run() {
        Sample s;
        lang_ = s.lang = r_.percent(70) ? "ru" : "en";
        s.hyphenate = r_.percent(80);
        front_matter(s);
        if (r16_.percent(mix_.parts)) add_letter_parts(r16_, lang_, s, mix_.parts == 100);
        figures_ = r16_.percent(mix_.figures) ? mix_.figure : 0;
        sample_ = &s;
        const int pages = r_.percent(8) ? r_.between(10, 40) : r_.percent(30) ? r_.between(3, 10) : r_.between(1, 3);
        budget_ = pages * 250;
        while (budget_ > 0) s.body.push_back(block(0, 0));
        place_marks(s);
        distinct_sizes(s);
        return s;
    }

private:
    Words words(int n) {
        Words w;
        for (int i = 0; i < n; ++i) w.push_back(common_word(r_, lang_));
        return w;
    }

    void front_matter(Sample& s) {
        s.title = words(r_.percent(5) ? r_.between(20, 40) : r_.between(2, 12));
        if (r_.percent(15)) s.title.insert(s.title.begin() + r_.below(static_cast<int>(s.title.size())), long_word(r_, lang_));
        for (int i = r_.between(1, 4); i > 0; --i) {
            if (r_.percent(10)) {
                s.to.push_back({lang_ == "en" ? "Minister" : "Министру", long_word(r_, lang_), long_word(r_, lang_)});
                continue;
            }
            Words a = words(r_.between(2, 10));
            if (r_.percent(5)) a.push_back(r_.percent(50) ? long_word(r_, lang_) : identifier(r_));
            s.to.push_back(std::move(a));
        }
        if (r_.percent(50))
            for (int i = r_.between(1, 4); i > 0; --i) {
                Words line = words(r_.between(1, 8));
                if (r_.percent(10)) line.push_back(r_.percent(30) ? long_word(r_, lang_) : r_.percent(50) ? email(r_) : identifier(r_));
                s.from.push_back(std::move(line));
            }
        for (int i = r_.skewed(0, 3); i > 0; --i) {
            Signature sig;
            sig.role = words(r_.percent(15) ? r_.between(8, 20) : r_.between(1, 4));
            sig.name = r_.percent(5) ? Words{} : r_.percent(10) ? Words{long_word(r_, lang_)} : split_words(person_name(r_, lang_));
            s.signatures.push_back(std::move(sig));
        }
        if (r_.percent(50)) {
            const int m = r_.between(1, 12), d = r_.between(1, 28);
            s.date = std::to_string(r_.between(2000, 2030)) + (m < 10 ? "-0" : "-") + std::to_string(m) + (d < 10 ? "-0" : "-") +
                     std::to_string(d);
        }
        if (r_.percent(50)) s.place = words(r_.between(1, 3));
    }

    std::string separator(bool breaks) {
        const int roll = r_.below(1000);
        if (roll < 40) return "\u00A0";
        if (roll < 60) return "\t";
        if (roll < 80) return std::string(static_cast<std::size_t>(r_.between(2, 6)), ' ');
        if (!breaks) return " ";
        if (roll < 120) return "\n";
        if (roll < 130) return "  \n";
        if (roll < 135) return "\\\n";
        return " ";
    }

    Piece piece() {
        Piece p;
        int roll = r_.below(1000);
        if ((roll -= mix_.long_word) < 0) {
            p.text = long_word(r_, lang_);
            if (r_.percent(30)) p.text = with_soft_hyphens(r_, p.text);
        } else if ((roll -= mix_.identifier) < 0) {
            p.text = identifier(r_);
        } else if ((roll -= mix_.url) < 0) {
            const int kind = r_.below(10);
            p.kind = kind < 3 ? Piece::Kind::autolink : kind < 7 ? Piece::Kind::bare_url : Piece::Kind::link;
            p.text = url(r_, p.kind == Piece::Kind::autolink);
            if (p.kind == Piece::Kind::link) {
                p.url = std::move(p.text);
                p.text = common_word(r_, lang_) + " " + common_word(r_, lang_);
            }
        } else if ((roll -= mix_.code_span) < 0) {
            p.kind = Piece::Kind::code;
            p.text = r_.percent(70) ? code_line(r_, r_.between(3, 20)) : code_line(r_, r_.between(60, 160));
            for (char& c : p.text) c = c == '\t' || c == '`' ? ' ' : c;
            while (!p.text.empty() && p.text.front() == ' ') p.text.erase(0, 1);
            if (p.text.empty()) p.text = "x";
        } else if ((roll -= 5) < 0) {
            // Pasted symbols PT Serif may lack: zapros must draw them or warn about each.
            static const std::vector<std::string> symbols = {"α-частицы", "→", "≈", "Σ", "∞", "ℋ", "€", "№"};
            p.text = r_.pick(symbols);
        } else {
            p.text = common_word(r_, lang_);
            const int e = r_.below(100);
            if (e < 2) p.emphasis = Piece::Emphasis::emph;
            else if (e < 4) p.emphasis = Piece::Emphasis::strong;
            else if (e < 5) p.emphasis = Piece::Emphasis::strike;
            if (utf8::length(p.text) >= 6 && r_.percent(4)) p.text = with_soft_hyphens(r_, p.text);
        }
        return p;
    }

    Text text(int n, bool breaks) {
        Text t;
        for (int i = 0; i < n; ++i) {
            Piece p = piece();
            p.before = separator(breaks);
            t.push_back(std::move(p));
        }
        budget_ -= n;
        return t;
    }

    Block paragraph(int n) {
        Block b;
        if (figures_ > 0 && r16_.below(1000) < figures_) {
            if (r16_.percent(60)) b.text = text(n, true);
            add_figure(r16_, lang_, *sample_, b.text);
            budget_ -= 40;  // a figure takes a good part of a page
            return b;
        }
        b.text = text(n, true);
        return b;
    }

    Block heading() {
        Block b;
        b.kind = Block::Kind::heading;
        b.level = r_.between(1, 3);
        b.text = text(r_.between(1, 12), false);
        if (r_.percent(15)) {
            Piece p;
            p.kind = r_.percent(50) ? Piece::Kind::bare_url : Piece::Kind::word;
            p.text = p.kind == Piece::Kind::word ? long_word(r_, lang_) : url(r_, false);
            b.text.push_back(std::move(p));
        }
        return b;
    }

    Block code() {
        Block b;
        b.kind = r_.percent(70) ? Block::Kind::fenced_code : Block::Kind::indented_code;
        for (int i = r_.skewed(1, 15); i > 0; --i) {
            const int roll = r_.below(100);
            const int length = roll < 50 ? r_.between(5, 60) : roll < 70 ? r_.between(80, 220) : roll < 85 ? r_.between(70, 72)
                                                                                                         : r_.between(60, 90);
            std::string line = code_line(r_, length);
            // Lines of exactly 70–72 characters then blanks once made a whole block vanish.
            if (roll >= 70 && roll < 85) line = first_characters(line, static_cast<std::size_t>(length));
            if (roll >= 70 && roll < 85 ? r_.percent(80) : r_.percent(20))
                line += r_.percent(70) ? std::string(static_cast<std::size_t>(r_.between(1, 8)), ' ') : "\t";
            if (line.find_first_not_of(" \t") == std::string::npos) line = "x" + line;
            b.lines.push_back(std::move(line));
        }
        budget_ -= static_cast<int>(b.lines.size()) * 8;
        return b;
    }

    // Quotes in list items and lists in quotes nest without end, but zapros refuses blocks
    // nested deeper than 32 levels (README, "Robustness"; a quote is a level, a list and its
    // items two): a request it must render stays well inside.
    bool room(int levels) const { return levels_ + levels <= max_levels; }

    std::vector<Block> item(int depth) {
        std::vector<Block> blocks;
        if (r_.percent(2)) return blocks;
        if (depth < 4 && r_.percent(12) && room(2)) {  // "- 1) Представить …": an item that opens with a list
            blocks.push_back(list(depth + 1));
            if (r_.percent(30)) blocks.push_back(paragraph(r_.skewed(1, 40)));
            return blocks;
        }
        blocks.push_back(paragraph(r_.skewed(1, 60)));
        if (depth < 4 && r_.percent(25) && room(2)) blocks.push_back(list(depth + 1));
        if (r_.percent(5)) blocks.push_back(code());
        if (r_.percent(5) && room(1)) blocks.push_back(quote(1));
        return blocks;
    }

    Block list(int depth) {
        Block b;
        b.kind = Block::Kind::list;
        b.ordered = r_.percent(50);
        if (b.ordered) {
            b.delimiter = r_.percent(50) ? '.' : ')';
            const int roll = r_.below(10);
            b.start = roll < 7 ? 1 : roll < 9 ? r_.between(0, 30) : r_.between(100000, 99999000);
        } else {
            b.delimiter = "-*+"[r_.below(3)];
        }
        b.tight = r_.percent(60);
        levels_ += 2;  // the list and its items
        for (int i = r_.skewed(1, 6) + (depth == 0 ? 1 : 0); i > 0; --i) b.items.push_back(item(depth));
        levels_ -= 2;
        return b;
    }

    Block quote(int depth) {
        Block b;
        b.kind = Block::Kind::quote;
        ++levels_;
        for (int i = r_.between(1, 3); i > 0; --i) {
            const int roll = r_.below(100);
            if (depth < 3 && roll < 20 && room(1)) b.children.push_back(quote(depth + 1));
            else if (roll < 35 && room(2)) b.children.push_back(list(1));
            else if (roll < 40) b.children.push_back(code());
            else b.children.push_back(paragraph(r_.skewed(3, 80)));
        }
        --levels_;
        return b;
    }

    Block table() {
        Block b;
        b.kind = Block::Kind::table;
        const int columns = r_.between(1, 8);
        for (int c = 0; c < columns; ++c) b.align.push_back(" lrc"[r_.below(4)]);
        const int roll = r_.below(100);
        const int rows = 1 + (roll < 70 ? r_.between(1, 6) : roll < 95 ? r_.between(7, 20) : r_.between(30, 80));
        for (int i = 0; i < rows; ++i) {
            std::vector<Text> row;
            for (int c = 0; c < columns; ++c) row.push_back(r_.percent(10) ? Text{} : text(r_.skewed(1, 8), false));
            b.rows.push_back(std::move(row));
        }
        if (r_.percent(mix_.huge_cell)) {
            auto& row = b.rows[static_cast<std::size_t>(r_.below(rows))];
            row[static_cast<std::size_t>(r_.below(columns))] = text(r_.between(1200, 1800), false);
        }
        return b;
    }

    Block block(int depth, int quote_depth) {
        const Mix& m = mix_;
        int roll = r_.below(m.paragraph + m.heading + m.list + m.quote + m.code + m.table + m.rule);
        if ((roll -= m.paragraph) < 0) return paragraph(r_.skewed(5, 150));
        if ((roll -= m.heading) < 0) return heading();
        if ((roll -= m.list) < 0) return list(depth);
        if ((roll -= m.quote) < 0) return quote(quote_depth + 1);
        if ((roll -= m.code) < 0) return code();
        if ((roll -= m.table) < 0) return table();
        budget_ -= 10;
        return Block{.kind = Block::Kind::rule};
    }

    Note note() {
        Note n;
        const int roll = r_.below(100);
        const int paragraphs = roll < mix_.long_note ? r_.between(3, 8) : roll < 15 ? r_.between(1, 3) : 1;
        const int each = roll < mix_.long_note ? 2000 / paragraphs : roll < 15 ? r_.between(20, 150) : r_.skewed(1, 40);
        for (int i = 0; i < paragraphs; ++i) n.paragraphs.push_back(text(each, true));
        if (r_.percent(30)) {
            Piece p;
            p.kind = r_.percent(60) ? Piece::Kind::bare_url : Piece::Kind::autolink;
            p.text = url(r_, p.kind == Piece::Kind::autolink);
            Text& t = n.paragraphs[static_cast<std::size_t>(r_.below(paragraphs))];
            t.insert(t.begin() + r_.below(static_cast<int>(t.size()) + 1), std::move(p));
        }
        return n;
    }

    struct Site {
        Text* text;
        std::size_t index;  // the mark goes after this piece
    };

    static void collect(Text& t, std::vector<Site>& sites) {
        for (std::size_t i = 0; i < t.size(); ++i)
            if (t[i].kind == Piece::Kind::word && ends_in_letter_or_digit(t[i].text)) sites.push_back({&t, i});
    }

    static void collect(std::vector<Block>& blocks, std::vector<Site>& sites) {
        for (Block& b : blocks) {
            collect(b.text, sites);
            collect(b.children, sites);
            for (auto& item : b.items) collect(item, sites);
            for (auto& row : b.rows)
                for (Text& cell : row) collect(cell, sites);
        }
    }

    // Marks go after words anywhere in the body; a third of them come with a neighbour or two,
    // so that lines hold several marks.
    void place_marks(Sample& s) {
        std::vector<Site> sites;
        collect(s.body, sites);
        const int wanted = std::min(static_cast<int>(sites.size()), r_.skewed(0, mix_.notes_max));
        std::vector<bool> chosen(sites.size(), false);
        for (int n = 0; n < wanted;) {
            std::size_t k = static_cast<std::size_t>(r_.below(static_cast<int>(sites.size())));
            for (int extra = r_.percent(30) ? r_.between(1, 2) : 0; extra >= 0 && n < wanted && k < sites.size(); --extra, k += 2)
                if (!chosen[k]) chosen[k] = true, ++n;
        }
        for (std::size_t k = sites.size(); k-- > 0;) {
            if (!chosen[k]) continue;
            Piece mark;
            mark.kind = Piece::Kind::mark;
            mark.note = static_cast<int>(s.notes.size());
            mark.before.clear();
            s.notes.push_back(note());
            Text& t = *sites[k].text;
            t.insert(t.begin() + static_cast<std::ptrdiff_t>(sites[k].index + 1), std::move(mark));
        }
        // Some notes mark notes of their own (numbered after the body's, by the source's order),
        // which may mark further ones.
        for (std::size_t n = 0; n < s.notes.size() && s.notes.size() < 200; ++n) {
            if (!r_.percent(mix_.nested_note)) continue;
            std::vector<Site> in_note;
            for (Text& t : s.notes[n].paragraphs) collect(t, in_note);
            if (in_note.empty()) continue;
            const Site site = in_note[static_cast<std::size_t>(r_.below(static_cast<int>(in_note.size())))];
            Piece mark;
            mark.kind = Piece::Kind::mark;
            mark.note = static_cast<int>(s.notes.size());
            mark.before.clear();
            const auto paragraph = static_cast<std::size_t>(site.text - s.notes[n].paragraphs.data());
            s.notes.push_back(note());  // may move note n: found again by index
            Text& t = s.notes[n].paragraphs[paragraph];
            t.insert(t.begin() + static_cast<std::ptrdiff_t>(site.index + 1), std::move(mark));
        }
    }

    Random r_;
    // Issue 16's content draws from its own stream: a request without it is the one its seed
    // gave before, so that seeds reported earlier still name the same request.
    Random r16_;
    Mix mix_;
    std::string lang_;
    int budget_ = 0;
    int levels_ = 0;  // of the blocks being made, as zapros counts them
    int figures_ = 0;  // per mille of paragraphs with a figure
    Sample* sample_ = nullptr;  // the request being made, for its pictures
};

}  // namespace

std::optional<Focus> focus_named(std::string_view name) {
    for (std::size_t i = 0; i < focus_names.size(); ++i)
        if (focus_names[i] == name) return static_cast<Focus>(i);
    return std::nullopt;
}

std::string name_of(Focus focus) { return std::string(focus_names[static_cast<std::size_t>(focus)]); }

Sample generate(std::uint64_t seed, Focus focus) { return Generator(seed, focus).run(); }

}  // namespace zapros::property
