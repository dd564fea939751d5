// The official letter's parts written as front matter (issue 16), each part's words a stream of
// its own: the PDF must show them, in order within the part.
#include "markdown.hpp"

namespace zapros::property {

std::string image_file(const Sample& sample, int p, Drawn::Role role, const std::string& image_dir, Written& written,
                       const std::string& caption) {
    Drawn d;
    d.role = role;
    d.file = image_dir + "p" + std::to_string(p) + ".png";
    d.picture = sample.pictures[static_cast<std::size_t>(p)];
    d.caption = letters_of(caption);
    d.centered = role == Drawn::Role::logo && sample.parts.centered;
    written.images.push_back(d);
    return d.file;
}

std::string letter_parts_yaml(const Sample& sample, const std::string& image_dir, Written& written) {
    const LetterParts& lp = sample.parts;
    std::string y;
    auto stream = [&](const std::string& name, const std::vector<std::string>& texts) {
        Stream s{name, {}};
        for (const std::string& t : texts) add_words(s, t);
        written.streams.push_back(std::move(s));
    };
    if (!lp.letterhead.empty()) {
        y += "letterhead:\n  name: " + yaml_string(lp.letterhead) + "\n";
        std::vector<std::string> texts(lp.letterhead.begin(), lp.letterhead.end());
        if (!lp.letterhead_lines.empty()) y += "  lines:\n";
        for (const Words& line : lp.letterhead_lines) {
            y += "    - " + yaml_string(line) + "\n";
            texts.insert(texts.end(), line.begin(), line.end());
        }
        if (lp.centered) y += "  layout: centered\n";
        if (lp.logo >= 0) y += "  logo: " + image_file(sample, lp.logo, Drawn::Role::logo, image_dir, written) + "\n";
        stream("letterhead", texts);
    }
    if (!lp.number.empty()) {
        y += "number: " + yaml_string({lp.number}) + "\n";
        stream("number", {lp.number});
    }
    if (!lp.reply_number.empty()) {
        y += "reply-to:\n  number: " + yaml_string({lp.reply_number}) + "\n";
        if (!lp.reply_date.empty()) y += "  date: " + lp.reply_date + "\n";
        stream("reply-to", {lp.reply_number});
    }
    if (!lp.opening.empty()) {
        y += "opening: " + yaml_string(lp.opening) + "\n";
        stream("opening", lp.opening);
    }
    if (!lp.closing.empty()) {
        y += "closing: " + yaml_string(lp.closing) + "\n";
        stream("closing", lp.closing);
    }
    if (!lp.enclosures.empty()) {
        y += "enclosures:\n";
        std::vector<std::string> texts;
        for (const LetterParts::Enclosure& e : lp.enclosures) {
            y += "  - title: " + yaml_string(e.title) + "\n";
            texts.insert(texts.end(), e.title.begin(), e.title.end());
            if (e.sheets > 0) y += "    sheets: " + std::to_string(e.sheets) + "\n";
            if (e.copies > 0) y += "    copies: " + std::to_string(e.copies) + "\n";
        }
        stream("enclosures", texts);
    }
    if (lp.stamp >= 0 && !sample.signatures.empty())
        y += "stamp:\n  image: " + image_file(sample, lp.stamp, Drawn::Role::stamp, image_dir, written) +
             "\n  signature: " + std::to_string(std::min<int>(lp.stamp_signature, static_cast<int>(sample.signatures.size()))) + "\n";
    if (!lp.executor.empty()) {
        y += "executor:\n  name: " + yaml_string(lp.executor) + "\n";
        std::vector<std::string> texts(lp.executor.begin(), lp.executor.end());
        if (!lp.executor_phone.empty()) y += "  phone: " + yaml_string({lp.executor_phone}) + "\n", texts.push_back(lp.executor_phone);
        if (!lp.executor_email.empty()) y += "  email: " + yaml_string({lp.executor_email}) + "\n", texts.push_back(lp.executor_email);
        stream("executor", texts);
    }
    if (!lp.paper.empty()) y += "paper: " + lp.paper + "\n";
    if (lp.font_size > 0) y += "font-size: " + std::to_string(lp.font_size) + "\n";
    return y;
}

}  // namespace zapros::property
