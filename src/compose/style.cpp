#include "compose/letter.hpp"

namespace zapros::compose {

Style style_for(const request::Meta& meta) {
    Style s;
    if (meta.paper == request::Paper::letter) {  // US Letter, 8.5 × 11 in; GOST's margins all the same
        s.page_width = mm(215.9);
        s.page_height = mm(279.4);
    }
    // The text's size sets the body, the title and the headings; the requisites follow the body
    // at their own single spacing (14 on 12). Notes, the sender, tables, code and captions keep
    // their smaller sizes: they are not the text GOST sizes.
    const Sp size = pt(meta.font_size);
    s.body_size = size;
    s.body_leading = size * 5 / 4;
    s.addressee_leading = size * 7 / 6;
    s.title_size = size;
    s.heading1_size = size + pt(1);
    s.heading_size = size;
    return s;
}

}  // namespace zapros::compose
