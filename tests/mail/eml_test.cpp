// write_eml read back by Python's email package and by mu: what goes in comes out.
#include <catch2/catch.hpp>

#include <algorithm>

#include "base/sha256.hpp"
#include "mail/draft.hpp"
#include "mail/eml_support.hpp"
#include "support.hpp"

using namespace zapros;
using mail::Draft;
using test::Json;

namespace {

// A PDF-like attachment: every byte value, so that base64 meets each one.
std::string all_bytes() {
    std::string s = "%PDF-1.7\n";
    for (int k = 0; k < 3; ++k)
        for (int i = 0; i < 256; ++i) s += static_cast<char>(i);
    return s;
}

Draft sample() {
    Draft d;
    d.from = mail::Mailbox{"Иванов Иван Иванович", "ivanov@example.org"};
    d.to = {{"Министерство юстиции Российской Федерации", "info@minjust.ru"},
            {"Press Office", "press@example.org"},
            {"", "plain@example.org"}};
    d.subject = "Запрос информации о количестве обращений граждан за 2023 год (повторный)";
    d.date = 1796040000;  // date -u -d '2026-11-30 12:00:00' +%s
    d.text = "Здравствуйте!\n\nНаправляем запрос = «информации».\nСтрока с пробелом в конце \n" +
             std::string(200, 'x') + "\n";
    d.attachments.push_back({"Запрос в Министерство юстиции Российской Федерации.pdf", "application/pdf", all_bytes()});
    return d;
}

std::filesystem::path written(const Draft& d, const std::string& name) {
    const auto dir = test::temp_dir(name);
    const auto path = dir / "draft.eml";
    test::write(path, mail::write_eml(d));
    return path;
}

}  // namespace

TEST_CASE("an e-mail draft read back by Python's email package: headers, body and attachment as given",
          "[mail]") {
    const Draft d = sample();
    const std::string eml = mail::write_eml(d);
    test::check_lines(eml);
    const Json j = test::read_eml(written(d, "eml-python"));
    CHECK(j["from"].a.at(0)["name"].s == d.from->name);
    CHECK(j["from"].a.at(0)["address"].s == d.from->address);
    REQUIRE(j["to"].a.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(j["to"].a[i]["name"].s == d.to[i].name);
        CHECK(j["to"].a[i]["address"].s == d.to[i].address);
    }
    CHECK(j["subject"].s == d.subject);
    CHECK(j["date"].s == "2026-11-30T12:00:00+00:00");
    CHECK(j["unsent"].s == "1");
    CHECK(j["multipart"].s == "multipart/mixed");
    CHECK(j["text"].s == d.text);
    REQUIRE(j["attachments"].a.size() == 1);
    const Json& a = j["attachments"].a[0];
    CHECK(a["filename"].s == d.attachments[0].filename);
    CHECK(a["content_type"].s == "application/pdf");
    CHECK(a["sha256"].s == sha256_hex(d.attachments[0].bytes));
    // <32 hex digits@zapros.invalid>: RFC 2606 reserves .invalid, so it names no real host.
    const std::string& id = j["message_id"].s;
    REQUIRE(id.size() == 1 + 32 + 15 + 1);
    CHECK(id.substr(33) == "@zapros.invalid>");
}

TEST_CASE("an e-mail draft opened by mu (GMime): subject, names and the attachment's bytes", "[mail]") {
    const Draft d = sample();
    const auto path = written(d, "eml-mu");
    const std::string view = test::mu_view(path);
    CHECK(view.find("Subject: " + d.subject) != std::string::npos);
    CHECK(view.find("Иванов Иван Иванович") != std::string::npos);
    CHECK(view.find("Министерство юстиции Российской Федерации") != std::string::npos);
    CHECK(view.find("Направляем запрос = «информации».") != std::string::npos);
    const auto out = path.parent_path() / "out";
    std::filesystem::create_directories(out);
    test::mu_extract(path, out);
    // mu saves the attachment under its decoded name, a space written as '-' (as mu 1.8 does).
    std::string saved = d.attachments[0].filename;
    std::replace(saved.begin(), saved.end(), ' ', '-');
    CHECK(test::read(out / saved) == d.attachments[0].bytes);
}

TEST_CASE("an e-mail draft is the same bytes each time; another content, another Message-ID and boundary",
          "[mail]") {
    const Draft d = sample();
    CHECK(mail::write_eml(d) == mail::write_eml(sample()));
    Draft other = sample();
    other.attachments[0].bytes += "x";
    const std::string a = mail::write_eml(d), b = mail::write_eml(other);
    auto field = [](const std::string& eml, const std::string& head) {
        const std::size_t at = eml.find(head);
        return eml.substr(at, eml.find("\r\n", at) - at);
    };
    CHECK(field(a, "Message-ID:") != field(b, "Message-ID:"));
    CHECK(field(a, "boundary=") != field(b, "boundary="));
}

TEST_CASE("an e-mail draft without a date has no Date header, without a sender no From", "[mail]") {
    Draft d = sample();
    d.date.reset();
    d.from.reset();
    const std::string eml = mail::write_eml(d);
    CHECK(eml.find("\r\nDate:") == std::string::npos);
    CHECK(eml.rfind("Date:", 0) == std::string::npos);
    CHECK(eml.find("From:") == std::string::npos);
    CHECK(eml.find("\r\nX-Unsent: 1\r\n") != std::string::npos);
    CHECK(eml.find("\r\nMIME-Version: 1.0\r\n") != std::string::npos);
    const Json j = test::read_eml(written(d, "eml-undated"));
    CHECK(j["date"].kind == Json::Kind::null);
    CHECK(j["subject"].s == d.subject);
}

TEST_CASE("the boundary opens with \"=_\", which no quoted-printable or base64 part can hold", "[mail]") {
    // Text and attachment full of what a boundary is made of: only the real delimiters delimit.
    Draft d = sample();
    d.text = "--=_zapros_\n=_=_\n--\n";
    d.attachments[0].bytes = "--=_zapros_0123456789abcdef\r\n";
    const std::string eml = mail::write_eml(d);
    const std::size_t at = eml.find("boundary=\"") + 10;
    const std::string boundary = eml.substr(at, eml.find('"', at) - at);
    REQUIRE(boundary.rfind("=_", 0) == 0);
    // The text part, the attachment, the closing delimiter.
    CHECK(test::occurrences(eml, "--" + boundary) == 3);
    const Json j = test::read_eml(written(d, "eml-boundary"));
    CHECK(j["text"].s == d.text);
    CHECK(j["attachments"].a.at(0)["sha256"].s == sha256_hex(d.attachments[0].bytes));
}

TEST_CASE("a long subject is folded and still reads back whole", "[mail]") {
    Draft d = sample();
    d.subject.clear();
    for (int i = 0; i < 8; ++i) d.subject += "О предоставлении информации по вопросу номер " + std::to_string(i) + "; ";
    d.subject += "and an ASCII tail";
    const std::string eml = mail::write_eml(d);
    test::check_lines(eml);
    const std::size_t at = eml.find("Subject:");
    CHECK(test::occurrences(eml.substr(at, eml.find("Message-ID:") - at), "\r\n ") > 3);  // folded
    CHECK(test::read_eml(written(d, "eml-long-subject"))["subject"].s == d.subject);
}

TEST_CASE("a draft the writer cannot express is refused, not written broken", "[mail]") {
    Draft d = sample();
    d.to[0].address = "x@example.org>\r\nBcc: y@example.org";
    CHECK_THROWS_AS(mail::write_eml(d), mail::BadDraft);
    d = sample();
    d.attachments[0].content_type = "application/pdf\r\nX-Evil: 1";
    CHECK_THROWS_AS(mail::write_eml(d), mail::BadDraft);
}
