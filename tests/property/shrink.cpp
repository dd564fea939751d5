#include "shrink.hpp"

#include <chrono>

#include "base/utf8.hpp"

namespace zapros::property {

namespace {

class Shrinker {
public:
    Shrinker(Sample& s, const StillFails& still_fails, double seconds)
        : s_(s), still_fails_(still_fails),
          deadline_(std::chrono::steady_clock::now() +
                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds))) {}

    void run() {
        // Coarse to fine, twice: deleting a piece late can make an earlier one deletable. Whole
        // blocks, notes' paragraphs and front-matter entries go first; words and letters last.
        for (int round = 0; round < 2 && !expired(); ++round) {
            reduce(s_.body, 0);
            hoist(s_.body);
            drop_unmarked_notes();
            for (Note& n : s_.notes) reduce(n.paragraphs, 1);
            reduce(s_.to, 1);
            reduce(s_.from, 0);
            reduce(s_.signatures, 0);
            for (Block& b : s_.body) block(b);
            drop_unmarked_notes();
            for (Note& n : s_.notes)
                for (Text& t : n.paragraphs) text(t, 1);
            front_matter();
        }
    }

    int tries() const { return tries_; }
    bool expired() const { return std::chrono::steady_clock::now() > deadline_; }

private:
    bool test() {
        if (expired()) return false;
        ++tries_;
        return still_fails_(s_);
    }

    // Removes chunks of v, halving their size, while the failure stays (ddmin's complement step).
    template <class T>
    void reduce(std::vector<T>& v, std::size_t keep) {
        for (std::size_t chunk = v.size(); chunk >= 1 && v.size() > keep; chunk /= 2) {
            for (std::size_t start = 0; start < v.size() && v.size() > keep;) {
                const std::size_t n = std::min({chunk, v.size() - start, v.size() - keep});
                std::vector<T> cut(std::make_move_iterator(v.begin() + static_cast<std::ptrdiff_t>(start)),
                                   std::make_move_iterator(v.begin() + static_cast<std::ptrdiff_t>(start + n)));
                v.erase(v.begin() + static_cast<std::ptrdiff_t>(start), v.begin() + static_cast<std::ptrdiff_t>(start + n));
                if (test()) continue;
                v.insert(v.begin() + static_cast<std::ptrdiff_t>(start), std::make_move_iterator(cut.begin()),
                         std::make_move_iterator(cut.end()));
                start += n;
            }
            if (chunk == 1) break;
        }
    }

    // Keeps the first or the last half of a string while the failure stays; the first `keep`
    // bytes stay in both (a URL keeps its scheme, or it would become raw HTML: "<h>").
    void shorten(std::string& s, std::size_t keep = 0) {
        for (bool progress = true; progress && utf8::length(s) > keep + 1;) {
            progress = false;
            std::size_t mid = keep + (s.size() - keep) / 2;
            while (mid > keep && (static_cast<unsigned char>(s[mid]) & 0xC0) == 0x80) --mid;
            if (mid <= keep) return;
            const std::string whole = s;
            for (const std::string& half : {whole.substr(0, mid), whole.substr(0, keep) + whole.substr(mid)}) {
                s = half;
                if (test()) {
                    progress = true;
                    break;
                }
                s = whole;
            }
        }
    }

    // A note keeps a piece: an empty note is not what the generator writes.
    void text(Text& t, std::size_t keep = 0) {
        reduce(t, keep);
        for (Piece& p : t) {
            if (p.kind == Piece::Kind::mark || utf8::length(p.text) <= 8) continue;
            const bool url = p.kind == Piece::Kind::autolink || p.kind == Piece::Kind::bare_url;
            shorten(p.text, url ? p.text.find("://") + 3 : 0);
        }
    }

    void words(Words& w, std::size_t keep) {
        reduce(w, keep);
        for (std::string& word : w)
            if (utf8::length(word) > 8) shorten(word);
    }

    // A quote or a one-item list replaced by what it holds, when that still fails.
    void hoist(std::vector<Block>& v) {
        for (std::size_t i = 0; i < v.size(); ++i) {
            std::vector<Block> inner;
            if (v[i].kind == Block::Kind::quote) inner = v[i].children;
            else if (v[i].kind == Block::Kind::list && v[i].items.size() == 1) inner = v[i].items.front();
            else continue;
            Block was = std::move(v[i]);
            v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
            v.insert(v.begin() + static_cast<std::ptrdiff_t>(i), inner.begin(), inner.end());
            if (test()) {
                --i;  // look again at what took its place
                continue;
            }
            v.erase(v.begin() + static_cast<std::ptrdiff_t>(i), v.begin() + static_cast<std::ptrdiff_t>(i + inner.size()));
            v.insert(v.begin() + static_cast<std::ptrdiff_t>(i), std::move(was));
        }
    }

    void blocks(std::vector<Block>& v) {
        reduce(v, 0);
        hoist(v);
        for (Block& b : v) block(b);
    }

    void block(Block& b) {
        text(b.text);
        blocks(b.children);
        reduce(b.items, 1);
        for (auto& item : b.items) blocks(item);
        reduce(b.lines, 1);
        for (std::string& l : b.lines) shorten(l);
        if (b.kind == Block::Kind::table) table(b);
    }

    void table(Block& b) {
        reduce(b.rows, 1);
        for (std::size_t c = 0; c < b.align.size() && b.align.size() > 1;) {
            Block was = b;
            b.align.erase(b.align.begin() + static_cast<std::ptrdiff_t>(c));
            for (auto& row : b.rows)
                if (c < row.size()) row.erase(row.begin() + static_cast<std::ptrdiff_t>(c));
            if (test()) continue;
            b = std::move(was);
            ++c;
        }
        for (auto& row : b.rows)
            for (Text& cell : row) text(cell);
    }

    void front_matter() {
        words(s_.title, 1);
        for (Words& a : s_.to) words(a, 1);
        for (Words& l : s_.from) words(l, 1);
        for (Signature& sig : s_.signatures) words(sig.role, 1), words(sig.name, 0);
        words(s_.place, 0);
        if (!s_.date.empty()) {
            const std::string date = s_.date;
            s_.date.clear();
            if (!test()) s_.date = date;
        }
        letter_parts();
    }

    // Issue 16's parts: each dropped whole while the failure stays, then the enclosures one by one.
    void letter_parts() {
        LetterParts& lp = s_.parts;
        reduce(lp.enclosures, 0);
        const auto drop = [&](auto& part, auto empty) {
            auto kept = part;
            if (kept == empty) return;
            part = empty;
            if (!test()) part = kept;
        };
        drop(lp.letterhead, Words{});
        drop(lp.letterhead_lines, std::vector<Words>{});
        drop(lp.logo, -1);
        drop(lp.number, std::string{});
        drop(lp.reply_number, std::string{});
        drop(lp.opening, Words{});
        drop(lp.closing, Words{});
        drop(lp.stamp, -1);
        drop(lp.executor, Words{});
        drop(lp.paper, std::string{});
        drop(lp.font_size, 0);
        for (Signature& sig : s_.signatures) drop(sig.scan, -1);
    }

    template <class F>
    static void for_each_text(std::vector<Block>& v, F&& f) {
        for (Block& b : v) {
            f(b.text);
            for_each_text(b.children, f);
            for (auto& item : b.items) for_each_text(item, f);
            for (auto& row : b.rows)
                for (Text& cell : row) f(cell);
        }
    }

    // Notes without a mark are not written; dropping them saves trying to shrink them. A note
    // marked in a kept note is kept too (read after the body, as the writer numbers them).
    void drop_unmarked_notes() {
        std::vector<int> index(s_.notes.size(), -1);
        std::vector<Note> kept;
        kept.reserve(s_.notes.size());  // never moved while a kept note's marks are read
        const auto renumber = [&](Text& t) {
            for (Piece& p : t) {
                if (p.kind != Piece::Kind::mark || p.note < 0) continue;
                int& i = index[static_cast<std::size_t>(p.note)];
                if (i < 0) {
                    i = static_cast<int>(kept.size());
                    kept.push_back(std::move(s_.notes[static_cast<std::size_t>(p.note)]));
                }
                p.note = i;
            }
        };
        for_each_text(s_.body, renumber);
        for (std::size_t j = 0; j < kept.size(); ++j)
            for (Text& t : kept[j].paragraphs) renumber(t);
        s_.notes = std::move(kept);
    }

    Sample& s_;
    const StillFails& still_fails_;
    std::chrono::steady_clock::time_point deadline_;
    int tries_ = 0;
};

}  // namespace

Shrunk shrink(Sample sample, const StillFails& still_fails, double seconds) {
    Shrunk out;
    Shrinker sh(sample, still_fails, seconds);
    sh.run();
    out.tries = sh.tries();
    out.finished = !sh.expired();
    out.sample = std::move(sample);
    return out;
}

}  // namespace zapros::property
