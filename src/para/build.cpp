// Spans → items. Alignment is expressed as glue patterns here, never as flags in the breaker
// (Knuth & Plass 1981 §"Centered text"; STYLE 3): a ragged margin is stretchable glue at each
// line's end, centring is the same glue at both ends, justification is stretch and shrink in the
// interword glue alone.
#include <algorithm>

#include "base/utf8.hpp"
#include "para/typeset.hpp"

namespace zapros::para {

namespace {

constexpr Sp one_fil = sp_per_pt;

// What may break after a piece of a word.
enum class BreakAfter { none, pattern, soft_hyphen, explicit_hyphen, url, emergency };

struct Piece {
    std::size_t begin = 0, end = 0;  // code point indices into the word
    BreakAfter after = BreakAfter::none;
};

bool url_break_char(char32_t c) {
    return c == U'/' || c == U'.' || c == U'-' || c == U'?' || c == U'&' || c == U'=' || c == U'_' || c == U'#';
}

class Builder {
public:
    Builder(const compose::Paragraph& p, Sp width, const Resources& res, const Params& params, Diagnostics& diags)
        : p_(p), width_(width), res_(res), params_(params), diags_(diags) {
        const Sp em = p.size;
        switch (p.align) {
        case compose::Align::justify: parfill_ = true; break;
        case compose::Align::left:
            right_ = Item::glue(0, round_to_sp(params.ragged_stretch_em * static_cast<double>(em)), 0);
            parfill_ = true;
            break;
        case compose::Align::center:
            left_ = Item::glue(0, 0, 0, one_fil);
            right_ = Item::glue(0, 0, 0, one_fil);
            break;
        case compose::Align::right: left_ = Item::glue(0, 0, 0, one_fil); break;
        }
    }

    ItemList run() {
        if (nonzero(left_)) out_.items.push_back(left_);
        if (p_.first > 0) {
            out_.items.push_back(Item::box(p_.first));
            line_empty_ = false;
            run_ = p_.first;
        }
        for (const compose::Span& s : p_.spans) {
            if (s.line_break) {
                forced_break(false);
                continue;
            }
            text(s);
        }
        forced_break(true);
        return std::move(out_);
    }

private:
    static bool nonzero(const Item& g) { return g.width || g.stretch || g.fil || g.shrink; }

    const text::Font& font(const compose::Span& s) const { return res_.fonts.get(s.face); }
    Sp scaled(long thousandths, Sp size) const { return (thousandths * size + (thousandths >= 0 ? 500 : -500)) / 1000; }

    void drop_trailing_space() {
        if (space_start_ >= 0) out_.items.resize(static_cast<std::size_t>(space_start_));
        space_start_ = -1;
    }

    // \\ or the paragraph's end: fill the line, force the break, restart the left margin.
    void forced_break(bool end) {
        drop_trailing_space();
        run_ = 0;
        long_word_warned_ = false;
        if (line_empty_) out_.items.push_back(Item::box(0));  // an empty line still is a line
        out_.items.push_back(Item::penalty_item(infinite_penalty));
        if (parfill_) out_.items.push_back(Item::glue(0, 0, 0, one_fil));  // \parfillskip
        else if (nonzero(right_)) out_.items.push_back(right_);
        out_.items.push_back(Item::penalty_item(-infinite_penalty));
        if (!end && nonzero(left_)) {
            out_.items.push_back(Item::box(0));
            out_.items.push_back(Item::penalty_item(infinite_penalty));
            out_.items.push_back(left_);
        }
        line_empty_ = true;
    }

    // An interword space in the face of s; breakable = false for a no-break space.
    void space(const compose::Span& s, bool breakable) {
        const Sp w = scaled(font(s).advance(U' '), s.size);
        if (breakable) {
            run_ = 0;
            long_word_warned_ = false;
        }
        if (s.code) {
            // Code keeps every space, even at a line's start (a box there: glue would vanish).
            if (line_empty_) {
                out_.items.push_back(Item::box(w));
                return;
            }
            if (!breakable) out_.items.push_back(Item::penalty_item(infinite_penalty));
            out_.items.push_back(Item::glue(w, 0, 0));
            return;
        }
        if (line_empty_ || space_start_ >= 0) return;  // none at a line's start; collapse runs
        space_start_ = static_cast<int>(out_.items.size());
        if (!breakable) {
            out_.items.push_back(Item::penalty_item(infinite_penalty));
            if (p_.align == compose::Align::justify) out_.items.push_back(Item::glue(w, w / 2, w / 3));
            else out_.items.push_back(Item::glue(w, 0, 0));
            return;
        }
        if (p_.align == compose::Align::justify) {
            out_.items.push_back(Item::glue(w, w / 2, w / 3));
            return;
        }
        // A ragged space: [penalty 10000] R, penalty 0, (space − R − L), box 0, penalty 10000, L.
        // Unbroken it is a plain space; broken, R ends this line and L starts the next.
        out_.items.push_back(Item::penalty_item(infinite_penalty));
        out_.items.push_back(right_);
        out_.items.push_back(Item::penalty_item(0));
        out_.items.push_back(Item::glue(w, -(right_.stretch + left_.stretch), 0, -(right_.fil + left_.fil)));
        if (nonzero(left_)) {
            out_.items.push_back(Item::box(0));
            out_.items.push_back(Item::penalty_item(infinite_penalty));
            out_.items.push_back(left_);
        }
    }

    void text(const compose::Span& s) {
        std::size_t word_start = 0;
        int col = 0, word_col = 0;
        const std::string& t = s.text;
        std::size_t i = 0;
        while (i < t.size()) {
            const std::size_t at = i;
            const char32_t c = utf8::next(t, i);
            if (c == U' ' || c == 0xA0) {
                if (at > word_start) word(s, std::string_view(t).substr(word_start, at - word_start), word_col);
                space(s, c == U' ');
                word_start = i;
                word_col = col + 1;
            }
            ++col;
        }
        if (t.size() > word_start) word(s, std::string_view(t).substr(word_start), word_col);
    }

    const text::Hyphenator* dictionary(const std::u32string& w, std::size_t b, std::size_t e) const {
        bool cyrillic = true, latin = true;
        for (std::size_t k = b; k < e; ++k) {
            cyrillic &= utf8::is_cyrillic_letter(w[k]);
            latin &= utf8::is_latin_letter(w[k]);
        }
        if (!res_.dictionaries) return nullptr;
        return cyrillic ? res_.dictionaries->russian() : latin ? res_.dictionaries->english() : nullptr;
    }

    // Whether patterns may hyphenate this word: not code, not a URL or e-mail address, no
    // digits, not an all-caps abbreviation ("ФСБ", "UN"), no soft hyphen of the author's own.
    bool hyphenatable(const compose::Span& s, const std::u32string& w) const {
        if (!p_.hyphenate || s.code || s.url || s.note) return false;
        int upper = 0, lower = 0;
        for (char32_t c : w) {
            if (utf8::is_digit(c) || c == U'@' || c == 0xAD) return false;
            if (utf8::is_letter(c)) (utf8::is_upper(c) ? upper : lower)++;
        }
        return !(upper >= 2 && lower == 0);
    }

    // The word's pieces between the places it may break (into pieces_).
    void pieces(const compose::Span& s, const std::u32string& w) {
        std::vector<BreakAfter>& after = after_;
        after.assign(w.size(), BreakAfter::none);
        for (std::size_t k = 0; k + 1 < w.size(); ++k) {
            if (s.url) {
                // After a break character, unless another follows ("//" stays whole).
                if (url_break_char(w[k]) && !url_break_char(w[k + 1])) after[k] = BreakAfter::url;
            } else if (w[k] == 0xAD) {
                after[k] = BreakAfter::soft_hyphen;
            } else if (w[k] == U'-' && k > 0 && utf8::is_letter(w[k - 1]) && utf8::is_letter(w[k + 1])) {
                after[k] = BreakAfter::explicit_hyphen;
            }
        }
        if (hyphenatable(s, w)) {
            // Each run of letters is a word for the patterns ("Russia's" → "Russia").
            for (std::size_t b = 0; b < w.size();) {
                if (!utf8::is_letter(w[b])) {
                    ++b;
                    continue;
                }
                std::size_t e = b;
                while (e < w.size() && utf8::is_letter(w[e])) ++e;
                if (const text::Hyphenator* h = dictionary(w, b, e)) {
                    std::string& run = letters_;
                    run.clear();
                    for (std::size_t k = b; k < e; ++k) utf8::append(run, w[k]);
                    for (int n : h->points(run)) after[b + static_cast<std::size_t>(n) - 1] = BreakAfter::pattern;
                }
                b = e;
            }
        }
        std::vector<Piece>& out = pieces_;
        out.clear();
        std::size_t b = 0;
        for (std::size_t k = 0; k < w.size(); ++k) {
            if (after[k] == BreakAfter::none && k + 1 < w.size()) continue;
            out.push_back({b, k + 1, k + 1 < w.size() ? after[k] : BreakAfter::none});
            b = k + 1;
        }
    }

    void word(const compose::Span& s, std::string_view utf8_text, int col) {
        std::u32string& w = word_;
        w.clear();
        for (std::size_t i = 0; i < utf8_text.size();) w += utf8::next(utf8_text, i);
        if (w.empty()) return;
        const text::Font& f = font(s);

        // Advances and kerns over the whole word, so that kerning holds across pieces.
        std::vector<int>& advance = advance_;
        std::vector<int>& kern = kern_;
        advance.assign(w.size(), 0);
        kern.assign(w.size(), 0);
        for (std::size_t k = 0; k < w.size(); ++k) {
            advance[k] = w[k] == 0xAD ? 0 : f.advance(w[k]);
            if (k > 0 && !s.code && w[k] != 0xAD) {
                std::size_t prev = k - 1;
                while (prev > 0 && w[prev] == 0xAD) --prev;
                if (w[prev] != 0xAD) kern[k] = f.kern(w[prev], w[k]);
            }
        }
        pieces(s, w);
        const std::vector<Piece>& ps = pieces_;
        auto piece_width = [&](const Piece& pc) {
            long units = 0;
            for (std::size_t k = pc.begin; k < pc.end; ++k) units += advance[k] + kern[k];
            return scaled(units, s.size);
        };

        // A piece wider than the line can only break between its letters: the last resort. It is
        // cut greedily into segments that each fit a line, with a last-resort break between.
        std::vector<Piece>& split = split_;
        split.clear();
        for (const Piece& pc : ps) {
            if (piece_width(pc) <= width_ || pc.end - pc.begin < 2) {
                split.push_back(pc);
                continue;
            }
            Piece seg{pc.begin, pc.begin, BreakAfter::emergency};
            long units = 0;
            for (std::size_t k = pc.begin; k < pc.end; ++k) {
                const long u = advance[k] + kern[k];
                if (seg.end > seg.begin && scaled(units + u, s.size) > width_) {
                    split.push_back(seg);
                    seg = {k, k, BreakAfter::emergency};
                    units = 0;
                }
                units += u;
                seg.end = k + 1;
            }
            seg.after = pc.after;
            split.push_back(seg);
        }

        const int link = link_index(s.link);
        for (std::size_t n = 0; n < split.size(); ++n) {
            const Piece& pc = split[n];
            const Sp wd = piece_width(pc);
            // Across pieces and spans too (text glued to marks, "x[^1]x[^2]…"): where a word has
            // grown past the line with no break allowed, allow one.
            if (run_ > 0 && run_ + wd > width_) {
                ragged_break(s, params_.emergency_penalty);
                run_ = 0;
            }
            if ((wd > width_ || split.size() > ps.size()) && !long_word_warned_) {
                Pos pos = s.pos;
                if (pos.col > 0) pos.col += col;
                diags_.warning(pos, "a word wider than the line is broken between letters, without a hyphen");
                long_word_warned_ = true;
            }
            Fragment fr;
            fr.font = text::own_font(s.face);
            fr.size = s.size;
            fr.rise = s.rise;
            fr.link = link;
            fr.note = s.note;
            fr.strike = s.strike;
            fr.pos = s.pos;
            if (fr.pos.col > 0) fr.pos.col += col + static_cast<int>(pc.begin);
            std::uint32_t index = 0;
            for (std::size_t k = pc.begin; k < pc.end; ++k) {
                if (w[k] == 0xAD) continue;  // a soft hyphen never reaches the PDF
                if (kern[k] != 0) fr.kerns.push_back({index, kern[k]});
                utf8::append(fr.text, w[k]);
                ++index;
            }
            fr.width = wd;
            out_.fragments.push_back(std::move(fr));
            Item box = Item::box(wd, static_cast<int>(out_.fragments.size()) - 1);
            if (p_.align == compose::Align::justify && !s.code) {
                box.stretch = round_to_sp(static_cast<double>(wd) * params_.expansion);
                box.shrink = box.stretch;
            }
            out_.items.push_back(box);
            run_ += wd;
            if (n + 1 < split.size() && pc.after != BreakAfter::none) {
                discretionary(s, pc.after);
                run_ = 0;
            }
        }
        line_empty_ = false;
        space_start_ = -1;
    }

    // The break between two pieces of a word.
    void discretionary(const compose::Span& s, BreakAfter kind) {
        switch (kind) {
        case BreakAfter::none: return;
        case BreakAfter::pattern:
        case BreakAfter::soft_hyphen: {
            Item it = Item::penalty_item(params_.hyphen_penalty, hyphen_width(s), true);
            it.pattern = kind == BreakAfter::pattern;
            it.fragment = hyphen_fragment(s);
            out_.items.push_back(it);
            return;
        }
        case BreakAfter::explicit_hyphen: {
            Item it = Item::penalty_item(params_.ex_hyphen_penalty, 0, true);
            if (params_.repeat_hyphen) {
                it.post = hyphen_fragment(s);
                it.post_width = hyphen_width(s);
            }
            out_.items.push_back(it);
            return;
        }
        case BreakAfter::url: ragged_break(s, params_.url_penalty); return;
        case BreakAfter::emergency: ragged_break(s, params_.emergency_penalty); return;
        }
    }

    // A break inside a URL or a long word leaves a line with few spaces to stretch; it brings its
    // own ragged margin: [penalty 10000] (0 plus R), penalty p, (0 minus R). Taken, the line ends
    // with R of stretch; not taken, the two glues cancel.
    void ragged_break(const compose::Span& s, int penalty) {
        const Sp r = round_to_sp(params_.ragged_stretch_em * static_cast<double>(s.size));
        out_.items.push_back(Item::penalty_item(infinite_penalty));
        out_.items.push_back(Item::glue(0, r, 0));
        out_.items.push_back(Item::penalty_item(penalty));
        out_.items.push_back(Item::glue(0, -r, 0));
    }

    Sp hyphen_width(const compose::Span& s) const { return scaled(font(s).advance(U'-'), s.size); }

    int hyphen_fragment(const compose::Span& s) {
        Fragment fr;
        fr.text = "-";
        fr.width = hyphen_width(s);
        fr.font = text::own_font(s.face);
        fr.size = s.size;
        fr.rise = s.rise;
        fr.link = link_index(s.link);
        out_.fragments.push_back(std::move(fr));
        return static_cast<int>(out_.fragments.size()) - 1;
    }

    int link_index(const std::string& url) {
        if (url.empty()) return -1;
        const auto it = std::find(out_.links.begin(), out_.links.end(), url);
        if (it != out_.links.end()) return static_cast<int>(it - out_.links.begin());
        out_.links.push_back(url);
        return static_cast<int>(out_.links.size()) - 1;
    }

    const compose::Paragraph& p_;
    Sp width_;
    const Resources& res_;
    const Params& params_;
    Diagnostics& diags_;
    ItemList out_;
    Item left_ = Item::glue(0, 0, 0), right_ = Item::glue(0, 0, 0);
    bool parfill_ = false;
    bool line_empty_ = true;
    int space_start_ = -1;  // where the pending interword space's items begin
    Sp run_ = 0;            // width since the last place a line may break
    bool long_word_warned_ = false;
    // word()'s working space, kept between words so that a word allocates only what it leaves
    // behind (its fragment's text and kerns).
    std::u32string word_;
    std::vector<int> advance_, kern_;
    std::vector<Piece> pieces_, split_;
    std::vector<BreakAfter> after_;
    std::string letters_;
};

}  // namespace

ItemList build(const compose::Paragraph& p, Sp width, const Resources& res, const Params& params, Diagnostics& diags) {
    return Builder(p, width, res, params, diags).run();
}

}  // namespace zapros::para
