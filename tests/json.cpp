#include "json.hpp"

#include <cstdlib>

#include "base/utf8.hpp"

namespace zapros::test {

const Json& Json::operator[](const std::string& key) const {
    const auto it = o.find(key);
    if (kind != Kind::object || it == o.end()) throw std::runtime_error("JSON: no key '" + key + "'");
    return it->second;
}

namespace {

class Reader {
public:
    explicit Reader(const std::string& t) : t_(t) {}

    Json value() {
        blanks();
        if (i_ >= t_.size()) fail("unexpected end");
        const char c = t_[i_];
        Json j;
        if (c == '{') {
            j.kind = Json::Kind::object;
            ++i_;
            if (peek('}')) return ++i_, j;
            for (;;) {
                blanks();
                const std::string key = string();
                blanks();
                expect(':');
                j.o[key] = value();
                blanks();
                if (peek('}')) return ++i_, j;
                expect(',');
            }
        }
        if (c == '[') {
            j.kind = Json::Kind::array;
            ++i_;
            if (peek(']')) return ++i_, j;
            for (;;) {
                j.a.push_back(value());
                blanks();
                if (peek(']')) return ++i_, j;
                expect(',');
            }
        }
        if (c == '"') {
            j.kind = Json::Kind::string;
            j.s = string();
            return j;
        }
        if (t_.compare(i_, 4, "true") == 0) return i_ += 4, j.kind = Json::Kind::boolean, j.b = true, j;
        if (t_.compare(i_, 5, "false") == 0) return i_ += 5, j.kind = Json::Kind::boolean, j;
        if (t_.compare(i_, 4, "null") == 0) return i_ += 4, j;
        char* end = nullptr;
        j.n = std::strtod(t_.c_str() + i_, &end);
        if (end == t_.c_str() + i_) fail("unexpected character");
        i_ = static_cast<std::size_t>(end - t_.c_str());
        j.kind = Json::Kind::number;
        return j;
    }

    void end() {
        blanks();
        if (i_ != t_.size()) fail("text after the value");
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error("JSON: " + what + " at byte " + std::to_string(i_));
    }
    void blanks() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) ++i_;
    }
    bool peek(char c) {
        blanks();
        return i_ < t_.size() && t_[i_] == c;
    }
    void expect(char c) {
        if (!peek(c)) fail(std::string("expected '") + c + "'");
        ++i_;
    }
    std::string string() {
        expect('"');
        std::string out;
        while (i_ < t_.size() && t_[i_] != '"') {
            char c = t_[i_++];
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= t_.size()) fail("bad escape");
            c = t_[i_++];
            switch (c) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u': utf8::append(out, static_cast<char32_t>(std::stoul(t_.substr(i_, 4), nullptr, 16))), i_ += 4; break;
            default: out += c;
            }
        }
        expect('"');
        return out;
    }

    const std::string& t_;
    std::size_t i_ = 0;
};

}  // namespace

Json parse_json(const std::string& text) {
    Reader r(text);
    Json j = r.value();
    r.end();
    return j;
}

}  // namespace zapros::test
