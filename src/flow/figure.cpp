// A figure as one frame: the image centred between its indents, the caption's lines under it.
// The frame's origin is the caption's first baseline (the image's foot when there is none), so
// that the text after it keeps its baseline distance from the caption.
#include <algorithm>

#include "flow/frames.hpp"

namespace zapros::flow {

para::Line Frames::figure(const compose::Figure& f) const {
    const Sp width = style.measure() - f.left - f.right;
    para::Line caption;
    if (!f.caption.empty()) caption = column(f.caption, style.measure(), 0);
    const Sp below = f.caption.empty() ? 0 : style.caption_gap + caption.height;
    // The compose stage estimated the caption's lines; when the line breaker took more, the
    // image shrinks (aspect kept) so that the figure still fits a page.
    Sp w = f.width, h = f.height;
    const Sp room = style.text_height() - below - caption.depth;
    if (h > room && room > 0) {
        w = std::max<Sp>(round_to_sp(static_cast<double>(w) * static_cast<double>(room) / static_cast<double>(h)), 1);
        h = room;
    }
    para::Line frame;
    frame.height = h + below;
    frame.images.push_back(para::ImageBox{.x = f.left + (width - w) / 2, .y = -frame.height, .width = w, .height = h,
                                          .image = f.image, .alt = f.alt, .tag = f.tag});
    para::append(frame, caption, 0, 0);
    frame.depth = caption.depth;
    frame.width = style.measure();
    return frame;
}

}  // namespace zapros::flow
