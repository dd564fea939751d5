#include "output/pack.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <vector>

#include "output/haru.hpp"
#include "output/internals.hpp"

namespace zapros::output {

namespace {

[[noreturn]] void fail(const std::string& what) { throw OutputError("packing the PDF into object streams: " + what); }

// PDF 1.7 §7.2.2: white-space and delimiter characters.
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool is_delimiter(char c) {
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' || c == '%';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_regular(char c) { return !is_space(c) && !is_delimiter(c); }

std::size_t skip_space(std::string_view s, std::size_t i) {
    while (i < s.size() && is_space(s[i])) ++i;
    return i;
}

// The unsigned decimal number at s[i…] (at least one digit); i moves past it.
std::uint64_t read_number(std::string_view s, std::size_t& i, const char* what) {
    std::uint64_t n = 0;
    const auto [end, err] = std::from_chars(s.data() + i, s.data() + s.size(), n);
    if (err != std::errc() || end == s.data() + i) fail(std::string("expected a number (") + what + ") at byte " + std::to_string(i));
    i = static_cast<std::size_t>(end - s.data());
    return n;
}

// Past one PDF object value starting at s[i] (no streams: a stream's dictionary is a value, its
// data is not). Checks the syntax only as far as needed to find the end; nesting is bounded.
std::size_t skip_value(std::string_view s, std::size_t i, int depth = 0) {
    if (depth > 64) fail("values nested deeper than 64");
    if (i >= s.size()) fail("a value cut short");
    const char c = s[i];
    if (c == '/') {
        ++i;
        while (i < s.size() && is_regular(s[i])) ++i;
        return i;
    }
    if (c == '(') {  // literal string: balanced parentheses, backslash escapes (§7.3.4.2)
        int open = 1;
        for (++i; open > 0; ++i) {
            if (i >= s.size()) fail("a string cut short");
            if (s[i] == '\\') ++i;
            else if (s[i] == '(') ++open;
            else if (s[i] == ')') --open;
        }
        return i;
    }
    if (c == '<' && i + 1 < s.size() && s[i + 1] == '<') {  // dictionary: name, value, …
        for (i = skip_space(s, i + 2);; i = skip_space(s, i)) {
            if (s.substr(i, 2) == ">>") return i + 2;
            if (i >= s.size() || s[i] != '/') fail("a dictionary key that is not a name at byte " + std::to_string(i));
            i = skip_value(s, skip_space(s, skip_value(s, i, depth + 1)), depth + 1);
        }
    }
    if (c == '<') {  // hexadecimal string
        for (++i; i < s.size() && s[i] != '>'; ++i)
            if (!is_space(s[i]) && !std::isxdigit(static_cast<unsigned char>(s[i]))) fail("a bad hexadecimal string");
        if (i >= s.size()) fail("a hexadecimal string cut short");
        return i + 1;
    }
    if (c == '[') {
        for (i = skip_space(s, i + 1);; i = skip_space(s, i)) {
            if (i < s.size() && s[i] == ']') return i + 1;
            i = skip_value(s, i, depth + 1);
        }
    }
    if (is_digit(c) || c == '+' || c == '-' || c == '.') {  // a number, or "N G R"
        std::size_t end = i + 1;
        while (end < s.size() && is_regular(s[end])) ++end;
        std::size_t g = skip_space(s, end);
        if (g == end || g >= s.size() || !is_digit(s[g])) return end;
        while (g < s.size() && is_digit(s[g])) ++g;
        const std::size_t r = skip_space(s, g);
        if (r > g && r < s.size() && s[r] == 'R' && (r + 1 == s.size() || !is_regular(s[r + 1]))) return r + 1;
        return end;
    }
    std::size_t end = i;
    while (end < s.size() && is_regular(s[end])) ++end;
    const std::string_view word = s.substr(i, end - i);
    if (word == "true" || word == "false" || word == "null") return end;
    fail("an unexpected token at byte " + std::to_string(i));
}

struct XrefEntry {
    bool listed = false, used = false;
    std::uint64_t offset = 0;  // or, free, the next free object
    std::uint64_t gen = 0;
};

struct Parsed {
    std::size_t xref_at = 0;  // where "xref" starts: the objects end there
    std::vector<XrefEntry> entries;  // by object number
    std::uint64_t size = 0;          // the trailer's /Size
    std::string_view root, info, id;  // the trailer's values, as written
};

// The trailer dictionary at s[i…], which must end where "startxref" starts.
void read_trailer(std::string_view s, std::size_t i, std::size_t startxref, Parsed& p) {
    if (s.substr(i, 2) != "<<") fail("no trailer dictionary");
    for (i = skip_space(s, i + 2);; i = skip_space(s, i)) {
        if (s.substr(i, 2) == ">>") break;
        if (i >= startxref || s[i] != '/') fail("a trailer key that is not a name");
        const std::size_t key_end = skip_value(s, i);
        const std::string_view key = s.substr(i + 1, key_end - i - 1);
        const std::size_t v = skip_space(s, key_end);
        i = skip_value(s, v);
        const std::string_view value = s.substr(v, i - v);
        if (key == "Root") p.root = value;
        else if (key == "Info") p.info = value;
        else if (key == "ID") p.id = value;
        else if (key == "Size") {
            std::size_t k = 0;
            p.size = read_number(value, k, "/Size");
            if (k != value.size()) fail("/Size is not a whole number");
        } else fail("an unexpected trailer key /" + std::string(key));  // /Encrypt, /Prev: not libharu's shape here
    }
    if (p.root.empty()) fail("the trailer has no /Root");
    if (skip_space(s, i + 2) != startxref) fail("bytes between the trailer and startxref");
}

// The classic cross-reference table and trailer that libharu writes last.
Parsed read_xref(std::string_view pdf) {
    Parsed p;
    std::size_t end = pdf.size();
    while (end > 0 && (pdf[end - 1] == '\n' || pdf[end - 1] == '\r')) --end;
    if (pdf.size() - end > 2 || end < 5 || pdf.substr(end - 5, 5) != "%%EOF") fail("the file does not end with %%EOF");
    std::size_t i = end - 5;
    while (i > 0 && is_space(pdf[i - 1])) --i;
    std::size_t digits = i;
    while (digits > 0 && is_digit(pdf[digits - 1])) --digits;
    std::size_t after = skip_space(pdf, digits);
    std::size_t startxref = digits;
    while (startxref > 0 && is_space(pdf[startxref - 1])) --startxref;
    if (startxref < 9 || startxref == digits || digits == i || pdf.substr(startxref - 9, 9) != "startxref")
        fail("no startxref before %%EOF");
    startxref -= 9;
    const std::uint64_t xref_at = read_number(pdf, after, "startxref");
    if (xref_at >= startxref || pdf.substr(xref_at, 4) != "xref") fail("startxref does not point at an xref table");
    p.xref_at = static_cast<std::size_t>(xref_at);

    i = skip_space(pdf, p.xref_at + 4);
    while (i < startxref && is_digit(pdf[i])) {  // subsections: "first count", then 20-byte entries
        const std::uint64_t first = read_number(pdf, i, "xref subsection");
        if (i >= pdf.size() || pdf[i] != ' ') fail("a bad xref subsection header");
        ++i;
        const std::uint64_t count = read_number(pdf, i, "xref subsection");
        i = skip_space(pdf, i);
        if (i > startxref || count > (startxref - i) / 20 || first > pdf.size()) fail("an xref subsection longer than the file");
        if (p.entries.size() < first + count) p.entries.resize(first + count);
        for (std::uint64_t k = 0; k < count; ++k, i += 20) {
            const std::string_view e = pdf.substr(i, 20);
            bool ok = e[10] == ' ' && e[16] == ' ' && (e[17] == 'n' || e[17] == 'f') &&
                      (e.substr(18) == "\r\n" || e.substr(18) == " \n" || e.substr(18) == " \r");
            for (int d = 0; d < 16; ++d) ok = ok && (d == 10 || is_digit(e[d]));
            if (!ok) fail("a bad xref entry at byte " + std::to_string(i));
            XrefEntry& x = p.entries[first + k];
            if (x.listed) fail("object " + std::to_string(first + k) + " listed twice in the xref table");
            std::size_t at = 0;
            x.offset = read_number(e, at, "offset");
            at = 11;
            x.gen = read_number(e, at, "generation");
            x.used = e[17] == 'n';
            x.listed = true;
        }
    }
    if (pdf.substr(i, 7) != "trailer") fail("no trailer after the xref table");
    read_trailer(pdf, skip_space(pdf, i + 7), startxref, p);
    if (p.size < p.entries.size()) fail("/Size is smaller than the xref table");
    return p;
}

struct Object {
    std::uint64_t number = 0, gen = 0;
    std::size_t offset = 0, end = 0;  // the whole "N G obj … endobj" and the end of line after it
    std::string_view value;           // between "obj" and "endobj", without the spaces around
    bool stream = false;
};

// Each object runs from its offset to the next one's (the last to the xref table).
std::vector<Object> read_objects(std::string_view pdf, const Parsed& p) {
    std::vector<Object> objects;
    for (std::size_t n = 0; n < p.entries.size(); ++n)
        if (p.entries[n].used) objects.push_back({n, p.entries[n].gen, static_cast<std::size_t>(p.entries[n].offset)});
    if (objects.empty()) fail("no objects");
    std::sort(objects.begin(), objects.end(), [](const Object& a, const Object& b) { return a.offset < b.offset; });
    for (std::size_t k = 0; k < objects.size(); ++k) {
        Object& o = objects[k];
        o.end = k + 1 < objects.size() ? objects[k + 1].offset : p.xref_at;
        if (o.offset == 0 || o.end <= o.offset) fail("object " + std::to_string(o.number) + " overlaps another or the xref table");
        const std::string_view s = pdf.substr(o.offset, o.end - o.offset);
        std::size_t i = 0;
        const std::uint64_t number = read_number(s, i, "object number");
        i = skip_space(s, i);
        const std::uint64_t gen = read_number(s, i, "generation");
        if (number != o.number || gen != o.gen) fail("object " + std::to_string(o.number) + " is not where the xref table says");
        const std::size_t body = skip_space(s, i);
        if (body == i || s.substr(body, 3) != "obj" || body + 3 >= s.size() || !is_space(s[body + 3]))
            fail("object " + std::to_string(o.number) + " has no 'obj'");
        std::size_t last = s.size();
        while (last > 0 && is_space(s[last - 1])) --last;
        if (last < body + 9 || s.substr(last - 6, 6) != "endobj" || !is_space(s[last - 7]))
            fail("object " + std::to_string(o.number) + " has no 'endobj'");
        const std::size_t from = skip_space(s, body + 3);
        std::size_t to = last - 6;
        while (to > from && is_space(s[to - 1])) --to;
        o.value = s.substr(from, to - from);
        // One value, or a stream: a dictionary, "stream", the data, "endstream" (§7.3.8).
        const std::size_t after = skip_space(o.value, skip_value(o.value, 0));
        if (after == o.value.size()) continue;
        o.stream = o.value.substr(0, 2) == "<<" && o.value.substr(after, 6) == "stream" && o.value.size() >= after + 15 &&
                   o.value.substr(o.value.size() - 9) == "endstream" && is_space(o.value[o.value.size() - 10]);
        if (!o.stream) fail("object " + std::to_string(o.number) + " holds more than one value");
    }
    return objects;
}

std::size_t width_of(std::uint64_t v) {
    std::size_t w = 1;
    while (v >>= 8) ++w;
    return w;
}

void append_big_endian(std::string& out, std::uint64_t v, std::size_t width) {
    for (std::size_t k = width; k-- > 0;) out += static_cast<char>((v >> (8 * k)) & 0xFF);
}

// An indirect stream object "N 0 obj << dict /Length L >> stream … endstream endobj", its
// dictionary and /Length direct (PDF/A-2 §6.1.7 wants the data's exact length).
void append_stream(std::string& out, std::uint64_t number, const std::string& dict, std::string_view data) {
    out += std::to_string(number) + " 0 obj\n<<" + dict + " /Length " + std::to_string(data.size()) + ">>\nstream\n";
    out += data;
    out += "\nendstream\nendobj\n";
}

}  // namespace

std::string pack_objects(std::string_view pdf, internals::Deflater& deflater, const PackSettings& settings) {
    if (pdf.substr(0, 7) != "%PDF-1." || pdf.size() < 9 || !is_digit(pdf[7])) fail("no %PDF-1.n header");
    const Parsed p = read_xref(pdf);
    const std::vector<Object> objects = read_objects(pdf, p);

    // Entry types of the cross-reference stream (§7.5.8.3): 0 free, 1 at an offset, 2 in an
    // object stream. The new objects follow the old numbers.
    struct Entry {
        std::uint8_t type = 0;
        std::uint64_t field2 = 0, field3 = 0;
    };
    std::vector<Entry> entries(p.size);
    for (std::size_t n = 0; n < p.entries.size(); ++n)
        if (!p.entries[n].used) entries[n] = {0, p.entries[n].offset, p.entries[n].gen};

    std::string out;
    out.reserve(pdf.size());
    out += pdf.substr(0, objects.front().offset);  // the header and its binary comment
    if (out[7] < '5') out[7] = '5';                // object streams are PDF 1.5
    std::vector<const Object*> packed;
    for (const Object& o : objects) {
        if (o.stream || o.gen != 0) {
            entries[o.number] = {1, out.size(), o.gen};
            out += pdf.substr(o.offset, o.end - o.offset);
        } else packed.push_back(&o);
    }
    std::sort(packed.begin(), packed.end(), [](const Object* a, const Object* b) { return a->number < b->number; });

    const std::size_t per_stream = std::max<std::size_t>(settings.objects_per_stream, 1);
    std::string index, data;
    for (std::size_t first = 0; first < packed.size(); first += per_stream) {
        const std::size_t count = std::min(per_stream, packed.size() - first);
        const std::uint64_t number = entries.size();
        entries.emplace_back();
        index.clear();
        data.clear();
        for (std::size_t k = 0; k < count; ++k) {
            const Object& o = *packed[first + k];
            if (k) index += ' ', data += '\n';
            index += std::to_string(o.number) + ' ' + std::to_string(data.size());
            data += o.value;
            entries[o.number] = {2, number, k};
        }
        index += '\n';
        entries[number] = {1, out.size(), 0};
        append_stream(out,
                      number, "/Type /ObjStm /N " + std::to_string(count) + " /First " + std::to_string(index.size()) + " /Filter /FlateDecode",
                      deflater.compress(index + data));
    }

    const std::uint64_t xref_number = entries.size();
    const std::uint64_t xref_at = out.size();
    entries.push_back({1, xref_at, 0});
    std::uint64_t max2 = 0, max3 = 0;
    for (const Entry& e : entries) max2 = std::max(max2, e.field2), max3 = std::max(max3, e.field3);
    const std::size_t w2 = width_of(max2), w3 = width_of(max3);
    std::string rows;
    rows.reserve(entries.size() * (1 + w2 + w3));
    for (const Entry& e : entries) {
        rows += static_cast<char>(e.type);
        append_big_endian(rows, e.field2, w2);
        append_big_endian(rows, e.field3, w3);
    }
    const std::string size = std::to_string(entries.size());
    std::string dict = "/Type /XRef /Size " + size + " /Index [0 " + size + "] /W [1 " + std::to_string(w2) + ' ' +
                       std::to_string(w3) + "] /Root " + std::string(p.root);
    if (!p.info.empty()) dict += " /Info " + std::string(p.info);
    if (!p.id.empty()) dict += " /ID " + std::string(p.id);
    append_stream(out, xref_number, dict + " /Filter /FlateDecode", deflater.compress(rows));
    out += "startxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
    return out;
}

}  // namespace zapros::output
