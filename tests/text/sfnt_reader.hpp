#pragma once
// A TrueType file read independently of text/ (a reader of our own for the tests' questions):
// the table directory, glyph outlines and their components, name ids.
#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

namespace zapros::test {

class Sfnt {
public:
    struct Table {
        std::uint32_t checksum, offset, length;
    };
    explicit Sfnt(std::string bytes) : b_(std::move(bytes)) {
        for (std::uint32_t i = 0; i < u16(4); ++i) {
            const std::uint32_t rec = 12 + 16 * i;
            tables_.emplace_back(b_.substr(rec, 4), Table{u32(rec + 4), u32(rec + 8), u32(rec + 12)});
        }
    }
    static std::uint32_t checksum(std::string_view d) {
        std::uint32_t sum = 0;
        for (std::size_t i = 0; i < d.size(); i += 4) {
            std::uint32_t w = 0;
            for (std::size_t k = 0; k < 4; ++k) w = w << 8 | (i + k < d.size() ? static_cast<unsigned char>(d[i + k]) : 0u);
            sum += w;
        }
        return sum;
    }
    const std::vector<std::pair<std::string, Table>>& tables() const { return tables_; }
    bool tables_sorted() const {
        return std::is_sorted(tables_.begin(), tables_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    std::uint16_t glyph_count() const { return u16(table("maxp").offset + 4); }
    std::string outline(std::uint16_t g) const {
        const bool long_loca = u16(table("head").offset + 50) != 0;
        const std::uint32_t loca = table("loca").offset;
        const std::uint32_t a = long_loca ? u32(loca + 4 * g) : 2 * u16(loca + 2 * g);
        const std::uint32_t e = long_loca ? u32(loca + 4 * g + 4) : 2 * u16(loca + 2 * g + 2);
        return b_.substr(table("glyf").offset + a, e - a);
    }
    std::set<int> name_ids() const {  // of the name table's records
        std::set<int> out;
        const std::uint32_t at = table("name").offset;
        for (std::uint32_t i = 0; i < u16(at + 2); ++i) out.insert(u16(at + 6 + 12 * i + 6));
        return out;
    }
    std::vector<std::uint16_t> components(std::uint16_t g) const {  // of a composite glyph
        std::vector<std::uint16_t> out;
        const std::string o = outline(g);
        if (o.size() < 10 || static_cast<std::int16_t>(u16(o, 0)) >= 0) return out;
        for (std::size_t at = 10;;) {
            const std::uint16_t flags = u16(o, at);
            out.push_back(u16(o, at + 2));
            at += 4 + ((flags & 1) ? 4 : 2) + ((flags & 8) ? 2 : (flags & 0x40) ? 4 : (flags & 0x80) ? 8 : 0);
            if (!(flags & 0x20)) break;
        }
        return out;
    }

private:
    static std::uint16_t u16(const std::string& s, std::size_t at) {
        return static_cast<std::uint16_t>(static_cast<unsigned char>(s.at(at)) << 8 | static_cast<unsigned char>(s.at(at + 1)));
    }
    std::uint16_t u16(std::size_t at) const { return u16(b_, at); }
    std::uint32_t u32(std::size_t at) const { return static_cast<std::uint32_t>(u16(at)) << 16 | u16(at + 2); }
    Table table(const std::string& tag) const {
        for (const auto& [t, table] : tables_)
            if (t == tag) return table;
        FAIL("no table " << tag);
        return {};
    }
    std::string b_;
    std::vector<std::pair<std::string, Table>> tables_;
};

}  // namespace zapros::test
