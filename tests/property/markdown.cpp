// Sample → Markdown. Everything the generator may put in a word is escaped so that it stays
// text: a request must parse as the structure it was generated from, or the words the PDF is
// checked for would not be the words zapros was given.
#include "markdown.hpp"

#include "base/utf8.hpp"

namespace zapros::property {

std::string letters_of(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t at = i;
        const char32_t c = utf8::next(s, i);
        if (utf8::is_letter(c) || utf8::is_digit(c)) out.append(s, at, i - at);
    }
    return out;
}

namespace {

bool is_ascii_punct(char c) {
    return c > ' ' && c < 127 && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z');
}

// At a line's start a word could open a block ("- ", "# ", "> ", "12. "): its first
// punctuation, or the dot after its leading digits, is escaped there.
std::string escape(std::string_view w, bool line_start) {
    std::size_t digits = 0;
    while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
    std::string out;
    for (std::size_t i = 0; i < w.size(); ++i) {
        const char c = w[i];
        bool esc = std::string_view("\\`*_[]<>|~!&#").find(c) != std::string_view::npos;
        if (line_start && i == 0 && is_ascii_punct(c)) esc = true;
        if (line_start && digits > 0 && i == digits && (c == '.' || c == ')')) esc = true;
        if (esc) out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

std::string yaml_string(const Words& words) {
    std::string out = "\"";
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += ' ';
        for (char c : words[i]) {
            if (c == '"' || c == '\\') out += '\\';
            if (c == '\t') out += "\\t";
            else out += c;
        }
    }
    return out + "\"";
}

namespace {

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1) out.push_back(s.substr(start, nl - start));
    out.push_back(s.substr(start));
    return out;
}

}  // namespace

void add_words(Stream& stream, std::string_view text) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ' ' || text[i] == '\t') {
            std::string w = letters_of(text.substr(start, i - start));
            if (!w.empty()) stream.words.push_back(std::move(w));
            start = i + 1;
        }
    }
}

namespace {

using Lines = std::vector<std::string>;

class Writer {
public:
    Writer(const Sample& s, const std::string& image_dir) : sample_(s), image_dir_(image_dir), numbers_(s.notes.size(), 0) {}

    Written run() {
        Written& w = written_;
        Stream body{"body", {}};
        Lines lines;
        blocks(sample_.body, true, lines, body);
        std::string md = front_matter(w.streams);
        for (const std::string& l : lines) md += l + "\n";
        w.streams.push_back(std::move(body));
        for (std::size_t k = 0; k < order_.size(); ++k) {
            Stream note{"note " + std::to_string(k + 1), {}};
            const Note& n = sample_.notes[static_cast<std::size_t>(order_[k])];
            md += "\n[^" + std::to_string(k + 1) + "]:";
            for (std::size_t p = 0; p < n.paragraphs.size(); ++p) {
                const Lines para = split_lines(text(n.paragraphs[p], false, note));
                for (std::size_t i = 0; i < para.size(); ++i)
                    md += (p == 0 && i == 0 ? " " : p > 0 && i == 0 ? "\n    " : "    ") + para[i] + "\n";
            }
            if (n.paragraphs.empty()) md += "\n";
            w.streams.push_back(std::move(note));
        }
        w.markdown = std::move(md);
        w.notes = static_cast<int>(order_.size());
        return std::move(w);
    }

private:
    std::string front_matter(std::vector<Stream>& streams) {
        std::string y = "---\ntitle: " + yaml_string(sample_.title) + "\nto:\n";
        Stream title{"title", {}}, to{"to", {}}, from{"from", {}}, signatures{"signatures", {}}, place{"place", {}};
        for (const std::string& w : sample_.title) add_words(title, w);
        for (const Words& a : sample_.to) {
            y += "  - " + yaml_string(a) + "\n";
            for (const std::string& w : a) add_words(to, w);
        }
        if (!sample_.from.empty()) y += "from:\n";
        for (const Words& line : sample_.from) {
            y += "  - " + yaml_string(line) + "\n";
            for (const std::string& w : line) add_words(from, w);
        }
        y += "lang: " + sample_.lang + "\nhyphenate: " + (sample_.hyphenate ? "true" : "false") + "\n";
        if (!sample_.signatures.empty()) y += "signatures:\n";
        for (const Signature& s : sample_.signatures) {
            y += "  - role: " + yaml_string(s.role) + "\n    name: " + yaml_string(s.name) + "\n";
            if (s.scan >= 0) y += "    image: " + image_file(sample_, s.scan, Drawn::Role::scan, image_dir_, written_) + "\n";
            for (const std::string& w : s.role) add_words(signatures, w);
            for (const std::string& w : s.name) add_words(signatures, w);
        }
        if (!sample_.date.empty()) y += "date: " + sample_.date + "\n";
        if (!sample_.place.empty()) y += "place: " + yaml_string(sample_.place) + "\n";
        for (const std::string& w : sample_.place) add_words(place, w);
        for (Stream* s : {&title, &to, &from, &signatures, &place}) streams.push_back(std::move(*s));
        return y + letter_parts_yaml(sample_, image_dir_, written_) + "---\n\n";
    }

    // A note is numbered by its first mark, as zapros (and GFM) number them.
    int number_of(int note) {
        int& n = numbers_[static_cast<std::size_t>(note)];
        if (n == 0) {
            order_.push_back(note);
            n = static_cast<int>(order_.size());
        }
        return n;
    }

    // Inline text; one_line for headings and table cells, where a line break cannot be written.
    std::string text(const Text& t, bool one_line, Stream& words) {
        std::string out;
        Piece::Kind last = Piece::Kind::word;
        for (std::size_t i = 0; i < t.size(); ++i) {
            const Piece& p = t[i];
            if (p.kind == Piece::Kind::mark) {
                if (p.note < 0 || p.note >= static_cast<int>(numbers_.size())) continue;
                // GFM's autolinks would swallow a mark glued to a bare URL.
                if (last == Piece::Kind::bare_url && !out.empty()) out += ' ';
                out += "[^" + std::to_string(number_of(p.note)) + "]";
                last = p.kind;
                continue;
            }
            std::string sep = out.empty() ? "" : p.before;
            // GFM's autolinks end at ASCII whitespace only: a no-break space would carry on the URL.
            if (last == Piece::Kind::bare_url && sep.find("\u00A0") != std::string::npos) sep = " ";
            if (one_line && sep.find('\n') != std::string::npos) sep = " ";
            const bool line_start = out.empty() || sep.find('\n') != std::string::npos;
            out += sep;
            switch (p.kind) {
            case Piece::Kind::word: {
                const char* wrap = p.emphasis == Piece::Emphasis::emph     ? "*"
                                   : p.emphasis == Piece::Emphasis::strong ? "**"
                                   : p.emphasis == Piece::Emphasis::strike ? "~~"
                                                                           : "";
                out += wrap + escape(p.text, line_start && !*wrap) + wrap;
                add_words(words, p.text);
                break;
            }
            case Piece::Kind::code:
                out += "`" + p.text + "`";
                add_words(words, p.text);
                break;
            case Piece::Kind::autolink:
                out += "<" + p.text + ">";
                add_words(words, p.text);
                break;
            case Piece::Kind::bare_url:
                out += p.text;
                add_words(words, p.text);
                break;
            case Piece::Kind::link:
                out += "[" + escape(p.text, false) + "](" + p.url + ")";
                add_words(words, p.text);
                break;
            case Piece::Kind::image: {
                std::string title;
                for (char c : p.caption) title += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
                out += "![" + escape(p.text, false) + "](" + image_file(sample_, p.picture, Drawn::Role::figure, image_dir_, written_, p.caption) +
                       (title.empty() ? "" : " \"" + title + "\"") + ")";
                break;
            }
            case Piece::Kind::mark:
                break;
            }
            last = p.kind;
        }
        return out;
    }

    static void prefixed(const Lines& in, const std::string& first, const std::string& rest, Lines& out) {
        for (std::size_t i = 0; i < in.size(); ++i) {
            const std::string& pre = i == 0 ? first : rest;
            // A blank line inside a list item stays blank; inside a quote it keeps its ">".
            if (in[i].empty() && pre.find('>') == std::string::npos) out.push_back("");
            else out.push_back((in[i].empty() ? pre.substr(0, pre.find_last_not_of(' ') + 1) : pre) + in[i]);
        }
    }

    void blocks(const std::vector<Block>& in, bool top, Lines& out, Stream& words) {
        const Block* previous = nullptr;
        for (const Block& b : in) {
            Lines lines;
            block(b, top && !(previous && previous->kind == Block::Kind::list), lines, words);
            if (lines.empty()) continue;
            if (previous) out.push_back("");
            out.insert(out.end(), lines.begin(), lines.end());
            previous = &b;
        }
    }

    void fenced(const std::vector<std::string>& code, Lines& out) {
        out.push_back("```");
        out.insert(out.end(), code.begin(), code.end());
        out.push_back("```");
    }

    void block(const Block& b, bool indented_code_ok, Lines& out, Stream& words) {
        switch (b.kind) {
        case Block::Kind::paragraph:
            if (!b.text.empty()) out = split_lines(text(b.text, false, words));
            return;
        case Block::Kind::heading:
            out.push_back(std::string(static_cast<std::size_t>(b.level), '#') + " " + text(b.text, true, words));
            return;
        case Block::Kind::fenced_code:
        case Block::Kind::indented_code:
            if (b.lines.empty()) return;
            for (const std::string& l : b.lines) add_words(words, l);
            if (b.kind == Block::Kind::indented_code && indented_code_ok)
                for (const std::string& l : b.lines) out.push_back("    " + l);
            else
                fenced(b.lines, out);
            return;
        case Block::Kind::quote: {
            Lines inner;
            blocks(b.children, false, inner, words);
            prefixed(inner, "> ", "> ", out);
            return;
        }
        case Block::Kind::list:
            list(b, out, words);
            return;
        case Block::Kind::table:
            table(b, out, words);
            return;
        case Block::Kind::rule:
            out.push_back("***");
            return;
        }
    }

    void list(const Block& b, Lines& out, Stream& words) {
        long n = b.start;
        for (std::size_t i = 0; i < b.items.size(); ++i) {
            const std::string marker = b.ordered ? std::to_string(n++) + b.delimiter : std::string(1, b.delimiter);
            Lines inner;
            blocks(b.items[i], false, inner, words);
            if (i > 0 && !b.tight) out.push_back("");
            if (inner.empty()) out.push_back(marker);  // an empty item
            prefixed(inner, marker + " ", std::string(marker.size() + 1, ' '), out);
        }
    }

    void table(const Block& b, Lines& out, Stream& words) {
        if (b.rows.empty() || b.align.empty()) return;
        TableWords& cells = words.tables.emplace_back();
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
            std::string row = "|";
            auto& row_cells = cells.rows.emplace_back();
            for (std::size_t c = 0; c < b.align.size(); ++c) {
                const std::size_t first = words.words.size();
                row += " " + (c < b.rows[r].size() ? text(b.rows[r][c], true, words) : std::string()) + " |";
                row_cells.push_back({first, words.words.size()});
            }
            out.push_back(std::move(row));
            if (r > 0) continue;
            std::string rule = "|";
            for (char a : b.align) rule += a == 'l' ? ":---|" : a == 'r' ? "---:|" : a == 'c' ? ":---:|" : "---|";
            out.push_back(std::move(rule));
        }
    }

    const Sample& sample_;
    std::string image_dir_;
    Written written_;
    std::vector<int> numbers_;  // per note: its number, 0 while unmarked
    std::vector<int> order_;    // notes in number order
};

}  // namespace

Written write(const Sample& sample, const std::string& image_dir) { return Writer(sample, image_dir).run(); }

}  // namespace zapros::property
