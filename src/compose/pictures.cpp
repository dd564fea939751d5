// Images in the letter's parts: the logo, signature scans and the seal, each scaled from its
// natural size into the room its part gives it.
#include <algorithm>

#include "compose/composer.hpp"
#include "compose/labels.hpp"

namespace zapros::compose {

std::optional<Figure> Composer::picture(const request::ImageRef& ref, Sp max_width, Sp max_height, bool fill) const {
    image::ImageId id = -1;
    try {
        id = images_.load(ref.path);
    } catch (const image::ImageError& e) {
        diags_.error(ref.file.pos, "image '" + ref.file.value + "': " + e.what());
        return std::nullopt;
    }
    const image::Image& im = images_.get(id);
    const double w = static_cast<double>(im.natural_width()), h = static_cast<double>(im.natural_height());
    if (w <= 0 || h <= 0) {
        diags_.error(ref.file.pos, "image '" + ref.file.value + "': it has no pixels");
        return std::nullopt;
    }
    double scale = static_cast<double>(max_height) / h;
    if (!fill) scale = std::min(scale, 1.0);
    scale = std::min(scale, static_cast<double>(max_width) / w);
    Figure f;
    f.image = id;
    f.width = round_to_sp(w * scale);
    f.height = round_to_sp(h * scale);
    f.floating = false;
    f.pos = ref.file.pos;
    return f;
}

void Composer::signature_images(std::vector<SignatureRow>& rows) const {
    const request::Meta& meta = req_.meta;
    for (std::size_t i = 0; i < rows.size() && i < meta.signatures.size(); ++i) {
        const request::Signature& sig = meta.signatures[i];
        if (!sig.image) continue;
        // About 15 mm tall as a hand signs, narrower than the line it is signed on.
        rows[i].scan = picture(*sig.image, style_.signature_line, style_.scan_height, true);
        if (rows[i].scan) rows[i].scan->alt = picture_alt(labels(meta.lang).signature, sig.name.value);
    }
    if (!meta.stamp) return;
    const request::Stamp& stamp = *meta.stamp;
    if (stamp.signature < 1 || static_cast<std::size_t>(stamp.signature) > rows.size()) {
        diags_.error(stamp.pos, "the stamp is for signature " + std::to_string(stamp.signature) + ", and the letter has " +
                                    std::to_string(rows.size()) + (rows.size() == 1 ? " signature" : " signatures"));
        return;
    }
    std::optional<Figure>& seal = rows[static_cast<std::size_t>(stamp.signature) - 1].stamp;
    seal = picture(stamp.image, style_.stamp_max, style_.stamp_max, false);
    if (seal) seal->alt = std::string(labels(meta.lang).stamp);
}

}  // namespace zapros::compose
