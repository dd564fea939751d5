#include "base/files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <utility>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace zapros {

namespace {

std::string reason(int err) { return std::strerror(err); }

// Closes a descriptor on every path out of a scope.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

}  // namespace

std::string read_file(const std::filesystem::path& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) throw IoError("cannot open " + path.string() + ": " + reason(errno));
    // Straight into a string of the file's size and one byte more, so that the read seeing the
    // end needs no room to be made (growing a string by appending copied each font three
    // times); a file that grows meanwhile is read to its end all the same.
    struct stat st {};
    std::string data;
    if (::fstat(fd.get(), &st) == 0 && S_ISREG(st.st_mode)) data.resize(static_cast<std::size_t>(st.st_size) + 1);
    std::size_t done = 0;
    for (;;) {
        if (done == data.size()) data.resize(2 * done + (1 << 16));
        const ssize_t n = ::read(fd.get(), data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw IoError("cannot read " + path.string() + ": " + reason(errno));
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    data.resize(done);
    return data;
}

FileBytes FileBytes::map(const std::filesystem::path& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) throw IoError("cannot open " + path.string() + ": " + reason(errno));
    struct stat st {};
    if (::fstat(fd.get(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        const auto size = static_cast<std::size_t>(st.st_size);
        void* at = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd.get(), 0);
        if (at != MAP_FAILED) {
            FileBytes out;
            out.mapped_ = static_cast<const char*>(at);
            out.size_ = size;
            return out;
        }
    }
    return FileBytes(read_file(path));
}

FileBytes::FileBytes(FileBytes&& other) noexcept
    : owned_(std::move(other.owned_)),
      mapped_(std::exchange(other.mapped_, nullptr)),
      size_(std::exchange(other.size_, 0)) {}

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
    // What this held goes to other, which releases it.
    std::swap(owned_, other.owned_);
    std::swap(mapped_, other.mapped_);
    std::swap(size_, other.size_);
    return *this;
}

FileBytes::~FileBytes() {
    if (mapped_) ::munmap(const_cast<char*>(mapped_), size_);
}

namespace {

// Writes all bytes; 0, or the errno of the first failure.
int write_bytes(int fd, std::string_view bytes) {
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

// Writes all bytes and closes the descriptor; 0, or the errno of the first failure.
int write_all(Fd& fd, std::string_view bytes) {
    if (const int err = write_bytes(fd.get(), bytes)) return err;  // the caller's Fd closes it
    return ::close(fd.release()) == 0 ? 0 : errno;
}

}  // namespace

namespace {
std::string joined(const std::vector<std::filesystem::path>& dirs) {
    std::string out;
    for (const auto& d : dirs) out += (out.empty() ? "" : ", ") + d.string();
    return out.empty() ? "(none)" : out;
}
}  // namespace

LinkRefused::LinkRefused(const std::filesystem::path& given, const std::filesystem::path& l, const std::filesystem::path& t,
                         const std::vector<std::filesystem::path>& roots)
    : IoError((l == given ? given.string() + " is a symbolic link to " + t.string()
                          : given.string() + " leads through the symbolic link " + l.string() + " to " + t.string()) +
              ", outside every directory zapros may write under here (" + joined(roots) +
              "; --allow-dir adds one to render and check); nothing was written"),
      link(l),
      target(t) {}

namespace {

bool is_link(const std::filesystem::path& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

// The first part of p, from its start, that is a symbolic link; empty when none is.
std::filesystem::path first_link(const std::filesystem::path& p) {
    std::filesystem::path prefix;
    for (const auto& part : p) {
        prefix /= part;
        if (is_link(prefix)) return prefix;
    }
    return {};
}

// p with every link resolved, the last part's too even when it leads nowhere yet (which
// weakly_canonical would leave unresolved, as a path that does not exist).
std::filesystem::path resolved(const std::filesystem::path& given) {
    std::error_code ec;
    std::filesystem::path at = given;
    for (int hops = 0; is_link(at); ++hops) {
        const std::filesystem::path next = std::filesystem::read_symlink(at, ec);
        if (ec || hops == 40) throw IoError("cannot resolve the symbolic link " + given.string() + ": " + reason(ELOOP));
        at = next.is_absolute() ? next : at.parent_path() / next;
    }
    // Absolute first: a bare name whose target does not exist yet (summary.md → s.md) has no
    // existing prefix, and weakly_canonical would leave it relative, outside every root.
    const std::filesystem::path real = std::filesystem::weakly_canonical(std::filesystem::absolute(at, ec), ec);
    if (ec) throw IoError("cannot resolve the symbolic link " + given.string() + ": " + ec.message());
    return real;
}

}  // namespace

void WriteRoots::add_named(const std::filesystem::path& dir) {
    const std::filesystem::path d = dir.empty() ? "." : dir;
    if (!first_link(d).empty()) return;
    add_allowed(d);
}

void WriteRoots::add_allowed(const std::filesystem::path& dir) {
    std::error_code ec;
    const auto real = std::filesystem::weakly_canonical(dir.empty() ? "." : dir, ec);
    if (!ec) dirs_.push_back(real);
}

bool WriteRoots::contains(const std::filesystem::path& p) const {
    for (const auto& root : dirs_) {
        const auto rel = p.lexically_relative(root);
        if (!rel.empty() && *rel.begin() != "..") return true;
    }
    return false;
}

std::filesystem::path write_target(const std::filesystem::path& given, const WriteRoots& roots) {
    const std::filesystem::path link = first_link(given);
    if (link.empty()) return given;
    const std::filesystem::path target = resolved(given);
    if (!roots.contains(target)) throw LinkRefused(given, link, target, roots.dirs());
    return target;
}

namespace {

// A fresh temporary file beside path: created by this call (O_EXCL), never through a link
// (O_NOFOLLOW), under a name drawn at random so that nothing can be planted there in advance.
Fd create_temporary(const std::filesystem::path& path, std::filesystem::path& tmp) {
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    thread_local std::mt19937_64 random{std::random_device{}()};
    for (int attempt = 0; attempt < 100; ++attempt) {
        // The target's name, unless that would pass NAME_MAX (255 bytes on Linux) with the suffix.
        const std::string base = path.filename().string();
        std::string name = "." + (base.size() + 14 <= 255 ? base : std::string("zapros")) + ".";
        for (int i = 0; i < 8; ++i) name += alphabet[random() % (sizeof alphabet - 1)];
        tmp = path.parent_path() / (name + ".tmp");
        Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
        if (fd.get() >= 0 || errno != EEXIST) return Fd(fd.release());
    }
    errno = EEXIST;
    return Fd(-1);
}

}  // namespace

std::optional<int> own_descriptor(const std::filesystem::path& path) {
    const std::string p = path.string();
    if (p == "/dev/stdout") return 1;
    if (p == "/dev/stderr") return 2;
    for (const std::string_view dir : {"/dev/fd/", "/proc/self/fd/"}) {
        if (p.size() <= dir.size() || p.compare(0, dir.size(), dir) != 0 || p.size() - dir.size() > 6) continue;
        int fd = 0;
        for (std::size_t i = dir.size(); i < p.size(); ++i) {
            if (p[i] < '0' || p[i] > '9') return std::nullopt;
            fd = 10 * fd + (p[i] - '0');
        }
        return fd;
    }
    return std::nullopt;
}

void write_descriptor(int fd, std::string_view bytes, const std::string& what) {
    if (const int err = write_bytes(fd, bytes)) throw IoError("cannot write " + what + ": " + reason(err));
}

void write_file_atomic(const std::filesystem::path& path, std::string_view bytes, const std::string& shown) {
    const std::string name = shown.empty() ? path.string() : shown;  // what the user asked for, in every message
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) throw IoError("cannot write " + name + ": " + reason(EISDIR));
        // An existing non-file (a FIFO, /dev/null, a terminal) is written into: renaming over
        // it would replace the device or pipe with a regular file.
        if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
            Fd fd(::open(path.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC));
            const int err = fd.get() < 0 ? errno : write_all(fd, bytes);
            if (err) throw IoError("cannot write " + name + ": " + reason(err));
            return;
        }
    }
    std::filesystem::path tmp;
    Fd fd = create_temporary(path, tmp);
    if (fd.get() < 0) throw IoError("cannot write " + name + ": " + reason(errno));
    if (const int err = write_all(fd, bytes)) {
        ::unlink(tmp.c_str());
        throw IoError("cannot write " + name + ": " + reason(err));
    }
    // rename() replaces a directory entry: a link put in path's place meanwhile is replaced
    // itself, its target untouched.
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw IoError("cannot write " + name + ": " + reason(err));
    }
}

}  // namespace zapros
