#include <algorithm>
#include <atomic>
#include <iterator>
#include <set>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "base/files.hpp"
#include "image/image.hpp"

namespace zapros::image {

namespace {

// What an image keeps decoded until the PDF is written; nothing for one passed through.
std::uint64_t decoded_pixels(const Image& im) {
    return im.encoding == Encoding::raw ? std::uint64_t(im.width) * std::uint64_t(im.height) : 0;
}

Sp length_at(int pixels, double dpi) { return round_to_sp(pixels * 72.0 / dpi * sp_per_pt); }

Image read_image(const std::filesystem::path& path, const Limits& limits) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) throw ImageError("cannot read it: " + ec.message());
    if (size > limits.max_file_bytes)
        throw ImageError("the file has " + std::to_string(size) + " bytes, more than the " +
                         std::to_string(limits.max_file_bytes) + " an image may have");
    // Mapped, not copied: decode keeps only what the PDF embeds.
    FileBytes bytes;
    try {
        bytes = FileBytes::map(path);
    } catch (const IoError& e) {
        throw ImageError(e.what());
    }
    return decode(bytes.view(), limits);
}

}  // namespace

Sp Image::natural_width() const { return turned() ? length_at(height, dpi_y) : length_at(width, dpi_x); }
Sp Image::natural_height() const { return turned() ? length_at(width, dpi_x) : length_at(height, dpi_y); }

ImageId Images::load(const std::filesystem::path& path) {
    if (const auto known = ids_.find(path); known != ids_.end()) return known->second;
    const auto refuse = [this](std::uint64_t total) {
        over_budget_ = true;
        throw ImageError("with it the document's decoded images would have " + std::to_string((total + 999'999) / 1'000'000) +
                         " megapixels together, more than the " + std::to_string(limits_.max_document_pixels / 1'000'000) +
                         " a document may have");
    };
    // The document fails already: a later image is not decoded only to be refused (30 copies of a
    // 33 KB interlaced PNG of 100 megapixels took 11 s).
    if (over_budget_) refuse(pixels_ + 1);
    const auto ahead = preloaded_.find(path);
    Image image;
    if (ahead == preloaded_.end()) {
        image = read_image(path, limits_);
    } else {
        if (ahead->second.error) std::rethrow_exception(ahead->second.error);  // kept: asked again, it fails again
        image = std::move(ahead->second.image);
        preloaded_.erase(ahead);
    }
    // Counted in load() order, so that the same image is refused whichever thread decoded first.
    const std::uint64_t pixels = decoded_pixels(image);
    if (pixels_ + pixels > limits_.max_document_pixels) refuse(pixels_ + pixels);
    pixels_ += pixels;
    images_.push_back(std::move(image));
    paths_.push_back(path);
    const auto id = static_cast<ImageId>(images_.size() - 1);
    ids_.emplace(path, id);
    return id;
}

void Images::preload(const std::vector<std::filesystem::path>& paths, unsigned threads) {
    std::vector<Preloaded> todo;  // each file once, and none decoded already
    std::set<std::filesystem::path> taken;
    for (const auto& path : paths)
        if (!ids_.contains(path) && !preloaded_.contains(path) && taken.insert(path).second) todo.push_back({path, {}, nullptr});
    // The biggest files first (longest processing time first): three scans on two cores finish
    // when the last one does, and a big one started last would keep a core alone at the end.
    std::vector<std::pair<std::uintmax_t, std::size_t>> order;
    for (std::size_t i = 0; i < todo.size(); ++i) {
        std::error_code ec;
        const std::uintmax_t size = std::filesystem::file_size(todo[i].path, ec);
        order.emplace_back(ec ? 0 : size, i);
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::atomic<std::size_t> next{0};
    std::atomic<std::uint64_t> decoded{pixels_};  // memory: decoding stops past the document's budget
    const auto work = [&] {
        for (std::size_t k; (k = next++) < order.size();) {
            const std::size_t i = order[k].second;
            if (decoded.load() > limits_.max_document_pixels) continue;  // left to load(), which refuses it
            try {
                todo[i].image = read_image(todo[i].path, limits_);
                decoded += decoded_pixels(todo[i].image);
            } catch (...) {  // kept for load(): an exception leaving a thread would end in std::terminate
                todo[i].error = std::current_exception();
            }
            todo[i].done = true;
        }
    };
    {
        std::vector<std::jthread> helpers;
        for (std::size_t t = 1; t < std::min<std::size_t>(threads, todo.size()); ++t) try {
                helpers.emplace_back(work);
            } catch (const std::system_error&) {  // no thread to be had: fewer do the work
                break;
            }
        work();
    }
    for (Preloaded& p : todo)
        if (p.done) {
            auto key = p.path;
            preloaded_.emplace(std::move(key), std::move(p));
        }
}

}  // namespace zapros::image
