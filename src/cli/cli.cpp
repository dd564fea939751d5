#include "cli/cli.hpp"

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "base/files.hpp"
#include "cli/pipeline.hpp"
#include "output/haru.hpp"
#include "text/font.hpp"
#include "text/hyphenate.hpp"

namespace zapros::cli {

namespace {

const char* const main_help =
    "zapros — typesets formal information requests (Markdown + YAML front matter) as PDF\n"
    "\n"
    "Usage:\n"
    "  zapros render IN.md [-o OUT.pdf]     one request (default: IN.pdf beside it)\n"
    "  zapros render A.md B.md … -d DIR     several, each to DIR/NAME.pdf\n"
    "  zapros check IN.md…                  parse and typeset, report problems, write nothing\n"
    "  zapros COMMAND --help                the command's options\n"
    "  zapros --version\n"
    "\n"
    "Exit status: 0 ok, 1 a request has errors, 2 usage error, 3 I/O or installation error.\n"
    "Diagnostics go to stderr as FILE:LINE:COL: error: message.\n";

const char* const render_help =
    "Usage: zapros render IN.md [-o OUT.pdf]\n"
    "       zapros render A.md B.md … -d DIR\n"
    "\n"
    "Typesets each request and writes its PDF atomically: a failed render leaves no file and never\n"
    "replaces an existing one.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE   the PDF to write (one input only)\n"
    "  -d, --dir DIR       write each input's PDF to DIR/NAME.pdf (DIR is created)\n"
    "      --trace         write a text trace of the drawing operations instead of a PDF\n"
    "  -h, --help          this text\n";

const char* const check_help =
    "Usage: zapros check IN.md…\n"
    "\n"
    "Parses and typesets each request and reports every error and warning, writing nothing.\n"
    "Exit status 1 when any request has an error.\n";

struct Usage {
    std::string message;
};

struct Options {
    std::string command;
    std::vector<std::string> inputs;
    std::string output;
    std::string dir;
    bool trace = false;
    bool help = false;
};

Options parse_args(int argc, char** argv) {
    Options o;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) throw Usage{"no command given"};
    o.command = args[0];
    if (o.command == "--help" || o.command == "-h" || o.command == "help") {
        o.command = "help";
        return o;
    }
    if (o.command == "--version") return o;
    if (o.command != "render" && o.command != "check") throw Usage{"unknown command '" + o.command + "'"};
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* name) {
            if (i + 1 >= args.size()) throw Usage{std::string(name) + " needs a value"};
            return args[++i];
        };
        if (a == "-h" || a == "--help") o.help = true;
        else if (o.command == "render" && (a == "-o" || a == "--output")) o.output = value("-o");
        else if (o.command == "render" && (a == "-d" || a == "--dir")) o.dir = value("-d");
        else if (o.command == "render" && a == "--trace") o.trace = true;
        else if (a == "--") {
            o.inputs.insert(o.inputs.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
            break;
        } else if (a.size() > 1 && a[0] == '-') throw Usage{"unknown option '" + a + "' for '" + o.command + "'"};
        else o.inputs.push_back(a);
    }
    if (o.help) return o;
    if (o.inputs.empty()) throw Usage{"'" + o.command + "' needs at least one input file"};
    if (!o.output.empty() && !o.dir.empty()) throw Usage{"give either -o or -d, not both"};
    if (!o.output.empty() && o.inputs.size() > 1) throw Usage{"-o takes one input; use -d DIR for several"};
    return o;
}

void print(const Diagnostics& diags) {
    for (const Diagnostic& d : diags.sorted()) std::cerr << format_gcc(d) << '\n';
}

std::filesystem::path output_path(const Options& o, const std::string& input) {
    const std::string ext = o.trace ? ".trace" : ".pdf";
    if (!o.output.empty()) return o.output;
    const std::filesystem::path in(input);
    if (!o.dir.empty()) return std::filesystem::path(o.dir) / (in.stem().string() + ext);
    return in.parent_path() / (in.stem().string() + ext);
}

int run(const Options& o) {
    if (o.command == "help") {
        std::cout << main_help;
        return exit_ok;
    }
    if (o.command == "--version") {
        std::cout << "zapros " << ZAPROS_VERSION << '\n';
        return exit_ok;
    }
    if (o.help) {
        std::cout << (o.command == "render" ? render_help : check_help);
        return exit_ok;
    }
    Pipeline pipeline(find_installation());
    if (!o.dir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(o.dir, ec);
        if (ec) throw IoError("cannot create directory " + o.dir + ": " + ec.message());
    }
    int status = exit_ok;
    for (const std::string& input : o.inputs) {
        Diagnostics diags(input);
        std::string bytes;
        try {
            bytes = read_file(input);
        } catch (const IoError& e) {
            std::cerr << "zapros: " << e.what() << '\n';
            status = std::max(status, exit_system);
            continue;
        }
        const auto typeset = pipeline.typeset(input, bytes, diags);
        print(diags);
        if (!typeset) {
            status = std::max(status, exit_input);
            continue;
        }
        if (o.command == "check") continue;
        const std::string out = o.trace ? Pipeline::trace(*typeset) : pipeline.pdf(*typeset);
        try {
            write_file_atomic(output_path(o, input), out);
        } catch (const IoError& e) {
            std::cerr << "zapros: " << e.what() << '\n';
            status = std::max(status, exit_system);
        }
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    try {
        o = parse_args(argc, argv);
    } catch (const Usage& u) {
        std::cerr << "zapros: " << u.message << "\n" << "Try 'zapros --help'.\n";
        return exit_usage;
    }
    try {
        return run(o);
    } catch (const IoError& e) {
        std::cerr << "zapros: " << e.what() << '\n';
    } catch (const text::FontError& e) {
        std::cerr << "zapros: font: " << e.what() << '\n';
    } catch (const text::HyphenError& e) {
        std::cerr << "zapros: " << e.what() << '\n';
    } catch (const output::OutputError& e) {
        std::cerr << "zapros: PDF: " << e.what() << '\n';
    } catch (const std::bad_alloc&) {
        std::cerr << "zapros: out of memory\n";
    }
    return exit_system;
}

}  // namespace zapros::cli
