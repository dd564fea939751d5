// zapros render / zapros check: each input on its own (a broken one does not stop the others),
// optionally on several threads, with progress for batches, depfiles for make.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "base/files.hpp"
#include "base/sha256.hpp"
#include "cli/cli.hpp"
#include "cli/draft.hpp"
#include "cli/copies.hpp"
#include "cli/depfile.hpp"
#include "cli/failure.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "cli/render.hpp"
#include "cli/register.hpp"
#include "cli/report.hpp"
#include "mail/draft.hpp"
#include "output/text.hpp"
#include "cli/stale.hpp"
#include "request/split.hpp"

namespace zapros::cli {

std::optional<std::int64_t> source_date_epoch() {
    const char* v = std::getenv("SOURCE_DATE_EPOCH");
    if (!v || !*v) return std::nullopt;
    const std::string s = v;
    if (s.size() > 12 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw Usage{"SOURCE_DATE_EPOCH must be a number of seconds since 1970, not '" + s + "'"};
    // A PDF date and an XMP date have four digits of year: a later one was written as year 0000
    // in Info and 10000 in the XMP, which no longer matched (and Preflight refused).
    constexpr std::int64_t last_second_of_9999 = 253402300799;
    const std::int64_t seconds = std::stoll(s);
    if (seconds > last_second_of_9999)
        throw Usage{"SOURCE_DATE_EPOCH must be a date up to 9999-12-31 (" + std::to_string(last_second_of_9999) +
                    " seconds), not '" + s + "'"};
    return seconds;
}

std::filesystem::path output_path(const Options& o, const std::string& input) {
    const std::string ext = o.trace ? ".trace" : ".pdf";
    if (o.output == "-") return "/dev/stdout";  // as pandoc and most filters read "-"
    if (!o.output.empty() && o.output.ends_with(".txt") && o.pdf)  // -o X.txt --format pdf,txt
        return std::filesystem::path(o.output).replace_extension(ext);
    if (!o.output.empty()) return o.output;
    const std::filesystem::path in(input);
    if (!o.dir.empty()) return std::filesystem::path(o.dir) / (in.stem().string() + ext);
    return in.parent_path() / (in.stem().string() + ext);
}

// Two inputs written to one file (a/x.md and b/x.md with -d) would lose the first PDF, or with
// -j race on the same temporary file: refused before anything is rendered.
void check_distinct_outputs(const Options& o) {
    std::map<std::filesystem::path, const std::string*> seen;
    for (const std::string& input : o.inputs) {
        const auto [at, fresh] = seen.emplace(output_path(o, input).lexically_normal(), &input);
        if (!fresh)
            throw Usage{"'" + *at->second + "' and '" + input + "' would both be written to " + at->first.string()};
    }
}

void create_output_dir(const Options& o) {
    if (o.dir.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(o.dir, ec);
    if (ec) throw IoError("cannot create directory " + o.dir + ": " + ec.message());
}

namespace {

// The text twin's path: the pages' with .txt (standard output stays itself).
std::filesystem::path text_path(const std::filesystem::path& pages) {
    if (own_descriptor(pages)) return pages;
    return std::filesystem::path(pages).replace_extension(".txt");
}

// Where a symbolic link in an output path may lead: the request's directory, the directory
// written into, and every --allow-dir.
WriteRoots write_roots(const Options& o, const std::string& input, const std::filesystem::path& out) {
    WriteRoots roots;
    for (const std::string& d : o.allow_dirs) roots.add_allowed(d);
    roots.add_allowed(std::filesystem::path(input).parent_path());  // where the request really is
    roots.add_named(out.parent_path());
    return roots;
}

// A file to write and what goes in it.
struct Output {
    std::filesystem::path path;  // as the user named it
    std::string bytes;
};

// Writes every output of one input, or, when any of them may not be written (a link leading
// outside), none.
void write_outputs(const Options& o, const std::string& input, const std::vector<Output>& outputs) {
    std::vector<std::filesystem::path> targets;
    for (const Output& out : outputs)
        targets.push_back(own_descriptor(out.path) ? out.path : write_target(out.path, write_roots(o, input, out.path)));
    for (std::size_t k = 0; k < outputs.size(); ++k) {
        // Standard output is the descriptor the shell gave, written as it is: no path is opened,
        // so "-o -" and "-o /dev/stdout" go wherever the caller redirected them.
        if (const auto fd = own_descriptor(outputs[k].path)) write_descriptor(*fd, outputs[k].bytes, outputs[k].path.string());
        else write_file_atomic(targets[k], outputs[k].bytes, outputs[k].path.string());
    }
}

// What one copy writes: its PDF (or trace), its text twin, its e-mail draft (to its addressees,
// attaching its PDF, its text the twin unless email: is given); the same kinds, in the same order,
// for every copy.
void copy_outputs(const Pipeline& pipeline, const Options& o, const Copy& copy, const request::Request& req,
                  const Typeset& t, std::optional<std::int64_t> epoch, Diagnostics& diags, std::vector<Output>& outputs) {
    const std::size_t first = outputs.size();
    if (o.pdf) outputs.push_back({copy.pdf, o.trace ? Pipeline::trace(t) : pipeline.pdf(t)});
    if (!o.txt && !o.eml) return;
    const std::string twin = output::write_text(*t.document);
    if (o.txt) outputs.push_back({text_path(copy.pdf), twin});
    if (o.eml) {
        const std::filesystem::path eml = std::filesystem::path(copy.pdf).replace_extension(".eml");
        // The file copy's warnings (an addressee without an email) are said once, not per copy.
        Diagnostics own(diags.file());
        const mail::Draft draft = draft_for(req, copy.pdf.filename().string(), outputs[first].bytes, twin, epoch,
                                            copy.addressee ? own : diags);
        outputs.push_back({eml, mail::write_eml(draft)});
    }
}

// An addressee's copy typeset. Its warnings are the file copy's (which holds every addressee)
// and are not repeated; an error would be its own and is kept.
std::optional<Typeset> typeset_copy(Pipeline& pipeline, const request::Request& copy, Diagnostics& diags) {
    Diagnostics own(diags.file());
    std::optional<Typeset> t = pipeline.typeset(copy, own);
    for (const Diagnostic& d : own.all())
        if (d.severity == Severity::error) diags.add(d);
    return t;
}

// Removes what an earlier render wrote and this one no longer does (stale.hpp), a line on stderr for each.
void remove_stale(const std::vector<std::filesystem::path>& stale, const std::string& input, std::string& report) {
    for (const std::filesystem::path& p : stale) {
        std::error_code ec;
        std::filesystem::remove(p, ec);
        report += "zapros: " + one_line(ec ? "cannot remove " + p.string() + ": " + ec.message()
                                           : "removed " + p.string() + ": no longer an output of " + input) + "\n";
    }
}

// The depfiles asked for (--depfile, -MD), each naming every output as a target, added to
// outputs; returns the copies an earlier render wrote and this one does not, read from the
// depfiles before they are replaced (stale.hpp).
std::vector<std::filesystem::path> add_depfiles(const Options& o, const std::filesystem::path& path,
                                                const std::vector<std::string>& inputs, std::vector<Output>& outputs) {
    std::vector<std::filesystem::path> written, stale;
    std::vector<std::string> targets;
    for (const Output& w : outputs) {
        written.push_back(w.path);
        targets.push_back(w.path.string());
    }
    std::vector<std::filesystem::path> depfiles;
    if (!o.depfile.empty()) depfiles.emplace_back(o.depfile);
    if (o.depfiles) depfiles.emplace_back(path.string() + ".d");
    for (const std::filesystem::path& d : depfiles) {
        for (std::filesystem::path& p : stale_outputs(d, path, written))
            if (std::find(stale.begin(), stale.end(), p) == stale.end()) stale.push_back(std::move(p));  // both may list it
        outputs.push_back({d, depfile(targets, inputs)});
    }
    return stale;
}

// Stages 1–6 for one input, for each of its copies; diagnostics go to diags as they are found. Throws.
void render_steps(Pipeline& pipeline, const Options& o, const std::string& input, std::optional<std::int64_t> epoch,
                  const request::Options& access, Diagnostics& diags, Outcome& out) {
    const std::string bytes = read_file(input);
    const std::optional<request::Request> req = request::parse(input, bytes, diags, access);
    out.inputs = {input};
    if (req) {
        out.inputs.insert(out.inputs.end(), req->reads.begin(), req->reads.end());
        out.facts.title = req->meta.title.value;
        for (const request::Addressee& to : req->meta.to) out.facts.addressees.push_back(to.name.value);
        if (!o.summary.empty()) out.facts.register_rows = records::rows(*req, today_of(o));
    }
    std::optional<Typeset> t = req ? pipeline.typeset(*req, diags) : std::nullopt;
    if (!t) {
        out.status = exit_input;
        return;
    }
    out.facts.pages = t->pages.pages.size();
    out.inputs = t->inputs;
    if (o.max_chars > 0) output::check_length(output::text_twin(*t->document), o.max_chars, diags);
    if (o.command == "check") return;
    const std::filesystem::path path = output_path(o, input);
    const bool split = o.per_addressee || req->meta.split;
    if (split && own_descriptor(path))
        throw Usage{"split: true (or --per-addressee) writes a file per addressee beside OUT; give -o FILE or -d DIR, not standard output"};
    const std::vector<Copy> copies = plan_copies(*req, path, split);
    check_copies_apart(o, input, copies);
    std::vector<Output> outputs;
    std::vector<std::string> inputs;  // every file any copy was made from, for the depfile
    std::set<std::string> seen;
    for (const Copy& copy : copies) {
        std::optional<request::Request> own;  // an addressee's: the request with that one addressee
        if (copy.addressee) own = request::for_addressee(*req, *copy.addressee);
        if (own && !(t = typeset_copy(pipeline, *own, diags))) {
            out.status = exit_input;
            return;
        }
        t->info.created = epoch;
        copy_outputs(pipeline, o, copy, own ? *own : *req, *t, epoch, diags, outputs);
        for (const std::string& f : t->inputs)
            if (seen.insert(f).second) inputs.push_back(f);
        // The profile is the PDF's input alone (PDF/A embeds it): a text twin or a trace neither
        // reads nor holds it.
        const std::string& profile = pipeline.srgb_path().string();
        if (o.pdf && !o.trace && t->standard != output::Standard::none && !profile.empty() && seen.insert(profile).second)
            inputs.push_back(profile);
    }
    const std::size_t files = outputs.size();
    std::vector<std::filesystem::path> stale = add_depfiles(o, path, inputs, outputs);
    // A name the old depfile listed that is now another request's PDF (or twin, or draft) is its, not stale.
    std::erase_if(stale, [&](const std::filesystem::path& p) { return named_for_another(o, input, p).has_value(); });
    write_outputs(o, input, outputs);
    remove_stale(stale, input, out.report);
    // The reports: each copy's first file (its PDF, or its twin without one), then the rest.
    const std::size_t per_copy = files / copies.size();
    for (std::size_t k = 0; k < files; ++k) {
        if (own_descriptor(outputs[k].path)) continue;
        const std::string name = outputs[k].path.string();
        if (k == 0) out.facts.output = name;
        else if (k % per_copy == 0) out.facts.copies.push_back(name);
        else out.facts.others.push_back(name);
    }
    out.facts.size = outputs[0].bytes.size();
    if (!o.summary.empty()) out.facts.sha256 = sha256_hex(outputs[0].bytes);  // only the summary shows it
}

}  // namespace

Outcome render_one(Pipeline& pipeline, const Options& o, const std::string& input,
                   std::optional<std::int64_t> epoch, const request::Options& access) {
    Outcome out;
    out.facts.file = input;
    Diagnostics diags(input);
    std::optional<Failure> failure;
    try {
        render_steps(pipeline, o, input, epoch, access, diags, out);
    } catch (...) {
        failure = describe(std::current_exception(), input);
        out.status = std::max(out.status, failure->status);
    }
    out.facts.diagnostics = diags.sorted();
    for (const Diagnostic& d : out.facts.diagnostics) out.report += format(d, o.format) + "\n";
    if (failure) {
        out.report += failure->message(o.format, input);
        out.facts.diagnostics.push_back(failure->diagnostic(input));
    }
    out.facts.ok = out.status == exit_ok;
    return out;
}

namespace {

// The inputs from `from` on, which no worker took (what ended the run came before them: no
// installation, a pipeline that could not be built): each a failed row holding that error, so
// that a CI summary lists every input. The errors are then the inputs', no longer general.
void fail_untaken(std::vector<InputReport>& reports, std::size_t from, std::vector<Diagnostic>& general) {
    if (from == reports.size()) return;
    for (std::size_t i = from; i < reports.size(); ++i)
        for (Diagnostic d : general) {
            d.file = reports[i].file;
            reports[i].diagnostics.push_back(std::move(d));
        }
    general.clear();
}

// Progress for batches on stderr: a counter rewritten in place on a terminal, one line per file
// in a CI log (stderr not a terminal, or CI set).
class Progress {
public:
    explicit Progress(std::size_t total)
        : total_(total), on_(total > 1), tty_(::isatty(2) && !std::getenv("CI")) {}

    void done(const std::string& input, const std::string& output, const Outcome& r) {
        std::lock_guard lock(mutex_);
        ++count_;
        if (tty_ && on_) std::cerr << "\r\033[K";
        std::cerr << r.report;
        if (r.status != exit_ok) failed_.push_back(input);
        if (!on_) return;
        const std::string n = "[" + std::to_string(count_) + "/" + std::to_string(total_) + "] ";
        // Names as one line each: a file named "x\n::error file=…::…" must not start a line of
        // its own, which GitHub would take for a workflow command.
        if (tty_) std::cerr << n << one_line(input) << std::flush;
        else std::cerr << n << one_line(input) << (r.status == exit_ok ? " → " + one_line(output) : " failed") << '\n';
    }

    // A message that belongs to no one input.
    void fail(const std::string& message) {
        std::lock_guard lock(mutex_);
        if (tty_ && on_) std::cerr << "\r\033[K";
        std::cerr << message;
    }

    void finish() {
        if (!on_) return;
        if (tty_) std::cerr << "\r\033[K";
        if (failed_.empty()) return;
        std::string names;
        for (const std::string& f : failed_) names += (names.empty() ? "" : ", ") + one_line(f);
        std::cerr << "zapros: " << failed_.size() << " of " << total_ << " failed: " << names << '\n';
    }

private:
    std::size_t total_, count_ = 0;
    bool on_, tty_;
    std::mutex mutex_;
    std::vector<std::string> failed_;
};

}  // namespace

int run_render(const Options& o) {
    const std::optional<std::int64_t> epoch = source_date_epoch();
    if (o.command != "check") check_distinct_outputs(o);
    request::Options access;
    for (const std::string& d : o.allow_dirs) access.allowed_dirs.emplace_back(d);
    access.pdf_standard = request::pdf_standard(o.pdf_standard);  // none when not given

    Progress progress(o.inputs.size());
    std::vector<InputReport> reports(o.inputs.size());  // each worker fills the inputs it takes
    for (std::size_t i = 0; i < o.inputs.size(); ++i) reports[i].file = o.inputs[i];
    std::vector<Diagnostic> general;  // what ended a worker, or the run before any, for the reports
    std::mutex general_mutex;
    std::atomic<std::size_t> next{0};
    std::atomic<int> status{exit_ok};
    auto raise_status = [&](int r) {
        for (int s = status.load(); r > s && !status.compare_exchange_weak(s, r);) {
        }
    };
    auto stop = [&](const Failure& f) {  // what ended a worker, or the run before it began
        progress.fail(f.message(o.format));
        raise_status(f.status);
        const std::lock_guard lock(general_mutex);
        general.push_back(f.diagnostic());
    };
    std::optional<Installation> inst;
    try {
        inst = find_installation();
        create_output_dir(o);
    } catch (...) {  // no input is rendered, but the reports are still written: a row failed for each
        stop(describe(std::current_exception()));
    }
    const std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(o.jobs), o.inputs.size());
    // The cores left to each worker decode its request's images: all of them for one file, none
    // beyond the worker's own when -j already keeps every core busy. Images are a few per
    // request, so a finer share (idle workers lending theirs) would buy little.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned image_threads = std::max<unsigned>(1, cores / static_cast<unsigned>(std::max<std::size_t>(threads, 1)));
    // Each worker owns a pipeline (fonts, dictionaries, libharu documents are per thread).
    auto work = [&] {
        try {  // an exception leaving a thread would end in std::terminate
            Pipeline pipeline(*inst, image_threads);
            for (std::size_t i; (i = next++) < o.inputs.size();) {
                const std::string& input = o.inputs[i];
                Outcome r = render_one(pipeline, o, input, epoch, access);
                progress.done(input, r.facts.output.empty() ? output_path(o, input).string() : r.facts.output, r);
                raise_status(r.status);
                reports[i] = std::move(r.facts);
            }
        } catch (...) {
            stop(describe(std::current_exception()));
        }
    };
    if (inst && threads <= 1) {
        work();
    } else if (inst) {
        std::vector<std::jthread> pool;
        for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(work);
    }
    progress.finish();
    fail_untaken(reports, std::min(next.load(), reports.size()), general);
    write_reports(o, reports, general);
    return status;
}

}  // namespace zapros::cli
