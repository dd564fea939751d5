// The transfer encodings and the date, against the RFCs' own examples and GNU date.
#include <catch2/catch.hpp>

#include "mail/encode.hpp"

using namespace zapros::mail;

TEST_CASE("base64 gives the test vectors of RFC 4648 section 10", "[mail]") {
    CHECK(base64("") == "");
    CHECK(base64("f") == "Zg==");
    CHECK(base64("fo") == "Zm8=");
    CHECK(base64("foo") == "Zm9v");
    CHECK(base64("foob") == "Zm9vYg==");
    CHECK(base64("fooba") == "Zm9vYmE=");
    CHECK(base64("foobar") == "Zm9vYmFy");
    CHECK(base64("Запрос") == "0JfQsNC/0YDQvtGB");  // coreutils: printf 'Запрос' | base64
}

TEST_CASE("base64 of an attachment is cut in lines of 76 characters, each ending in CRLF", "[mail]") {
    // 100 bytes: 136 characters (ceil(100 / 3) * 4), so one full line of 76 and one of 60.
    const std::string b = base64_lines(std::string(100, 'x'), 76);
    const std::size_t first = b.find("\r\n");
    REQUIRE(first == 76);
    CHECK(b.size() == 136 + 2 * 2);
    CHECK(b.substr(first + 2).size() == 60 + 2);
    CHECK(b.substr(b.size() - 2) == "\r\n");
}

TEST_CASE("quoted-printable escapes '=', non-ASCII bytes and a line's last space", "[mail]") {
    CHECK(quoted_printable("a=b\n", 76) == "a=3Db\r\n");
    CHECK(quoted_printable("й\n", 76) == "=D0=B9\r\n");  // UTF-8 d0 b9
    // §6.7 (3): white space may not end an encoded line, it would be lost in transport.
    CHECK(quoted_printable("end \nnext\t\n", 76) == "end=20\r\nnext=09\r\n");
    CHECK(quoted_printable("a b", 76) == "a b");
    // A CRLF in the text is one line end, not an escaped CR.
    CHECK(quoted_printable("x\r\ny", 76) == "x\r\ny");
    CHECK(quoted_printable("x\ry", 76) == "x=0Dy");
}

TEST_CASE("quoted-printable keeps lines within 76 characters by soft breaks, never splitting an escape", "[mail]") {
    std::string text;
    for (int i = 0; i < 60; ++i) text += "Запрос = ";
    text += "\n";
    const std::string qp = quoted_printable(text, 76);
    std::size_t lines = 0;
    for (std::size_t at = 0; at < qp.size();) {
        const std::size_t end = qp.find("\r\n", at);
        REQUIRE(end != std::string::npos);
        const std::string line = qp.substr(at, end - at);
        CHECK(line.size() <= 76);
        // A soft break is a final '='; an escape "=XX" is never cut by it.
        if (line.size() >= 2) CHECK(line[line.size() - 2] != '=');
        at = end + 2;
        ++lines;
    }
    CHECK(lines > 1);
    CHECK(qp.find("=_") == std::string::npos);
}

TEST_CASE("quoted-printable's last piece on a line may use the column a soft break would need", "[mail]") {
    // 76 letters: exactly one line, no soft break; 77: a break after 75 and "=" in column 76.
    CHECK(quoted_printable(std::string(76, 'a') + "\n", 76) == std::string(76, 'a') + "\r\n");
    CHECK(quoted_printable(std::string(77, 'a') + "\n", 76) == std::string(75, 'a') + "=\r\naa\r\n");
}

TEST_CASE("the date is written as RFC 5322 section 3.3 has it, as date -R writes it", "[mail]") {
    // The expected strings from GNU date: date -u -R -d @SECONDS.
    CHECK(rfc5322_date(0) == "Thu, 01 Jan 1970 00:00:00 +0000");
    CHECK(rfc5322_date(951782400) == "Tue, 29 Feb 2000 00:00:00 +0000");
    CHECK(rfc5322_date(1796040000) == "Mon, 30 Nov 2026 12:00:00 +0000");
    CHECK(rfc5322_date(-1) == "Wed, 31 Dec 1969 23:59:59 +0000");
}
