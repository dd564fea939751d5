#include "cli/cli.hpp"

#include <charconv>
#include <cstdlib>
#include <string_view>
#include <iostream>

#include "base/files.hpp"
#include "cli/failure.hpp"
#include "cli/locate.hpp"
#include "cli/options.hpp"
#include "cli/register.hpp"
#include "request/parse.hpp"

namespace zapros::cli {

namespace {

const char* const main_help =
    "zapros — typesets formal information requests (Markdown + YAML front matter) as PDF\n"
    "\n"
    "Usage:\n"
    "  zapros render IN.md [-o OUT.pdf]     one request (default: IN.pdf beside it)\n"
    "  zapros render A.md B.md … -d DIR     several, each to DIR/NAME.pdf\n"
    "  zapros check IN.md…                  parse and typeset, report problems, write nothing\n"
    "  zapros watch IN.md… [-o OUT | -d DIR] render, then render again on every save (live preview)\n"
    "  zapros list IN.md…                   the register: dates, the legal deadlines, each status\n"
    "  zapros new NAME [--lang ru|en]       start requests/NAME.md from a commented template\n"
    "  zapros init [DIR] [--lang ru|en]     start a requests repository in DIR (default: .)\n"
    "  zapros COMMAND --help                the command's options\n"
    "  zapros --version\n"
    "\n"
    "Exit status: 0 ok, 1 a request has errors, 2 usage error, 3 I/O or installation error.\n"
    "Diagnostics go to stderr as FILE:LINE:COL: error: message (or JSON, see render --help).\n"
    "\n"
    "Environment:\n"
    "  SOURCE_DATE_EPOCH   seconds since 1970: the PDFs' creation date (otherwise they carry none)\n"
    "  ZAPROS_DATA_DIR     the directory holding fonts/, hyph/ and icc/ (default: found beside the binary)\n"
    "  CI                  set: batch progress is one line per file, not a counter\n"
    "  GITHUB_ACTIONS      true: diagnostics in GitHub's annotation format (--diagnostics-format)\n";

const char* const render_help =
    "Usage: zapros render IN.md [-o OUT.pdf] [options]\n"
    "       zapros render A.md B.md … -d DIR [options]\n"
    "\n"
    "Typesets each request and writes its PDF atomically: a failed render leaves no file and never\n"
    "replaces an existing one. Each input is rendered on its own: one with errors does not stop the\n"
    "others, and the exit status is 1 if any failed. Several inputs show progress on stderr: a\n"
    "counter on a terminal, one line per file otherwise (or when CI is set).\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE            the PDF to write (one input only; - for standard output)\n"
    "  -d, --dir DIR                write each input's PDF to DIR/NAME.pdf (DIR is created)\n"
    "  -j, --jobs N                 render N requests at a time (threads; default 1)\n"
    "      --depfile FILE           write a make depfile: the PDF (and its copies) and every file it\n"
    "                               was made from (the request, its images, the fonts and\n"
    "                               dictionaries); one input\n"
    "  -MD                          write OUT.d beside each OUT.pdf\n"
    "                               With either, a copy the depfile being replaced lists that is no\n"
    "                               longer written (its addressee removed) is deleted\n"
    "      --allow-dir DIR          a request may read files (images) under DIR too, and an output\n"
    "                               that is a symlink may lead there; by default only under the\n"
    "                               request's own directory (and the output's), links judged by\n"
    "                               their target\n"
    "      --diagnostics-format=F   gcc (FILE:LINE:COL: error: …), json (one object a line: file, line,\n"
    "                               column, severity, message, hint) or github (::error file=F,line=L,\n"
    "                               col=C::message, annotations in GitHub Actions); default github when\n"
    "                               GITHUB_ACTIONS=true, else gcc\n"
    "      --summary FILE           append a Markdown table to FILE (never truncated): per input its\n"
    "                               title, addressees, pages, size, sha256, warnings and errors\n"
    "      --summary-link URL       link each written file's row to URL (the run's artifacts)\n"
    "      --code-quality FILE      write the diagnostics as a GitLab Code Quality report (JSON)\n"
    "      --outputs-file FILE      write the path of every file written (copies, twins and drafts\n"
    "                               too), one a line\n"
    "      --eml                    write OUT.eml beside each OUT.pdf: an e-mail draft (RFC 5322) to\n"
    "                               the addressees' email, Subject the title, the PDF attached; the\n"
    "                               body the front matter's email: text, else the text twin; Date\n"
    "                               the front matter's date at 12:00 UTC, else SOURCE_DATE_EPOCH\n"
    "      --per-addressee          as split: true in the front matter: OUT holds every addressee (the\n"
    "                               copy kept on file), and OUT-STEM--SLUG.pdf beside it one each (SLUG\n"
    "                               given in to:, or the name transliterated by GOST 7.79-2000 B)\n"
    "      --trace                  write a text trace of the drawing operations instead of a PDF\n"
    "      --format pdf|txt|pdf,txt the PDF (default), the letter as plain UTF-8 text (OUT.txt beside\n"
    "                               OUT.pdf, the same name), or both; -o X.txt alone implies txt\n"
    "      --max-chars N            warn when the text has more than N characters (Unicode code\n"
    "                               points, line ends included), a web form's limit: at the place in\n"
    "                               the request where the overflow starts; the exit status stays 0\n"
    "      --today YYYY-MM-DD       the summary's register counts days to this date (default: today)\n"
    "      --pdf-standard S         the standards the PDF claims, over the front matter's pdf-standard:\n"
    "                               a-2u (PDF/A-2u, the default), a-2b (PDF/A-2b) or none (a plain PDF)\n"
    "  -h, --help                   this text\n";

const char* const check_help =
    "Usage: zapros check IN.md… [--allow-dir DIR] [--diagnostics-format=gcc|json|github]\n"
    "                    [--summary FILE [--summary-link URL]] [--code-quality FILE] [--max-chars N]\n"
    "                    [--pdf-standard a-2u|a-2b|none]\n"
    "\n"
    "Parses and typesets each request and reports every error, and as warnings what would look\n"
    "wrong on paper (characters no font has, words broken between letters because nothing else\n"
    "fits, more than four addressees, an empty body), writing nothing. Exit status 1 when any\n"
    "request has an error. The diagnostics and report options are render's (zapros render --help);\n"
    "in the summary size and sha256 stay empty.\n";

const char* const watch_help =
    "Usage: zapros watch IN.md [-o OUT.pdf] [options]\n"
    "       zapros watch A.md B.md … [-d DIR] [options]\n"
    "\n"
    "Renders each request as render does, then renders a request again whenever it, or an image or\n"
    "a font it uses, is saved: written in place or renamed over (an editor's atomic save). Saves that\n"
    "arrive together render each request once. A failed render keeps the last good PDF, so a viewer\n"
    "that reloads (evince, zathura) always shows one. Per render, one line on stderr:\n"
    "  FILE → OUT (N ms)                      written\n"
    "  FILE: failed, OUT not written (N ms)   the last good OUT stays\n"
    "with the diagnostics before it, only when they differ from that file's last render (and a line\n"
    "when its errors are all fixed). An image missing at a failed render is looked for again at the\n"
    "request's next save. Ctrl-C (SIGINT) or SIGTERM ends it with status 0.\n"
    "\n"
    "Options: render's -o, -d, --depfile, -MD, --allow-dir, --diagnostics-format, --pdf-standard and --trace\n"
    "(zapros render --help); -o - is refused.\n";
const char* const list_help =
    "Usage: zapros list IN.md… [--format table|json|csv] [--today YYYY-MM-DD]\n"
    "                   [--allow-dir DIR] [--diagnostics-format=gcc|json|github]\n"
    "\n"
    "Prints the register: a row per request (per addressee with split: true, or when addressees have\n"
    "their own dates) with its file, title, addressee, number, date, the front matter's sent,\n"
    "delivered and answered dates, the deadline of the notice of deferral or refusal (3 days) and\n"
    "of the answer (7 days) under Mass Media Law art. 40, counted from delivered (README\n"
    "\"Deadlines\"), and the status: draft, sent, due in N days, due today, overdue by N days,\n"
    "answered, answered late. --today: the day the status is judged on (default: today's local\n"
    "date). json: an array of objects; csv: RFC 4180 with a header row, a cell starting with =, +,\n"
    "-, @, a tab or CR prefixed with ' (a spreadsheet shows it, not runs it). A request with\n"
    "errors prints its diagnostics and makes the exit status 1; the others are still listed.\n";

const char* const new_help =
    "Usage: zapros new NAME [--lang ru|en] [--dir DIR]\n"
    "\n"
    "Writes DIR/NAME.md (DIR: requests) from a template in which every front matter key is shown\n"
    "and explained. Never overwrites an existing file. Its $schema line for editors points at\n"
    "schema/request.schema.json of the repository it is in: DIR or the nearest directory above\n"
    "holding .zapros or that schema (the search stops at a Git work tree's top). Outside any, the\n"
    "line is left out and a note says so.\n";

const char* const init_help =
    "Usage: zapros init [DIR] [--lang ru|en]\n"
    "\n"
    "Starts a requests repository in DIR (default: the current directory; created if missing):\n"
    "  requests/example.md              a commented request (--lang: its language, default ru)\n"
    "  schema/request.schema.json       the front matter's JSON Schema, for editors\n"
    "  Makefile                         make: requests/*.md → build/pdf/*.pdf, incremental;\n"
    "                                   make check; make clean; ZAPROS=PATH for another zapros\n"
    "  .github/workflows/requests.yml   GitHub: the zapros action on every push and pull request\n"
    "  .gitlab-ci.yml                   GitLab: includes zapros's CI template\n"
    "  .gitignore                       build/\n"
    "  .vscode/settings.json            the schema mapped to requests/*.md\n"
    "  .zapros                          marks the repository for zapros new\n"
    "Never overwrites: when any of these exists, it writes nothing, lists them and exits 1.\n";

int number(const std::string& s, const char* what) {
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size() || v < 1 || v > 256)
        throw Usage{std::string(what) + " takes a number from 1 to 256, not '" + s + "'"};
    return v;
}

// --format: pdf, txt or both, comma-separated.
void formats(const std::string& list, Options& o) {
    o.pdf = o.txt = false;
    for (std::size_t start = 0; start <= list.size();) {
        const std::size_t end = std::min(list.find(',', start), list.size());
        const std::string f = list.substr(start, end - start);
        if (f == "pdf") o.pdf = true;
        else if (f == "txt") o.txt = true;
        else throw Usage{"--format is pdf, txt or pdf,txt, not '" + list + "'"};
        start = end + 1;
    }
}

std::size_t char_limit(const std::string& s) {
    std::size_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size() || v < 1 || v > 1'000'000'000)
        throw Usage{"--max-chars takes a number of characters from 1 to 1000000000, not '" + s + "'"};
    return v;
}

// What render takes but a watch, which never ends by itself, cannot do: reports written at the
// end, several threads, standard output (a PDF on a terminal again and again).
void check_watch_options(const Options& o) {
    if (o.jobs != 1) throw Usage{"'watch' renders one request at a time; -j is render's"};
    if (!o.summary.empty() || !o.summary_link.empty() || !o.code_quality.empty() || !o.outputs_file.empty())
        throw Usage{"'watch' writes no reports (--summary, --code-quality, --outputs-file are render's)"};
    if (o.output == "-" || own_descriptor(o.output)) throw Usage{"'watch' writes files; -o - is render's"};
}

}  // namespace

DiagnosticFormat default_format(const char* github_actions) {
    // The runner sets GITHUB_ACTIONS=true in every step, in container jobs too.
    return github_actions && std::string_view(github_actions) == "true" ? DiagnosticFormat::github : DiagnosticFormat::gcc;
}

Options parse_args(int argc, char** argv) {
    Options o;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) throw Usage{"no command given"};
    o.command = args[0];
    if (o.command == "--help" || o.command == "-h" || o.command == "help") {
        o.command = "help";
        return o;
    }
    if (o.command == "--version") {
        o.command = "version";
        return o;
    }
    if (o.command != "render" && o.command != "check" && o.command != "list" && o.command != "new" &&
        o.command != "init" && o.command != "watch")
        throw Usage{"unknown command '" + o.command + "'"};
    const bool watch = o.command == "watch";  // takes render's output options (its reports and -j refused below)
    const bool render = o.command == "render" || watch, check = o.command == "check", make_new = o.command == "new",
               init = o.command == "init", list = o.command == "list";
    bool format_given = false, formats_given = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        std::string a = args[i];
        std::string inline_value;
        if (a.rfind("--", 0) == 0 && a.find('=') != std::string::npos) {
            inline_value = a.substr(a.find('=') + 1);
            a = a.substr(0, a.find('='));
        }
        auto value = [&](const std::string& name) {
            if (!inline_value.empty()) return inline_value;
            if (i + 1 >= args.size()) throw Usage{name + " needs a value"};
            return args[++i];
        };
        if (a == "-h" || a == "--help") o.help = true;
        else if (render && (a == "-o" || a == "--output")) o.output = value(a);
        else if (render && (a == "-d" || a == "--dir")) o.dir = value(a);
        else if (render && a == "--depfile") o.depfile = value(a);
        else if (render && a == "-MD") o.depfiles = true;
        else if (render && (a == "-j" || a == "--jobs")) o.jobs = number(value(a), "-j");
        else if (render && a.rfind("-j", 0) == 0 && a.size() > 2) o.jobs = number(a.substr(2), "-j");
        else if (render && a == "--trace") o.trace = true;
        else if (render && a == "--per-addressee") o.per_addressee = true;
        else if (render && a == "--eml") o.eml = true;
        else if ((render || check || list) && a == "--allow-dir") o.allow_dirs.push_back(value(a));
        else if (list && a == "--format") {
            o.register_format = value(a);
            if (o.register_format != "table" && o.register_format != "json" && o.register_format != "csv")
                throw Usage{"--format is table, json or csv, not '" + o.register_format + "'"};
        } else if ((render || check || list) && a == "--today") {
            o.today = value(a);
            if (!parse_iso_date(o.today)) throw Usage{"--today takes a date YYYY-MM-DD, not '" + o.today + "'"};
        } else if (render && a == "--format") {
            formats(value(a), o);
            formats_given = true;
        } else if ((render || check) && a == "--max-chars") o.max_chars = char_limit(value(a));
        else if ((render || check) && a == "--pdf-standard") {
            o.pdf_standard = value(a);
            if (!request::pdf_standard(o.pdf_standard))
                throw Usage{"--pdf-standard is a-2u, a-2b or none, not '" + o.pdf_standard + "'"};
        }
        else if ((render || check || list) && a == "--diagnostics-format") {
            const std::string f = value(a);
            if (f == "gcc") o.format = DiagnosticFormat::gcc;
            else if (f == "json") o.format = DiagnosticFormat::json;
            else if (f == "github") o.format = DiagnosticFormat::github;
            else throw Usage{"--diagnostics-format is gcc, json or github, not '" + f + "'"};
            format_given = true;
        } else if ((render || check) && a == "--summary") o.summary = value(a);
        else if ((render || check) && a == "--summary-link") o.summary_link = value(a);
        else if ((render || check) && a == "--code-quality") o.code_quality = value(a);
        else if ((render || check) && a == "--outputs-file") o.outputs_file = value(a);
        else if ((make_new || init) && a == "--lang") {
            o.lang = value(a);
            if (o.lang != "ru" && o.lang != "en") throw Usage{"--lang is ru or en, not '" + o.lang + "'"};
        } else if (make_new && a == "--dir") o.dir = value(a);
        else if (a == "--") {
            o.inputs.insert(o.inputs.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
            break;
        } else if (a.size() > 1 && a[0] == '-') throw Usage{"unknown option '" + args[i] + "' for '" + o.command + "'"};
        else o.inputs.push_back(a);
    }
    if (!format_given) o.format = default_format(std::getenv("GITHUB_ACTIONS"));
    if (o.help) return o;
    if (make_new) {
        if (o.inputs.size() != 1) throw Usage{"'new' takes one NAME"};
        return o;
    }
    if (init) {
        if (o.inputs.size() > 1) throw Usage{"'init' takes at most one DIR"};
        return o;
    }
    if (o.inputs.empty()) throw Usage{"'" + o.command + "' needs at least one input file"};
    if (watch) check_watch_options(o);
    if (!o.output.empty() && !o.dir.empty()) throw Usage{"give either -o or -d, not both"};
    if (!o.output.empty() && o.inputs.size() > 1) throw Usage{"-o takes one input; use -d DIR for several"};
    if (!o.depfile.empty() && o.inputs.size() > 1) throw Usage{"--depfile takes one input; use -MD for several"};
    if (o.output.size() > 4 && o.output.ends_with(".txt")) {
        if (!formats_given) o.pdf = false, o.txt = true;
        if (!o.txt) throw Usage{"-o " + o.output + " names a text file, but --format asks for no txt"};
    }
    if (o.pdf && o.txt && (o.output == "-" || own_descriptor(o.output)))
        throw Usage{"--format pdf,txt writes two files, and standard output holds one; give -o FILE.pdf"};
    if (o.per_addressee && (o.output == "-" || own_descriptor(o.output)))
        throw Usage{"--per-addressee writes a file per addressee beside OUT, and standard output has no beside; give -o FILE or -d DIR"};
    if (o.depfiles && (o.output == "-" || own_descriptor(o.output)))
        throw Usage{"-MD writes OUT.pdf.d beside the PDF, and standard output has no beside; use --depfile FILE"};
    if (o.eml && (o.output == "-" || own_descriptor(o.output)))
        throw Usage{"--eml writes OUT.eml beside the PDF, and standard output has no beside"};
    if (o.eml && o.trace) throw Usage{"--eml attaches the PDF, and --trace writes none"};
    if (o.eml && !o.pdf) throw Usage{"--eml attaches the PDF, and --format txt writes none; use --format pdf,txt"};
    if (o.eml && std::filesystem::path(o.output).extension() == ".eml")
        throw Usage{"-o names the PDF; --eml writes the draft beside it with the stem's .eml"};
    return o;
}

namespace {

// Inside a catch block: prints what ended the command and returns its exit status.
int failed(DiagnosticFormat format = DiagnosticFormat::gcc) {
    const Failure f = describe(std::current_exception());
    std::cerr << f.message(format);
    return f.status;
}

}  // namespace

int main(int argc, char** argv) {
    remember_program(argc > 0 ? argv[0] : nullptr);  // finds the data without /proc (cli/locate.hpp)
    Options o;
    try {
        o = parse_args(argc, argv);
    } catch (const Usage& u) {
        std::cerr << "zapros: " << u.message << "\n" << "Try 'zapros --help'.\n";
        return exit_usage;
    } catch (...) {
        return failed();
    }
    try {
        if (o.command == "help") {
            std::cout << main_help;
            return exit_ok;
        }
        if (o.command == "version") {
            std::cout << "zapros " << ZAPROS_VERSION << '\n';
            return exit_ok;
        }
        if (o.help) {
            std::cout << (o.command == "render" ? render_help
                          : o.command == "check"  ? check_help
                          : o.command == "watch"  ? watch_help
                          : o.command == "list"   ? list_help
                          : o.command == "new"    ? new_help
                                                  : init_help);
            return exit_ok;
        }
        if (o.command == "new") return run_new(o);
        if (o.command == "init") return run_init(o);
        if (o.command == "watch") return run_watch(o);
        if (o.command == "list") return run_list(o);
        return run_render(o);
    } catch (...) {  // each class its message and status; an unknown one an internal error
        return failed(o.format);
    }
}

}  // namespace zapros::cli
