#include "request/parse.hpp"

#include <filesystem>

#include "request/body.hpp"
#include "request/front_matter.hpp"
#include "request/source.hpp"

namespace zapros::request {

std::optional<Request> parse(std::string_view file, std::string_view bytes, Diagnostics& diags) {
    if (bytes.size() > max_input_bytes) {
        diags.error({}, "the file is " + std::to_string(bytes.size() >> 20) + " MiB; the limit is " +
                            std::to_string(max_input_bytes >> 20) + " MiB");
        return std::nullopt;
    }
    const auto src = Source::load(bytes, diags);
    if (!src) return std::nullopt;
    const auto fm = split_front_matter(*src, diags);
    if (!fm) return std::nullopt;

    Request req;
    req.file = std::string(file);
    if (const auto root = parse_yaml(*fm, *src, diags)) req.meta = read_meta(*root, diags);
    const std::filesystem::path dir = std::filesystem::path(file).parent_path();
    Body body = read_body(fm->body, fm->body_first_line, *src, dir, diags);
    req.blocks = std::move(body.blocks);
    req.notes = std::move(body.notes);
    if (diags.has_errors()) return std::nullopt;
    return req;
}

}  // namespace zapros::request
