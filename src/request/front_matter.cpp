#include "request/front_matter.hpp"

#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace zapros::request {

namespace {

// A fence line: "---" (or "..." to close), trailing blanks allowed.
bool is_fence(std::string_view line, bool closing) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line == "---" || (closing && line == "...");
}

constexpr int max_depth = 64;

// Builds a YamlNode tree from yaml-cpp's events.
class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(const FrontMatter& fm, const Source& src, Diagnostics& diags)
        : fm_(fm), src_(src), diags_(diags) {}

    std::optional<YamlNode> result() { return std::move(root_); }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
        YamlNode n;
        n.pos = pos(mark);
        add(std::move(n));
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        diags_.error(pos(mark), "YAML aliases (*name) are not allowed in the front matter",
                     "write the value out where it is needed");
        YamlNode n;
        n.pos = pos(mark);
        n.reported = true;
        add(std::move(n));
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  const std::string& value) override {
        YamlNode n;
        n.kind = YamlNode::Kind::scalar;
        n.pos = pos(mark);
        n.value = value;
        n.plain = tag == "?";
        check_quote_closed(mark);
        add(std::move(n));
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        open(YamlNode::Kind::sequence, mark);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        open(YamlNode::Kind::mapping, mark);
    }
    void OnMapEnd() override { close(); }

    Pos pos(const YAML::Mark& mark) const {
        if (mark.line < 0) return {fm_.yaml_first_line, 1};  // yaml-cpp's null mark
        return src_.pos_from_byte_col(fm_.yaml_first_line + mark.line, mark.column + 1);
    }

private:
    void open(YamlNode::Kind kind, const YAML::Mark& mark) {
        YamlNode n;
        n.kind = kind;
        n.pos = pos(mark);
        stack_.push_back(std::move(n));
        if (static_cast<int>(stack_.size()) == max_depth + 1)
            diags_.error(pos(mark), "the front matter nests deeper than " + std::to_string(max_depth) + " levels");
    }

    void close() {
        YamlNode n = std::move(stack_.back());
        stack_.pop_back();
        add(std::move(n));
    }

    void add(YamlNode n) {
        if (stack_.empty()) {
            if (!root_) root_ = std::move(n);
            return;
        }
        if (static_cast<int>(stack_.size()) <= max_depth) stack_.back().items.push_back(std::move(n));
    }

    // yaml-cpp 0.7 accepts a quoted scalar that runs to the end of the input; the front matter
    // then swallows every later key silently. Find the closing quote ourselves.
    void check_quote_closed(const YAML::Mark& mark) {
        const std::size_t at = static_cast<std::size_t>(mark.pos);
        if (at >= fm_.yaml.size()) return;
        const char q = fm_.yaml[at];
        if (q != '"' && q != '\'') return;
        for (std::size_t i = at + 1; i < fm_.yaml.size(); ++i) {
            const char c = fm_.yaml[i];
            if (q == '"' && c == '\\') {
                ++i;
            } else if (c == q) {
                if (q == '\'' && i + 1 < fm_.yaml.size() && fm_.yaml[i + 1] == '\'') {
                    ++i;  // '' is an escaped quote
                    continue;
                }
                return;
            }
        }
        diags_.error(pos(mark), std::string("unclosed quote: the string opened here with ") + q +
                                    " runs to the end of the front matter",
                     std::string("close it with ") + q + " on the same line");
    }

    const FrontMatter& fm_;
    const Source& src_;
    Diagnostics& diags_;
    std::vector<YamlNode> stack_;
    std::optional<YamlNode> root_;
};

}  // namespace

std::optional<FrontMatter> split_front_matter(const Source& src, Diagnostics& diags) {
    const std::string expected =
        "a request starts with front matter: a line '---', YAML keys (title, to, …), and a line '---'";
    if (src.line_count() == 0 || src.text().empty()) {
        diags.error({1, 1}, "the file is empty; " + expected);
        return std::nullopt;
    }
    if (!is_fence(src.line(1), false)) {
        diags.error({1, 1}, "no front matter; " + expected,
                    "see requests/ for examples, or run 'zapros new NAME'");
        return std::nullopt;
    }
    for (int n = 2; n <= src.line_count(); ++n) {
        if (!is_fence(src.line(n), true)) continue;
        FrontMatter fm;
        fm.yaml_first_line = 2;
        fm.yaml = src.text().substr(src.line_offset(2), src.line_offset(n) - src.line_offset(2));
        fm.body_first_line = n + 1;
        fm.body = src.text().substr(src.line_offset(n + 1));
        return fm;
    }
    diags.error({1, 1}, "the front matter is not closed: no line '---' after the first one");
    return std::nullopt;
}

std::optional<YamlNode> parse_yaml(const FrontMatter& fm, const Source& src, Diagnostics& diags) {
    std::istringstream in{std::string(fm.yaml)};
    TreeBuilder builder(fm, src, diags);
    try {
        YAML::Parser parser(in);
        if (!parser.HandleNextDocument(builder)) return YamlNode{};  // empty front matter
        if (parser.HandleNextDocument(builder)) {
            diags.error({fm.yaml_first_line, 1}, "the front matter holds more than one YAML document");
            return std::nullopt;
        }
    } catch (const YAML::Exception& e) {
        diags.error(builder.pos(e.mark), "YAML syntax: " + e.msg);
        return std::nullopt;
    }
    auto root = builder.result();
    return root ? root : YamlNode{};
}

}  // namespace zapros::request
