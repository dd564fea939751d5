// image::decode on the files issue 16's target is about (three 2 MB scans in a letter rendered
// in 60 ms): a photographic JPEG and PNGs of about 2 MB each, made here from synthetic, noisy
// pixels (tests/image/image_files.cpp). Part of stages_bench (make bench).
#include <benchmark/benchmark.h>

#include <string>

#include "image/image.hpp"
#include "image/image_files.hpp"

namespace {

namespace ti = zapros::test_images;

// 3000 × 2000 RGB at quality 92: about 2 MB, as a phone photo or a colour scan.
const std::string& photo_jpeg() {
    static const std::string file = [] {
        ti::Jpeg j;
        j.width = 3000;
        j.height = 2000;
        j.components = 3;
        j.quality = 92;
        j.samples = ti::noisy_pixels(j.width, j.height, 3);
        return ti::jpeg(j);
    }();
    return file;
}

// Noisy PNGs of about 2 MB: colour_type 2 (RGB, 960 × 800) or 0 (gray, 1700 × 1400).
const std::string& noisy_png(int colour_type) {
    static std::string files[3];
    std::string& file = files[colour_type / 2];
    if (file.empty()) {
        ti::Png p;
        p.colour_type = colour_type;
        p.width = colour_type == 2 ? 960 : 1700;
        p.height = colour_type == 2 ? 800 : 1400;
        for (auto v : ti::noisy_pixels(p.width, p.height, ti::png_channels(colour_type))) p.samples.push_back(v);
        p.idat_size = 8192;
        file = ti::png(p);
    }
    return file;
}

void run(benchmark::State& state, const std::string& file) {
    for (auto _ : state) benchmark::DoNotOptimize(zapros::image::decode(file));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file.size()));
    state.counters["file_MB"] = double(file.size()) / 1e6;
}

void BM_DecodeJpeg(benchmark::State& state) { run(state, photo_jpeg()); }
BENCHMARK(BM_DecodeJpeg)->Unit(benchmark::kMillisecond);

void BM_DecodePng(benchmark::State& state) { run(state, noisy_png(static_cast<int>(state.range(0)))); }
BENCHMARK(BM_DecodePng)->Arg(2)->Arg(0)->Unit(benchmark::kMillisecond);

}  // namespace
