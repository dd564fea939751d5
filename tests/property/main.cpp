// zapros_property: the layout property test of issue 13. Generates requests from seeds, renders
// each with the real zapros binary, checks the invariants on the PDF, and shrinks a failure to
// the smallest request that still fails.
//
//   zapros_property --zapros BIN --seed S --count N [--focus F|all]   documents S … S+N−1
//   zapros_property --zapros BIN --fresh --seconds T                  random seeds for T seconds
//   zapros_property --zapros BIN --check FILE.md…                     hand-written requests
//   zapros_property --seed S [--focus F] --print                      the Markdown of one seed
// Options: --keep DIR (keep each document's files), --shrink-seconds T (per failure, 60),
// --shrink N (failures to shrink; by default the first of each class of defect), --shrink-only
// TEXT (only the classes whose name holds TEXT, e.g. "another page").
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>

#include "generate.hpp"
#include "markdown.hpp"
#include "session.hpp"

namespace fs = std::filesystem;
using namespace zapros::property;

namespace {

struct Options {
    std::string zapros, keep;
    std::uint64_t seed = 1;
    long count = 1;
    std::vector<Focus> foci{Focus::mixed};
    bool fresh = false, print = false;
    double seconds = 60, shrink_seconds = 60;
    int shrink = -1;  // −1: the first failure of each class of defect
    std::string shrink_only;
    std::vector<std::string> files;
};

[[noreturn]] void usage(const std::string& why) {
    std::cerr << "zapros_property: " << why
              << "\nusage: zapros_property --zapros BIN (--seed S --count N [--focus F|all] | --fresh --seconds T | --check FILE.md…)"
                 " [--keep DIR] [--shrink-seconds T] [--shrink N] [--shrink-only TEXT]\n       zapros_property --seed S [--focus F] --print\n";
    std::exit(2);
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(a + " needs a value");
            return argv[++i];
        };
        if (a == "--zapros") o.zapros = value();
        else if (a == "--seed") o.seed = std::stoull(value());
        else if (a == "--count") o.count = std::stol(value());
        else if (a == "--fresh") o.fresh = true;
        else if (a == "--seconds") o.seconds = std::stod(value());
        else if (a == "--keep") o.keep = value();
        else if (a == "--shrink-seconds") o.shrink_seconds = std::stod(value());
        else if (a == "--shrink") o.shrink = std::stoi(value());
        else if (a == "--shrink-only") o.shrink_only = value();
        else if (a == "--print") o.print = true;
        else if (a == "--check") {
            while (i + 1 < argc && argv[i + 1][0] != '-') o.files.push_back(argv[++i]);
        } else if (a == "--focus") {
            const std::string f = value();
            o.foci.clear();
            if (f == "all")
                for (Focus k : all_foci) o.foci.push_back(k);
            else if (const auto k = focus_named(f))
                o.foci.push_back(*k);
            else
                usage("unknown focus " + f);
        } else usage("unknown option " + a);
    }
    if (!o.print && o.zapros.empty()) usage("--zapros BIN is required");
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    try {
        o = parse(argc, argv);
    } catch (const std::logic_error& e) {  // std::stoull and friends on a malformed number
        usage(std::string("a malformed number (") + e.what() + ")");
    }
    if (o.print) {
        std::cout << write(generate(o.seed, o.foci.front())).markdown;
        return 0;
    }
    std::string dir = o.keep;
    if (dir.empty()) {
        std::string tmpl = (fs::temp_directory_path() / "zapros-property-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) usage("cannot make a scratch directory");
        dir = tmpl;
    }
    fs::create_directories(dir);
    Session session({o.zapros, !o.keep.empty(), o.shrink, o.shrink_seconds, o.shrink_only}, dir);
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    if (!o.files.empty()) {
        for (const std::string& f : o.files) session.run_file(f);
    } else if (o.fresh) {
        std::random_device device;  // only picks seeds; each seed is printed and replays anywhere
        std::uint64_t seed = (static_cast<std::uint64_t>(device()) << 32) ^ device();
        session.end_by(start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(o.seconds)));
        for (long n = 0; elapsed() < o.seconds; ++n) session.run(seed + static_cast<std::uint64_t>(n), all_foci[static_cast<std::size_t>(n) % all_foci.size()]);
    } else {
        for (long n = 0; n < o.count; ++n)
            for (Focus f : o.foci) session.run(o.seed + static_cast<std::uint64_t>(n), f);
    }
    session.summary(elapsed());
    if (o.keep.empty()) fs::remove_all(dir);
    return session.failed() > 0 ? 1 : 0;
}
