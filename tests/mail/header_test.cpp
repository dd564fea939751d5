// Header fields: folding, RFC 2047 encoded words, addresses and RFC 2231 file names.
#include <catch2/catch.hpp>

#include "mail/encode.hpp"
#include "mail/header.hpp"

using namespace zapros::mail;

namespace {

std::vector<std::string> lines_of(const std::string& field) {
    std::vector<std::string> out;
    for (std::size_t at = 0; at < field.size();) {
        const std::size_t end = field.find("\r\n", at);
        out.push_back(field.substr(at, end - at));
        at = end + 2;
    }
    return out;
}

// One Q encoded word's text decoded (RFC 2047 §4.2: '_' a space, =XX a byte), for checking
// what each word holds.
std::string word_bytes(const std::string& word) {
    const std::string q = word.substr(10, word.size() - 12);
    std::string out;
    for (std::size_t i = 0; i < q.size(); ++i) {
        if (q[i] == '_') out += ' ';
        else if (q[i] == '=') out += static_cast<char>(std::stoi(q.substr(i + 1, 2), nullptr, 16)), i += 2;
        else out += q[i];
    }
    return out;
}

// The encoded words of a field's lines: they hold no space, so the lines' spaces part them.
std::vector<std::string> words_of(const std::vector<std::string>& lines) {
    std::vector<std::string> words;
    for (const std::string& l : lines)
        for (std::size_t at = l.find(' '); at != std::string::npos;) {
            const std::size_t end = l.find(' ', at + 1);
            words.push_back(l.substr(at + 1, end == std::string::npos ? end : end - at - 1));
            at = end;
        }
    return words;
}

}  // namespace

TEST_CASE("a plain ASCII subject stays as it is, folded at spaces within 78 characters", "[mail]") {
    const Limits limits;
    HeaderLine h("Subject", limits);
    std::string subject;
    for (int i = 0; i < 30; ++i) subject += (i ? " " : "") + std::string("request");
    h.text(subject, false);
    const std::vector<std::string> lines = lines_of(h.finish());
    REQUIRE(lines.size() > 1);
    std::string unfolded;
    for (const std::string& l : lines) {
        CHECK(l.size() <= 78);
        unfolded += l;  // RFC 5322 §2.2.3: unfolding removes the CRLFs
    }
    CHECK(unfolded == "Subject: " + subject);
}

TEST_CASE("a Cyrillic subject becomes encoded words of at most 75 characters, each of whole characters",
          "[mail]") {
    const Limits limits;
    HeaderLine h("Subject", limits);
    std::string subject;
    for (int i = 0; i < 12; ++i) subject += "О предоставлении информации ";
    h.text(subject, false);
    const std::vector<std::string> lines = lines_of(h.finish());
    REQUIRE(lines.size() > 3);
    for (const std::string& l : lines) CHECK(l.size() <= 78);
    std::string decoded;
    for (const std::string& word : words_of(lines)) {
        REQUIRE(word.rfind("=?UTF-8?Q?", 0) == 0);
        CHECK(word.size() <= 75);
        const std::string bytes = word_bytes(word);
        // Whole UTF-8 characters: no word starts with a continuation byte or ends inside one.
        CHECK((static_cast<unsigned char>(bytes.front()) & 0xC0) != 0x80);
        const auto last = static_cast<unsigned char>(bytes.back());
        CHECK((last < 0x80 || (last & 0xC0) == 0x80));
        decoded += bytes;
    }
    CHECK(decoded == subject);  // the spaces travel inside the words (RFC 2047 §6.2)
}

TEST_CASE("a subject with a line end or an encoded-word look-alike is encoded, not written as it is", "[mail]") {
    const Limits limits;
    HeaderLine forged("Subject", limits);
    forged.text("Hi\r\nBcc: victim@example.org", false);
    const std::string f = forged.finish();
    CHECK(f.find("Bcc:") == std::string::npos);
    CHECK(f.find("=?UTF-8?Q?") != std::string::npos);
    HeaderLine lookalike("Subject", limits);
    lookalike.text("=?UTF-8?B?0JA=?=", false);
    // The text itself in Q: '=' 3D, '?' 3F, '-' 2D; letters and digits as they are.
    CHECK(lookalike.finish() == "Subject: =?UTF-8?Q?=3D=3FUTF=2D8=3FB=3F0JA=3D=3F=3D?=\r\n");
}

TEST_CASE("encoded words end after one of the text's spaces where one fits, so words are not cut", "[mail]") {
    const Limits limits;
    HeaderLine h("Subject", limits);
    std::string subject;
    for (int i = 0; i < 6; ++i) subject += "Прошу дать ответ на запрос о числе дел ";  // no word over 10 letters
    subject += "конец";
    h.text(subject, false);
    const std::vector<std::string> lines = lines_of(h.finish());
    REQUIRE(lines.size() > 4);
    std::vector<std::string> words;
    for (const std::string& w : words_of(lines)) words.push_back(word_bytes(w));
    std::string decoded;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i + 1 < words.size()) CHECK(words[i].back() == ' ');
        decoded += words[i];
    }
    CHECK(decoded == subject);
}

TEST_CASE("an ASCII word too long for a line is encoded, so that every line keeps 78 characters", "[mail]") {
    const Limits limits;
    HeaderLine h("Subject", limits);
    h.text(std::string(100, 'x'), false);
    for (const std::string& l : lines_of(h.finish())) CHECK(l.size() <= 78);
}

TEST_CASE("a mailbox: a Cyrillic display name encoded, the address in angle brackets", "[mail]") {
    const Limits limits;
    HeaderLine h("To", limits);
    mailbox(h, {"Минюст", "info@minjust.ru"}, true);
    mailbox(h, {"", "press@example.org"}, false);
    // "Минюст" is d0 9c d0 b8 d0 bd d1 8e d1 81 d1 82 (xxd); the second mailbox no longer fits
    // on the line (52 + 19 + 18 > 78) and goes on the next.
    CHECK(h.finish() ==
          "To: =?UTF-8?Q?=D0=9C=D0=B8=D0=BD=D1=8E=D1=81=D1=82?= <info@minjust.ru>,\r\n press@example.org\r\n");
    HeaderLine plain("From", limits);
    mailbox(plain, {"Ivanov", "ivanov@example.org"}, false);
    CHECK(plain.finish() == "From: Ivanov <ivanov@example.org>\r\n");
    // '.' is no atext: "I. Ivanov" would need quoting; an encoded word is as good.
    HeaderLine dotted("From", limits);
    mailbox(dotted, {"I. Ivanov", "ivanov@example.org"}, false);
    CHECK(dotted.finish() == "From: =?UTF-8?Q?I=2E_Ivanov?= <ivanov@example.org>\r\n");
}

TEST_CASE("a mailbox whose address is no addr-spec is refused", "[mail]") {
    const Limits limits;
    HeaderLine h("To", limits);
    CHECK_THROWS_AS(mailbox(h, {"x", "a@b>, evil@example.org"}, false), BadDraft);
    CHECK_THROWS_AS(mailbox(h, {"x", "no-at-sign"}, false), BadDraft);
}

TEST_CASE("an RFC 2231 file name: one parameter when it fits, numbered sections when it does not", "[mail]") {
    const Limits limits;
    const std::vector<std::string> short_name = rfc2231_parameter("filename", "a b.pdf", limits);
    CHECK(short_name == std::vector<std::string>{" filename*=UTF-8''a%20b.pdf"});
    const std::string cyrillic = "Запрос в Министерство юстиции Российской Федерации.pdf";
    const std::vector<std::string> sections = rfc2231_parameter("filename", cyrillic, limits);
    REQUIRE(sections.size() > 1);
    std::string joined;
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const std::string head = " filename*" + std::to_string(i) + "*=" + (i == 0 ? "UTF-8''" : "");
        REQUIRE(sections[i].rfind(head, 0) == 0);
        CHECK(sections[i].size() + 1 <= 78);  // with its ';'
        const std::string value = sections[i].substr(head.size());
        CHECK(value.find('%') != value.size() - 1);  // an escape never cut:
        if (value.size() >= 2) CHECK(value[value.size() - 2] != '%');
        joined += value;
    }
    CHECK(joined.rfind("%D0%97%D0%B0", 0) == 0);  // "За": d0 97, d0 b0
}

TEST_CASE("the ASCII fallback name keeps letters, digits and the extension", "[mail]") {
    const Limits limits;
    CHECK(ascii_fallback("zapros-2024.pdf", limits) == "zapros-2024.pdf");
    CHECK(ascii_fallback("Запрос №1.pdf", limits) == "________1.pdf");  // one '_' per character
    const std::string cut = ascii_fallback(std::string(100, 'a') + ".pdf", limits);
    CHECK(cut.size() == limits.fallback_name);
    CHECK(cut.substr(cut.size() - 4) == ".pdf");
}
