#include "cli/watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "base/files.hpp"

namespace zapros::cli {

namespace {

// A save: written and closed, or renamed into place. Not IN_CREATE or IN_MODIFY, which come
// before the file is whole (an editor writing in place, cp).
constexpr std::uint32_t saved = IN_CLOSE_WRITE | IN_MOVED_TO;

}  // namespace

Watcher::Watcher() : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_ < 0) throw IoError(std::string("cannot watch files (inotify): ") + std::strerror(errno));
}

Watcher::~Watcher() { ::close(fd_); }

void Watcher::forget(std::size_t key) {
    const auto it = by_key_.find(key);
    if (it == by_key_.end()) return;
    for (const Name& n : it->second) {
        const auto at = names_.find(n);
        if (at == names_.end()) continue;
        at->second.keys.erase(key);
        if (at->second.keys.empty()) names_.erase(at);
    }
    by_key_.erase(it);
}

void Watcher::add(std::size_t key, const std::filesystem::path& file, std::vector<std::string>& failed) {
    const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : ".";
    // The same directory named twice (or by two paths) gives the same watch: the kernel keys
    // watches by inode, and adding one again only sets its mask.
    const int wd = ::inotify_add_watch(fd_, dir.c_str(), saved | IN_ONLYDIR);
    if (wd < 0) {
        failed.push_back(file.string());
        return;
    }
    const Name n{wd, file.filename().string()};
    Interest& i = names_[n];
    if (i.file.empty()) i.file = file.string();
    if (i.keys.insert(key).second) by_key_[key].push_back(n);
}

std::vector<std::string> Watcher::watch(std::size_t key, const std::vector<std::string>& files) {
    forget(key);
    std::vector<std::string> failed;
    for (const std::string& f : files) {
        const std::filesystem::path file(f);
        add(key, file, failed);
        std::error_code ec;
        const std::filesystem::path real = std::filesystem::canonical(file, ec);
        if (!ec && real != std::filesystem::absolute(file, ec).lexically_normal()) add(key, real, failed);
    }
    return failed;
}

Watcher::Changes Watcher::take() {
    Changes c;
    // Aligned as the kernel writes the records; large enough for many at once.
    alignas(inotify_event) char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd_, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // EAGAIN: nothing more pending
        for (const char* p = buffer; p < buffer + n;) {
            inotify_event e;
            std::memcpy(&e, p, sizeof e);
            const char* name = p + sizeof(inotify_event);
            p += sizeof(inotify_event) + e.len;
            if (e.mask & IN_Q_OVERFLOW) c.overflow = true;
            if (!(e.mask & saved) || e.len == 0) continue;
            const auto at = names_.find({e.wd, std::string(name, ::strnlen(name, e.len))});
            if (at == names_.end()) continue;  // a name of no interest: an output, a temporary file
            c.keys.insert(at->second.keys.begin(), at->second.keys.end());
            c.files.insert(at->second.file);
        }
    }
    return c;
}

bool Watcher::wait(int timeout_ms) const {
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, timeout_ms) > 0;
}

}  // namespace zapros::cli
