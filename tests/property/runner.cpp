#include "runner.hpp"

namespace zapros::property {

Checked Runner::check(const Written& written, const std::string& stem) const {
    const std::string md = dir_ + "/" + stem + ".md";
    write_file(md, written.markdown);
    write_images(written, dir_);
    return render_and_check(md, written, true, stem);
}

Checked Runner::check_file(const std::string& markdown_path, const Written& written, const std::string& stem) const {
    return render_and_check(markdown_path, written, false, stem);
}

Checked Runner::render_and_check(const std::string& md, const Written& written, bool words, const std::string& stem) const {
    Checked c;
    const std::string pdf = dir_ + "/" + stem + ".pdf";
    const Outcome render = run_program({zapros_, "render", md, "-o", pdf}, dir_ + "/" + stem + ".out", 300);
    c.failures = check_render(render);
    if (render.status != 0 || render.timed_out) return c;
    std::string error;
    const auto pages = read_pdf(pdf, dir_ + "/" + stem + ".xml", error);
    if (!pages) {
        c.failures.push_back({Invariant::exit_status, "unreadable PDF", error});
        return c;
    }
    c.pages = static_cast<int>(pages->size());
    for (auto* check : {&check_zones, &check_overlaps}) {
        std::vector<Failure> f = check(*pages);
        c.failures.insert(c.failures.end(), f.begin(), f.end());
    }
    std::vector<Failure> more = check_notes(*pages, written);
    if (words) {
        std::vector<Failure> w = check_words(*pages, written);
        more.insert(more.end(), w.begin(), w.end());
    }
    if (words) {  // a request written by hand names images the checker does not know
        std::vector<Failure> images = check_images(*pages, written);
        more.insert(more.end(), images.begin(), images.end());
    }
    std::vector<Failure> notdef = check_notdef(*pages);
    more.insert(more.end(), notdef.begin(), notdef.end());
    c.failures.insert(c.failures.end(), more.begin(), more.end());
    return c;
}

}  // namespace zapros::property
