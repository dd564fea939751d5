// Google Benchmark micro-benchmarks of the hot stages, on the Russian model request and on
// generated long ones (one paragraph again and again, a note every third): parse, compose, build items,
// linebreak, flow (sets every paragraph), paginate, write the PDF, pack its objects; and libdeflate and zlib at
// each level on the streams of a real PDF (why output/ picks libdeflate level 1). Run by `make bench`.
#include <benchmark/benchmark.h>
#include <libdeflate.h>
#include <zlib.h>

#include <cstring>

#include "base/files.hpp"
#include "cli/pipeline.hpp"
#include "compose/letter.hpp"
#include "flow/flow.hpp"
#include "output/internals.hpp"
#include "output/pack.hpp"
#include "output/unpacked.hpp"
#include "page/paginate.hpp"
#include "para/typeset.hpp"
#include "request/parse.hpp"

namespace {

using namespace zapros;

const std::string source = ZAPROS_SOURCE_DIR;

cli::Pipeline& pipeline() {
    static cli::Pipeline p({source + "/fonts", source + "/hyph", source + "/schema/request.schema.json", source + "/icc/sRGB.icc"});
    return p;
}

const std::string& model() {
    static const std::string text = read_file(source + "/requests/mediazona-cybercrime-ru.md");
    return text;
}

// A request of about `pages` pages with a note every third paragraph.
std::string long_request(int pages) {
    std::string s = "---\ntitle: Запрос\nto: Министерство иностранных дел Российской Федерации\n---\n\n";
    std::string notes;
    for (int i = 0; i < pages * 6; ++i) {
        s += "Редакция направляет настоящий запрос в соответствии со статьями 38 и 39 Закона Российской "
             "Федерации «О средствах массовой информации» и просит предоставить сведения о международном "
             "сотрудничестве в сфере противодействия киберпреступности";
        if (i % 3 == 0) {
            s += "[^n" + std::to_string(i) + "]";
            notes += "[^n" + std::to_string(i) + "]: http://www.mid.ru/foreign_policy/official_documents/-/" + std::to_string(i) + "\n\n";
        }
        s += ".\n\n";
    }
    return s + notes;
}

struct Stages {
    request::Request req;
    compose::Document doc;
};

Stages prepare(const std::string& text) {
    Diagnostics d("bench.md");
    auto req = request::parse("bench.md", text, d);
    compose::Document doc = compose::letter(*req, pipeline().fonts(), d);
    return {std::move(*req), std::move(doc)};
}

const text::Dictionaries& dictionaries() {
    static text::Dictionaries dicts(source + "/hyph");
    return dicts;
}

para::Resources resources() { return {pipeline().fonts(), &dictionaries()}; }

void BM_Parse(benchmark::State& state) {
    for (auto _ : state) {
        Diagnostics d("bench.md");
        benchmark::DoNotOptimize(request::parse("bench.md", model(), d));
    }
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMicrosecond);

void BM_Compose(benchmark::State& state) {
    Diagnostics d("bench.md");
    const auto req = request::parse("bench.md", model(), d);
    for (auto _ : state) benchmark::DoNotOptimize(compose::letter(*req, pipeline().fonts(), d));
}
BENCHMARK(BM_Compose)->Unit(benchmark::kMicrosecond);

std::vector<const compose::Paragraph*> paragraphs(const compose::Document& doc) {
    std::vector<const compose::Paragraph*> out;
    for (const auto& b : doc.blocks)
        if (const auto* p = std::get_if<compose::Paragraph>(&b)) out.push_back(p);
    return out;
}

void BM_BuildItems(benchmark::State& state) {
    const Stages s = prepare(model());
    const auto res = resources();
    for (auto _ : state)
        for (const auto* p : paragraphs(s.doc)) benchmark::DoNotOptimize(para::build(*p, s.doc.style.measure(), res, para::Params{}));
}
BENCHMARK(BM_BuildItems)->Unit(benchmark::kMicrosecond);

void BM_Linebreak(benchmark::State& state) {
    const Stages s = prepare(model());
    const auto res = resources();
    std::vector<para::ItemList> lists;
    for (const auto* p : paragraphs(s.doc)) lists.push_back(para::build(*p, s.doc.style.measure(), res, para::Params{}));
    para::LinebreakParams lb;
    lb.emergency_stretch = pt(36);
    const para::Measure m{{s.doc.style.measure()}};
    for (auto _ : state)
        for (const auto& l : lists) benchmark::DoNotOptimize(para::linebreak(l.items, m, lb));
}
BENCHMARK(BM_Linebreak)->Unit(benchmark::kMicrosecond);

void BM_Flow(benchmark::State& state) {
    const Stages s = prepare(model());
    const auto res = resources();
    for (auto _ : state) {
        Diagnostics d("bench.md");
        benchmark::DoNotOptimize(flow::flow(s.doc, res, para::Params{}, d));
    }
}
BENCHMARK(BM_Flow)->Unit(benchmark::kMicrosecond);

void BM_Paginate(benchmark::State& state) {
    const Stages s = prepare(state.range(0) ? long_request(static_cast<int>(state.range(0))) : model());
    const auto res = resources();
    Diagnostics d("bench.md");
    const flow::Flow f = flow::flow(s.doc, res, para::Params{}, d);
    for (auto _ : state) {
        state.PauseTiming();
        flow::Flow copy = f;
        state.ResumeTiming();
        benchmark::DoNotOptimize(page::paginate(std::move(copy), s.doc.style, res, para::Params{}, d));
    }
}
BENCHMARK(BM_Paginate)->Arg(0)->Arg(20)->Arg(200)->Unit(benchmark::kMicrosecond);

void BM_WritePdf(benchmark::State& state) {
    Diagnostics d("bench.md");
    const auto t = pipeline().typeset("bench.md", model(), d);
    for (auto _ : state) benchmark::DoNotOptimize(pipeline().pdf(*t));
}
BENCHMARK(BM_WritePdf)->Unit(benchmark::kMillisecond);

// The object-stream packer alone (output/pack.cpp) on the model's PDF as libharu writes it.
void BM_Pack(benchmark::State& state) {
    Diagnostics d("bench.md");
    const std::string pdf = test::unpacked_pdf(*pipeline().typeset("bench.md", model(), d), pipeline().fonts());
    output::internals::Deflater deflater;
    std::size_t size = 0;
    for (auto _ : state) size = output::pack_objects(pdf, deflater).size();
    state.counters["in_bytes"] = static_cast<double>(pdf.size());
    state.counters["out_bytes"] = static_cast<double>(size);
}
BENCHMARK(BM_Pack)->Unit(benchmark::kMicrosecond);

// The whole pipeline in one process (no process start, fonts and dictionaries warm), per page
// count: time per page should stay flat.
void BM_Typeset(benchmark::State& state) {
    const std::string text = state.range(0) ? long_request(static_cast<int>(state.range(0))) : model();
    std::size_t pages = 0;
    for (auto _ : state) {
        Diagnostics d("bench.md");
        const auto t = pipeline().typeset("bench.md", text, d);
        pages = t->pages.pages.size();
        benchmark::DoNotOptimize(pipeline().pdf(*t));
    }
    state.counters["pages"] = static_cast<double>(pages);
    state.counters["per_page"] = benchmark::Counter(static_cast<double>(pages) * static_cast<double>(state.iterations()),
                                                    benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_Typeset)->Arg(0)->Arg(20)->Arg(100)->Unit(benchmark::kMillisecond);

// The streams of the model PDF, inflated: what the PDF writer compresses, stream by stream.
const std::vector<std::string>& raw_streams() {
    static const std::vector<std::string> raw = [] {
        Diagnostics d("bench.md");
        const std::string pdf = pipeline().pdf(*pipeline().typeset("bench.md", model(), d));
        std::vector<std::string> out;
        for (std::size_t at = pdf.find("stream\r\n"); at != std::string::npos; at = pdf.find("stream\r\n", at + 1)) {
            const std::size_t begin = at + 8, end = pdf.find("endstream", begin);
            if (end == std::string::npos) break;
            z_stream z{};
            inflateInit(&z);
            z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(pdf.data() + begin));
            z.avail_in = static_cast<uInt>(end - begin);
            char buf[1 << 16];
            int rc = Z_OK;
            std::string stream;
            while (rc == Z_OK) {
                z.next_out = reinterpret_cast<Bytef*>(buf);
                z.avail_out = sizeof buf;
                rc = inflate(&z, Z_NO_FLUSH);
                stream.append(buf, sizeof buf - z.avail_out);
            }
            inflateEnd(&z);
            out.push_back(std::move(stream));
        }
        return out;
    }();
    return raw;
}

void count_bytes(benchmark::State& state, std::size_t out_bytes) {
    std::size_t in = 0;
    for (const std::string& s : raw_streams()) in += s.size();
    state.counters["streams"] = static_cast<double>(raw_streams().size());
    state.counters["in_bytes"] = static_cast<double>(in);
    state.counters["out_bytes"] = static_cast<double>(out_bytes);
}

// What the PDF writer does (output/internals.cpp): libdeflate, one compressor for the document.
void BM_Deflate(benchmark::State& state) {
    std::size_t size = 0;
    for (auto _ : state) {
        libdeflate_compressor* c = libdeflate_alloc_compressor(static_cast<int>(state.range(0)));
        size = 0;
        for (const std::string& s : raw_streams()) {
            std::string out(libdeflate_zlib_compress_bound(c, s.size()), '\0');
            size += libdeflate_zlib_compress(c, s.data(), s.size(), out.data(), out.size());
        }
        libdeflate_free_compressor(c);
    }
    count_bytes(state, size);
}
BENCHMARK(BM_Deflate)->DenseRange(1, 9)->Unit(benchmark::kMicrosecond);

// What libharu would do itself through zlib (a deflate stream per stream), for comparison.
void BM_Zlib(benchmark::State& state) {
    std::size_t size = 0;
    for (auto _ : state) {
        size = 0;
        for (const std::string& s : raw_streams()) {
            std::vector<Bytef> out(compressBound(static_cast<uLong>(s.size())));
            uLongf n = static_cast<uLongf>(out.size());
            compress2(out.data(), &n, reinterpret_cast<const Bytef*>(s.data()), static_cast<uLong>(s.size()),
                      static_cast<int>(state.range(0)));
            size += n;
        }
    }
    count_bytes(state, size);
}
BENCHMARK(BM_Zlib)->DenseRange(1, 9)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
