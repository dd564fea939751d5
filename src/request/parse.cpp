#include "request/parse.hpp"

#include <filesystem>

#include "request/body.hpp"
#include "request/front_matter.hpp"
#include "request/quote_depth.hpp"
#include "request/source.hpp"
#include "request/table_rows.hpp"

namespace zapros::request {

std::optional<Request> parse(std::string_view file, std::string_view bytes, Diagnostics& diags,
                             const Options& options) {
    if (bytes.size() > max_input_bytes) {
        diags.error({}, "the file has " + std::to_string(bytes.size()) + " bytes; a request may have at most " +
                            std::to_string(max_input_bytes >> 20) + " MiB (" + std::to_string(max_input_bytes) + " bytes)");
        return std::nullopt;
    }
    const auto src = Source::load(bytes, diags);
    if (!src) return std::nullopt;
    const auto fm = split_front_matter(*src, diags);
    if (!fm) return std::nullopt;

    Request req;
    req.file = std::string(file);
    const FileAccess access(std::filesystem::path(file).parent_path(), options.allowed_dirs);
    if (const auto root = parse_yaml(*fm, *src, diags)) req.meta = read_meta(*root, access, req.reads, diags);
    if (options.pdf_standard) req.meta.pdf_standard = *options.pdf_standard;
    if (!table_rows_fit(fm->body, fm->body_first_line, diags)) return std::nullopt;
    if (!quotes_fit(fm->body, fm->body_first_line, diags)) return std::nullopt;
    Body body = read_body(fm->body, fm->body_first_line, *src, access, diags);
    req.blocks = std::move(body.blocks);
    req.notes = std::move(body.notes);
    req.reads.insert(req.reads.end(), body.reads.begin(), body.reads.end());
    if (req.blocks.empty())
        diags.warning({fm->body_first_line, 1}, "the request has no text: only its requisites and signature will print");
    if (diags.has_errors()) return std::nullopt;
    return req;
}

}  // namespace zapros::request
