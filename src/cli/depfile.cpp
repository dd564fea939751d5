#include "cli/depfile.hpp"

namespace zapros::cli {

namespace {

// make's syntax: blanks, '#' and '\\' escaped with a backslash, '$' doubled.
std::string make_escaped(const std::string& path) {
    std::string out;
    for (char c : path) {
        if (c == ' ' || c == '#' || c == '\\') out += '\\';
        if (c == '$') out += '$';
        out += c;
    }
    return out;
}

}  // namespace

std::string depfile(const std::vector<std::string>& targets, const std::vector<std::string>& inputs) {
    std::string s;
    for (const std::string& t : targets) s += (s.empty() ? "" : " ") + make_escaped(t);
    s += ":";
    for (const std::string& in : inputs) s += " \\\n  " + make_escaped(in);
    s += "\n";
    for (const std::string& in : inputs) s += "\n" + make_escaped(in) + ":\n";
    return s;
}

std::vector<std::string> depfile_targets(std::string_view text) {
    std::vector<std::string> targets;
    std::string name;
    for (std::size_t i = 0; i < text.size() && text[i] != '\n'; ++i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') name += text[++i];
        else if (c == '$' && i + 1 < text.size() && text[i + 1] == '$') name += text[++i];
        else if (c == ' ' || c == ':') {
            if (!name.empty()) targets.push_back(std::move(name));
            name.clear();
            if (c == ':') return targets;
        } else name += c;
    }
    return {};  // no ':' on the first line: not a rule
}

}  // namespace zapros::cli
