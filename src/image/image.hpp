#pragma once
// image/: PNG and JPEG as data (DESIGN "Growing the house"). A file is validated here, before
// anything else sees it (libharu aborts the process on a corrupt PNG), and becomes a plain
// value: its size for layout, and the bytes output/ embeds, passed through where the format
// allows (a JPEG's DCT data, a PNG's IDAT with the PNG predictor) and decoded otherwise.
// libpng and libjpeg stay inside this directory.
#include <cstdint>
#include <exception>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/units.hpp"

namespace zapros::image {

// What is wrong with an image, without where it is named: the caller positions it.
struct ImageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Limits {
    std::uint64_t max_pixels = 100'000'000;   // width × height: an oversized image is refused
    // The pixels of a document's decoded images together (Encoding::raw: 16-bit, interlaced,
    // alpha, CMYK), each kept until the PDF is written (4 to 8 bytes), and a 389 KB PNG can hold
    // 100 megapixels; images passed through keep only their compressed bytes and do not count.
    std::uint64_t max_document_pixels = 300'000'000;
    std::uintmax_t max_file_bytes = 64u << 20;
    double default_dpi = 150;                 // when the file gives none (or an absurd one)
    double min_dpi = 10, max_dpi = 10'000;    // outside this a stated resolution is ignored
    int max_jpeg_scans = 100;                 // a progressive JPEG's scans (libjpeg-turbo's djpeg
                                              // -maxscans): each costs a pass over the image
};

// The colour space the PDF draws the samples in (a CMYK JPEG is converted to RGB).
enum class Colour { gray, rgb, indexed };

enum class Encoding {
    dct,       // a JPEG's bytes as they are: /DCTDecode
    png_idat,  // a PNG's IDAT data as it is: /FlateDecode, /DecodeParms << /Predictor 15 … >>
    raw,       // decoded samples, row by row without padding; output/ compresses them
};

struct Image {
    int width = 0, height = 0;   // pixels as stored
    double dpi_x = 150, dpi_y = 150;
    int orientation = 1;         // EXIF 1–8: how the stored pixels turn for display (1: as stored)
    Colour colour = Colour::rgb;
    int bits = 8;                // per component, as in `data`
    std::string palette;         // indexed: RGB triples, at most 256
    Encoding encoding = Encoding::raw;
    std::string data;            // the samples' stream as encoding says
    std::string alpha;           // 8-bit alpha, width × height raw samples; empty when opaque

    int components() const { return colour == Colour::rgb ? 3 : 1; }
    bool turned() const { return orientation >= 5; }  // orientations 5–8 swap width and height
    // The natural size as displayed: the pixels at their resolution, turned.
    Sp natural_width() const;
    Sp natural_height() const;
};

// Validates an image's bytes, PNG or JPEG by their signature, and prepares them for the PDF.
// Throws ImageError naming the problem ("truncated PNG", "100000 × 100000 pixels, more than …").
Image decode(std::string_view bytes, const Limits& limits = {});

using ImageId = int;

// The images of one document, each file read and decoded once.
class Images {
public:
    explicit Images(Limits limits = {}) : limits_(limits) {}
    // Reads and decodes a file; its id. Throws ImageError ("cannot read …", or decode's).
    ImageId load(const std::filesystem::path& path);
    // Reads and decodes files ahead of their load(), on up to `threads` threads at once (the
    // caller's among them). load() then takes a file's image, or rethrows its error, each time
    // it is asked for: ids are still given in load() order, so neither they nor the PDF depend
    // on which thread finished first. A file never load()ed costs its decoding only.
    void preload(const std::vector<std::filesystem::path>& paths, unsigned threads);
    // Adds an image made elsewhere (output/'s tests build them by hand); its id.
    ImageId add(Image image, std::filesystem::path path = {}) {
        images_.push_back(std::move(image));
        paths_.push_back(std::move(path));
        return static_cast<ImageId>(images_.size() - 1);
    }
    const Image& get(ImageId id) const { return images_.at(static_cast<std::size_t>(id)); }
    std::size_t size() const { return images_.size(); }
    const std::vector<std::filesystem::path>& paths() const { return paths_; }

private:
    struct Preloaded {
        std::filesystem::path path;
        Image image;
        std::exception_ptr error;  // set instead of image when decoding failed
        bool done = false;         // decoded (or failed); not when the pixel budget stopped preloading
    };
    Limits limits_;
    std::vector<Image> images_;
    std::vector<std::filesystem::path> paths_;
    // By path, so that a request naming thousands of files costs a lookup each, not a scan.
    std::map<std::filesystem::path, ImageId> ids_;           // the files load()ed
    std::map<std::filesystem::path, Preloaded> preloaded_;  // not yet load()ed
    std::uint64_t pixels_ = 0;          // decoded, of the images load()ed
    bool over_budget_ = false;          // an image was refused for the budget: later ones are too, undecoded
};

}  // namespace zapros::image
