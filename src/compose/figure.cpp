// A body image as a figure: loaded (image/ validates it), at its natural size scaled down to the
// width of its context and to a page with its caption, centred, the caption under it.
#include <algorithm>
#include <cmath>

#include "compose/composer.hpp"

namespace zapros::compose {

// The caption's lines estimated by filling them word by word (the line breaker may take one
// more, and the flow then shrinks the image to keep the figure on a page), each a leading tall.
Sp Composer::caption_height(const std::string& caption, Sp width) const {
    if (caption.empty() || width <= 0) return 0;
    const Sp space = text_width(" ", Face::serif, style_.caption_size);
    long lines = 1;
    Sp used = -space;
    for (std::size_t start = 0; start < caption.size();) {
        const std::size_t end = std::min(caption.find(' ', start), caption.size());
        const Sp w = text_width(std::string_view(caption).substr(start, end - start), Face::serif, style_.caption_size);
        if (used + space + w <= width) {
            used += space + w;
        } else {
            lines += used >= 0 ? 1 : 0;
            lines += (w - 1) / width;  // a word wider than a line breaks inside it
            used = w - (w - 1) / width * width;
        }
        start = end + 1;
    }
    return lines * style_.caption_leading + style_.caption_gap;
}

void Composer::figure(const request::Block& b, const Context& ctx, std::vector<Block>& out) {
    Figure f;
    f.pos = b.image.file.pos;
    try {
        f.image = images_.load(b.image.path);
    } catch (const image::ImageError& e) {
        diags_.error(f.pos, "image '" + b.image.file.value + "': " + e.what());
        return;
    }
    std::string caption = b.info;
    std::replace(caption.begin(), caption.end(), '\n', ' ');
    f.left = ctx.left;
    f.right = ctx.right;
    f.alt = b.text;
    f.space_before = style_.figure_before;
    f.space_after = style_.figure_after;

    // Scaled down, never up, so that the figure and its caption fit the context's width and
    // one page.
    const image::Image& im = images_.get(f.image);
    const Sp natural_w = std::max<Sp>(im.natural_width(), 1), natural_h = std::max<Sp>(im.natural_height(), 1);
    const Sp width = style_.measure() - ctx.left - ctx.right;
    const Sp height = style_.text_height() - caption_height(caption, width) - f.space_before - f.space_after;
    if (height < std::min(natural_h, style_.figure_min_height)) {
        diags_.error(f.pos, "image '" + b.image.file.value + "': its caption leaves it less than " +
                                std::to_string(static_cast<long>(to_pt(style_.figure_min_height))) + " pt of a page",
                     "shorten the caption (the image's title), or put the long text in a paragraph");
        return;
    }
    const double scale = std::min({1.0, static_cast<double>(width) / static_cast<double>(natural_w),
                                   static_cast<double>(height) / static_cast<double>(natural_h)});  // height >= 1: checked above
    f.width = std::max<Sp>(round_to_sp(static_cast<double>(natural_w) * scale), 1);
    f.height = std::max<Sp>(round_to_sp(static_cast<double>(natural_h) * scale), 1);

    if (!caption.empty()) {
        Context c = ctx;
        c.size = style_.caption_size;
        c.leading = style_.caption_leading;
        c.parindent = 0;
        Paragraph p = paragraph({}, c, f.pos);
        p.align = Align::center;
        p.spans.push_back(Span{.text = std::move(caption), .face = Face::serif, .size = style_.caption_size, .pos = f.pos});
        f.caption.push_back(std::move(p));
    }
    // The caption is a P after the Figure, not a Caption inside it: a reader speaks a Figure's
    // /Alt instead of its kids, and would skip the caption.
    f.tag = tags_->figure(f.alt, ctx.parent);
    if (!f.caption.empty()) tags_->block(f.caption.front(), Role::p, ctx.parent);
    out.emplace_back(std::in_place_type<Figure>, std::move(f));
}

}  // namespace zapros::compose
