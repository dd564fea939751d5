// zapros watch: each request rendered as render renders it (cli/render.hpp), then again whenever
// it, or an image, a font or a dictionary it was made from, is saved (cli/watcher.hpp).
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <iostream>
#include <optional>
#include <set>

#include "base/files.hpp"
#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "cli/render.hpp"
#include "cli/watch_lines.hpp"
#include "cli/watcher.hpp"

namespace zapros::cli {

namespace {

// SIGINT and SIGTERM as a descriptor polled beside the watcher's. They are blocked in every
// thread (the pipeline's image threads, made later, inherit the mask), so one arriving during a
// render waits for the render to end: the PDF is written whole, and the loop then ends with 0.
class Signals {
public:
    Signals() {
        sigemptyset(&set_);
        sigaddset(&set_, SIGINT);
        sigaddset(&set_, SIGTERM);
        ::pthread_sigmask(SIG_BLOCK, &set_, &old_);
        fd_ = ::signalfd(-1, &set_, SFD_CLOEXEC);
        if (fd_ < 0) throw IoError(std::string("cannot wait for signals: ") + std::strerror(errno));
    }
    ~Signals() {
        ::close(fd_);
        ::pthread_sigmask(SIG_SETMASK, &old_, nullptr);
    }
    Signals(const Signals&) = delete;
    Signals& operator=(const Signals&) = delete;
    int descriptor() const { return fd_; }
    // Takes the pending signal, which unblocking the mask would otherwise deliver (and die of).
    void take() const {
        signalfd_siginfo info{};
        while (::read(fd_, &info, sizeof info) < 0 && errno == EINTR) {
        }
    }

private:
    sigset_t set_{}, old_{};
    int fd_ = -1;
};

// The requests watched and what each was made from at its last render.
class Session {
public:
    Session(const Options& o, Installation inst, std::optional<std::int64_t> epoch)
        : o_(o), inst_(std::move(inst)), pipeline_(std::in_place, inst_), epoch_(epoch), files_(o.inputs.size()) {
        for (const std::string& d : o.allow_dirs) access_.allowed_dirs.emplace_back(d);
        access_.pdf_standard = request::pdf_standard(o.pdf_standard);
        for (const std::filesystem::path& d : {inst_.fonts, inst_.hyph}) {
            installation_.insert(d.lexically_normal());
            std::error_code ec;
            if (const auto real = std::filesystem::canonical(d, ec); !ec) installation_.insert(real);
        }
        // Each request watched before its first render, so that a save during it is not lost.
        for (std::size_t i = 0; i < files_.size(); ++i) {
            files_[i].inputs = {o.inputs[i]};
            watcher_.watch(i, files_[i].inputs);
        }
    }

    int descriptor() const { return watcher_.descriptor(); }

    void render_all() {
        for (std::size_t i = 0; i < files_.size(); ++i) render(i);
    }

    // The saves pending now, each request they touch rendered once, in the order given.
    void update() {
        const Watcher::Changes c = watcher_.take();
        // The pipeline keeps fonts and dictionaries loaded from render to render: a saved one
        // is read again by a fresh pipeline.
        const bool reload = c.overflow || std::any_of(c.files.begin(), c.files.end(), [&](const std::string& f) {
            return installation_.count(std::filesystem::path(f).parent_path().lexically_normal()) > 0;
        });
        if (reload) pipeline_.emplace(inst_);
        for (std::size_t i = 0; i < files_.size(); ++i)
            if (c.overflow || c.keys.count(i)) render(i);
    }

private:
    struct Watched {
        std::vector<std::string> inputs;  // what its last good render read (and what later failed ones did)
        std::optional<LastRender> last;
        std::set<std::string> unwatchable;  // said once
    };

    void render(std::size_t i) {
        const std::string& input = o_.inputs[i];
        const auto start = std::chrono::steady_clock::now();
        Outcome r = render_one(*pipeline_, o_, input, epoch_, access_);
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
        const bool ok = r.status == exit_ok;
        Watched& w = files_[i];
        // A good render read exactly what the request needs now. A failed one may have stopped
        // before reading all (a YAML error hides the images): what the last good one read stays
        // watched, so that the save that mends the error, wherever it is, is seen.
        if (ok) w.inputs = std::move(r.inputs);
        else
            for (std::string& f : r.inputs)
                if (std::find(w.inputs.begin(), w.inputs.end(), f) == w.inputs.end()) w.inputs.push_back(std::move(f));
        std::string said;
        for (const std::string& f : watcher_.watch(i, w.inputs))
            if (w.unwatchable.insert(f).second) said += "zapros: cannot watch " + one_line(f) + ": its directory cannot be read\n";
        // Watched before the line is printed: whoever waits for the line may save at once.
        std::cerr << said << diagnostics_news(input, w.last, r.report, ok)
                  << render_line(input, output_path(o_, input).string(), ok, static_cast<long>(ms.count())) << std::flush;
        w.last = LastRender{r.report, ok};
    }

    const Options& o_;
    Installation inst_;
    std::optional<Pipeline> pipeline_;
    std::optional<std::int64_t> epoch_;
    request::Options access_;
    Watcher watcher_;
    std::vector<Watched> files_;
    std::set<std::filesystem::path> installation_;  // fonts/ and hyph/, as named and as resolved
};

}  // namespace

int run_watch(const Options& o) {
    const std::optional<std::int64_t> epoch = source_date_epoch();
    check_distinct_outputs(o);
    const Signals signals;  // before the pipeline starts any thread
    Session session(o, find_installation(), epoch);
    create_output_dir(o);
    session.render_all();
    std::cerr << "zapros: watching " << o.inputs.size() << (o.inputs.size() == 1 ? " request" : " requests")
              << "; Ctrl-C ends\n" << std::flush;
    for (;;) {
        pollfd fds[2] = {{signals.descriptor(), POLLIN, 0}, {session.descriptor(), POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            throw IoError(std::string("cannot wait for changes: ") + std::strerror(errno));
        }
        if (fds[0].revents & POLLIN) {
            signals.take();
            return exit_ok;
        }
        if (fds[1].revents & POLLIN) session.update();
    }
}

}  // namespace zapros::cli
