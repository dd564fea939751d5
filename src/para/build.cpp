// Spans → items. Alignment is expressed as glue patterns here, never as flags in the breaker
// (Knuth & Plass 1981 §"Centered text"; STYLE 3): a ragged margin is stretchable glue at each
// line's end, centring is the same glue at both ends, justification is stretch and shrink in the
// interword glue alone.
//
// Nothing may run off its line, whatever the text: a word wider than the line gets a break
// candidate between every two letters, and any two boxes with no break between them (a word and
// its note mark, words tied by a no-break space) one between them; all flagged as last resorts,
// which only the breaker's final pass takes. The paragraph stays one Knuth–Plass optimisation.
#include <algorithm>
#include <memory>
#include <unordered_map>

#include "base/chars.hpp"
#include "base/utf8.hpp"
#include "para/breaks.hpp"
#include "para/measure.hpp"
#include "para/typeset.hpp"

namespace zapros::para {

namespace {

constexpr Sp one_fil = sp_per_pt;

class Builder {
public:
    Builder(const compose::Paragraph& p, Sp width, const Resources& res, const Params& params)
        : p_(p), width_(width), res_(res), params_(params), breaker_(res.dictionaries),
          ragged_(round_to_sp(params.ragged_stretch_em * static_cast<double>(p.size))) {
        switch (p.align) {
        case compose::Align::justify: parfill_ = true; break;
        case compose::Align::left:
            right_ = Item::glue(0, ragged_, 0);
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
        }
        for (const compose::Span& s : p_.spans) {
            if (s.line_break) forced_break(false);
            else text(s);
        }
        forced_break(true);
        forget();
        return std::move(out_);
    }

    // Only the widest box is wanted (widest_unit): measures the boxes whose next item is known
    // and forgets all but the last two items (the box after them measures against them).
    void widest_only(Sp& widest) { widest_ = &widest; }

private:
    void forget() {
        if (!widest_) return;
        std::vector<Item>& its = out_.items;
        if (its.empty()) return;
        *widest_ = std::max(*widest_, widest_box(its, next_));
        next_ = std::max(next_, its.size() - 1);
        const std::size_t drop = its.size() - std::min<std::size_t>(its.size(), 2);
        its.erase(its.begin(), its.begin() + static_cast<std::ptrdiff_t>(drop));
        next_ -= drop;
        out_.fragments.clear();
    }

    static bool nonzero(const Item& g) { return g.width || g.stretch || g.fil || g.shrink; }
    const text::Font& font(const compose::Span& s) const { return res_.fonts.get(s.face); }
    bool after_box() const { return !out_.items.empty() && out_.items.back().type == Item::Type::box; }

    void drop_trailing_space() {
        if (space_start_ >= 0) out_.items.resize(static_cast<std::size_t>(space_start_));
        space_start_ = -1;
    }

    // \\ or the paragraph's end: fill the line, force the break, restart the left margin.
    void forced_break(bool end) {
        drop_trailing_space();
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
        glued_ = chance_pending_ = false;
    }

    // A break with nothing added, where no space is: one penalty that brings the line it ends the
    // line end's glue E (a ragged margin, which justified text gets too, as it has few spaces
    // to stretch, or centring's fil) and the next line the line start's L; TeX would write it
    // [penalty 10000] E, penalty p, (0 − E − L), box 0, penalty 10000, L, seven items where a
    // word of a million letters has a break between every two.
    void break_inside(int penalty, bool emergency) {
        const Item end = p_.align == compose::Align::justify ? Item::glue(0, ragged_, 0) : right_;
        Item p = Item::penalty_item(penalty);
        p.emergency = emergency;
        p.stretch = end.stretch;
        p.fil = end.fil;
        p.post_stretch = left_.stretch;
        p.post_fil = left_.fil;
        out_.items.push_back(p);
    }

    // An interword space in the face of s; breakable = false for a no-break space, which only
    // the final pass may break.
    void space(const compose::Span& s, bool breakable) {
        const Sp w = thousandths_of(font(s).advance(U' '), s.size);
        glued_ = chance_pending_ = false;
        Item tie = Item::penalty_item(params_.emergency_penalty);
        tie.emergency = true;
        if (s.code) {
            // Code keeps every space, even at a line's start (a box there: glue would vanish).
            if (line_empty_) {
                out_.items.push_back(Item::box(w));
                return;
            }
            if (!breakable) out_.items.push_back(tie);
            out_.items.push_back(Item::glue(w, 0, 0));
            return;
        }
        if (line_empty_ || space_start_ >= 0) return;  // none at a line's start; collapse runs
        space_start_ = static_cast<int>(out_.items.size());
        if (!breakable) {
            out_.items.push_back(tie);
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

    // A space of its own width (thin, figure, narrow no-break…): never stretched; drawn, where a
    // font has it, so that copied text gives it back.
    void fixed_space(const compose::Span& s, char32_t c, const chars::FixedSpace& fs, int col) {
        const Sp w = fs.like ? thousandths_of(font(s).advance(fs.like), s.size) : s.size * fs.num / fs.den;
        if (!fs.breaks && after_box() && !glued_) chain_break();  // "10 000 000…": a last resort
        int fragment = -1;
        if (res_.fonts.covers(s.face, c)) {
            Fragment fr = fragment_of(s, res_.fonts.resolve(s.face, c), col);
            utf8::append(fr.text, c);
            fr.width = w;
            fr.alone = true;
            out_.fragments.push_back(std::move(fr));
            fragment = static_cast<int>(out_.fragments.size()) - 1;
        }
        out_.items.push_back(Item::box(w, fragment));
        line_empty_ = false;
        space_start_ = -1;
        glued_ = !fs.breaks;
        chance_pending_ = false;
        if (fs.breaks) break_inside(params_.chance_penalty, false);
    }

    void text(const compose::Span& s) {
        const std::string& t = s.text;
        const bool verbatim = s.verbatim;  // a code block's line: its spaces are characters
        int col = 0, word_col = 0;
        raw_.clear();
        for (std::size_t i = 0; i < t.size(); ++col) {
            const char32_t c = utf8::next(t, i);
            const auto fs = chars::fixed_space(c);
            if (!verbatim && (c == U' ' || c == 0xA0 || fs)) {
                if (!raw_.empty()) word(s, word_col);
                raw_.clear();
                if (fs) fixed_space(s, c, *fs, col);
                else space(s, c == U' ');
                word_col = col + 1;
                continue;
            }
            raw_ += c;
        }
        if (!raw_.empty()) word(s, word_col);
    }

    // A last-resort break between two boxes with no break between them: a word and its mark,
    // a word and the punctuation after it in another face.
    void chain_break() { break_inside(params_.emergency_penalty, true); }

    WordKind kind(const compose::Span& s) const {
        return s.verbatim ? WordKind::verbatim : s.url || s.code ? WordKind::url : WordKind::text;
    }

    Fragment fragment_of(const compose::Span& s, text::FontId f, int col) {
        Fragment fr;
        fr.font = f;
        fr.size = res_.fonts.size_in(s.face, f, s.size);
        fr.rise = s.rise;
        fr.link = link_index(s.link);
        fr.note = s.note;
        fr.strike = s.strike;
        // The span's own tag, else the paragraph's: every fragment says where it belongs.
        fr.tag = s.tag.is_content() || s.tag.artifact != Tag::Artifact::none ? s.tag : p_.tag;
        fr.pos = s.pos;
        if (fr.pos.col > 0) fr.pos.col += col;
        return fr;
    }

    void word(const compose::Span& s, int col) {
        const Word& w = breaker_.analyse(raw_, kind(s), p_.hyphenate && !s.note);
        const bool breakable_before = !w.glued_before && !glued_;
        if (after_box() && breakable_before) {
            if (w.chance_before || chance_pending_) break_inside(params_.chance_penalty, false);
            else chain_break();
        }
        chance_pending_ = w.chars.empty() ? chance_pending_ || w.chance_after : w.chance_after;
        if (w.chars.empty()) {
            glued_ = glued_ || w.glued_after;
            return;
        }
        measure(s, w);
        mark_last_resorts(s, w);
        space_start_ = -1;  // before emit(), which may forget the items it indexes
        emit(s, w, col);
        line_empty_ = false;
        glued_ = w.glued_after;
    }

    // Each character's font, advance and the kern before it (1/1000 em of its font). The
    // spaces ending a code block's line are drawn, so that copying gives the line back as
    // written, but take no room: invisible, they must not make the line wrap. A character that
    // no font has is measured as the placeholder that prints for it, never kerned.
    void measure(const compose::Span& s, const Word& w) {
        const std::size_t n = w.chars.size();
        fonts_.resize(n);
        advance_.resize(n);
        kern_.resize(n);
        missing_.assign(n, false);
        for (std::size_t k = 0; k < n; ++k) {
            text::FontId f = res_.fonts.resolve(s.face, w.chars[k]);
            if (!res_.fonts.font(f).has_glyph(w.chars[k])) [[unlikely]] {
                missing_[k] = true;
                f = res_.fonts.resolve(s.face, text::placeholder);
            }
            const text::Font& font = res_.fonts.font(f);
            fonts_[k] = f;
            advance_[k] = font.advance(missing_[k] ? text::placeholder : w.chars[k]);
            kern_[k] = k > 0 && !s.code && fonts_[k - 1] == f && !missing_[k - 1] && !missing_[k]
                           ? font.kern(w.chars[k - 1], w.chars[k])
                           : 0;
        }
    }

    // The kern before character b, which a line starting there drops.
    Sp lead(const compose::Span& s, std::size_t b) const { return kern_width(kern_[b], res_.fonts.size_in(s.face, fonts_[b], s.size)); }

    // The width of characters [b, e): each run of one font at that font's size.
    Sp width(const compose::Span& s, std::size_t b, std::size_t e) const {
        Sp total = 0;
        for (std::size_t k = b; k < e;) {
            long units = 0;
            const text::FontId f = fonts_[k];
            for (; k < e && fonts_[k] == f; ++k) units += advance_[k] + kern_[k];
            total += thousandths_of(units, res_.fonts.size_in(s.face, f, s.size));
        }
        return total;
    }

    // A piece between two places the word may break that is wider than the line may break
    // between any two of its characters, as a last resort: measured as a line of its own would
    // hold it, without the kern before it, with the hyphen a break after it prints and the one
    // GOST repeats before it.
    //
    // In a piece longer than three lines, every two letters of its first two lines' worth and
    // of its last line's are candidates (so that its first piece fills the rest of its line,
    // wherever that starts, and its end sits well), but inside it only one about every 1/16 of
    // the line: the lines there are full of letters either way, to within a sixteenth, and a
    // token of a million letters costs a hundred times less.
    void mark_last_resorts(const compose::Span& s, const Word& w) {
        after_.assign(w.after.begin(), w.after.end());
        const std::size_t n = w.chars.size();
        for (std::size_t b = 0; b < n;) {
            std::size_t e = b;
            while (e + 1 < n && !breaks_after(after_[e])) ++e;
            ++e;  // the piece is [b, e)
            Sp wd = width(s, b, e) - lead(s, b);
            if (e < n && (after_[e - 1] == BreakAfter::pattern || after_[e - 1] == BreakAfter::soft_hyphen))
                wd += hyphen_width(s);
            if (b > 0 && params_.repeat_hyphen && after_[b - 1] == BreakAfter::explicit_hyphen) wd += hyphen_width(s);
            if (e - b > 1 && wd > width_) mark_letters(s, b, e, wd);
            b = e;
        }
    }

    void mark_letters(const compose::Span& s, std::size_t b, std::size_t e, Sp wd) {
        const Sp head = 2 * width_, tail = wd - width_, step = width_ / 16;
        Sp at = 0, since = 0;  // from the piece's start, and from the last candidate
        for (std::size_t k = b; k + 1 < e; ++k) {
            const Sp letter = thousandths_of(advance_[k] + kern_[k], res_.fonts.size_in(s.face, fonts_[k], s.size));
            at += letter;
            since += letter;
            if (after_[k] != BreakAfter::none && after_[k] != BreakAfter::tied) continue;
            if (wd > 3 * width_ && at > head && at < tail && since < step) continue;
            after_[k] = BreakAfter::emergency;
            since = 0;
        }
    }

    static bool breaks_after(BreakAfter a) { return a != BreakAfter::none && a != BreakAfter::tied && a != BreakAfter::never; }

    // Boxes for the word's pieces (one per run of one font, or of characters no font has),
    // with the breaks between them.
    void emit(const compose::Span& s, const Word& w, int col) {
        const std::size_t n = w.chars.size();
        for (std::size_t b = 0; b < n;) {
            std::size_t e = b + 1;
            while (e < n && !breaks_after(after_[e - 1]) && fonts_[e] == fonts_[b] && missing_[e] == missing_[b]) ++e;
            // Kerning holds across pieces: the kern before a piece's first character is its own
            // (pack drops it at a line's start).
            Fragment fr = fragment_of(s, fonts_[b], col + w.cols[b]);
            fr.missing = missing_[b];
            for (std::size_t k = b; k < e; ++k) {
                if (kern_[k] != 0) fr.kerns.push_back({static_cast<std::uint32_t>(k - b), kern_[k]});
                utf8::append(fr.text, w.chars[k]);
            }
            const Sp wd = width(s, b, e);
            fr.width = wd;
            out_.fragments.push_back(std::move(fr));
            Item box = Item::box(wd, static_cast<int>(out_.fragments.size()) - 1);
            box.lead = lead(s, b);
            if (p_.align == compose::Align::justify && !s.code) {
                box.stretch = round_to_sp(static_cast<double>(wd) * params_.expansion);
                box.shrink = box.stretch;
            }
            out_.items.push_back(box);
            if (e < n) discretionary(s, after_[e - 1]);
            forget();
            b = e;
        }
    }

    // The break between two pieces of a word.
    void discretionary(const compose::Span& s, BreakAfter kind) {
        switch (kind) {
        case BreakAfter::none:
        case BreakAfter::tied:
        case BreakAfter::never: return;
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
        case BreakAfter::url: break_inside(params_.url_penalty, false); return;
        case BreakAfter::url_escape: break_inside(params_.url_escape_penalty, false); return;
        case BreakAfter::chance: break_inside(params_.chance_penalty, false); return;
        case BreakAfter::emergency: break_inside(params_.emergency_penalty, true); return;
        }
    }

    Sp hyphen_width(const compose::Span& s) const { return thousandths_of(font(s).advance(U'-'), s.size); }

    int hyphen_fragment(const compose::Span& s) {
        Fragment fr = fragment_of(s, text::own_font(s.face), 0);
        fr.text = "-";
        fr.width = hyphen_width(s);
        fr.note = 0;
        fr.pos = {};
        out_.fragments.push_back(std::move(fr));
        return static_cast<int>(out_.fragments.size()) - 1;
    }

    // Each URL once in the list, found by a hash (a paragraph of 40,000 links searched the list
    // for every fragment).
    int link_index(const std::string& url) {
        if (url.empty()) return -1;
        const auto [it, fresh] = link_at_.try_emplace(url, static_cast<int>(out_.links.size()));
        if (fresh) out_.links.push_back(std::make_shared<const std::string>(url));
        return it->second;
    }

    const compose::Paragraph& p_;
    Sp width_;
    const Resources& res_;
    const Params& params_;
    WordBreaker breaker_;
    Sp ragged_;  // the stretch of a ragged line end
    ItemList out_;
    Item left_ = Item::glue(0, 0, 0), right_ = Item::glue(0, 0, 0);
    bool parfill_ = false;
    bool line_empty_ = true;
    bool glued_ = false;           // the last box holds on to what follows (a joiner, U+202F)
    bool chance_pending_ = false;  // a U+200B since the last box
    int space_start_ = -1;         // where the pending interword space's items begin
    // word()'s working space, kept between words so that a word allocates only what it leaves
    // behind (its fragments' text and kerns).
    std::u32string raw_;
    std::vector<text::FontId> fonts_;
    std::vector<int> advance_, kern_;
    std::vector<bool> missing_;  // in no font of the chain: a placeholder prints for it
    std::vector<BreakAfter> after_;
    std::unordered_map<std::string, int> link_at_;  // URL → its index in out_.links
    Sp* widest_ = nullptr;  // widest_only(): the widest box so far
    std::size_t next_ = 0;  // widest_only(): the first item not measured yet
};

}  // namespace

ItemList build(const compose::Paragraph& p, Sp width, const Resources& res, const Params& params) {
    return Builder(p, width, res, params).run();
}

Sp widest_unit(const compose::Paragraph& p, const Resources& res, const Params& params) {
    Sp widest = 0;
    Builder b(p, 1, res, params);
    b.widest_only(widest);
    b.run();
    return widest;
}

}  // namespace zapros::para
