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

LinkRefused::LinkRefused(const std::filesystem::path& l, const std::filesystem::path& t)
    : IoError(l.string() + " is a symbolic link to " + t.string() +
              ", outside the request's directory, the output directory and every --allow-dir; nothing was written"),
      link(l),
      target(t) {}

namespace {

// Whether p lies under one of roots, both taken with every link resolved.
bool under_any(const std::filesystem::path& p, const std::vector<std::filesystem::path>& roots) {
    std::error_code ec;
    for (const auto& root : roots) {
        const auto real_root = std::filesystem::weakly_canonical(root.empty() ? "." : root, ec);
        if (ec) continue;
        const auto rel = p.lexically_relative(real_root);
        if (!rel.empty() && *rel.begin() != "..") return true;
    }
    return false;
}

// Where a write to `given` lands: given itself, or the target of the link it is, when allowed.
std::filesystem::path write_target(const std::filesystem::path& given, const std::vector<std::filesystem::path>& roots) {
    struct stat st {};
    if (::lstat(given.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return given;
    // Every link on the way resolved, the last one even when it leads nowhere yet (which
    // weakly_canonical would leave unresolved, as a path that does not exist).
    std::error_code ec;
    std::filesystem::path at = given;
    for (int hops = 0; std::filesystem::is_symlink(std::filesystem::symlink_status(at, ec)); ++hops) {
        const std::filesystem::path next = std::filesystem::read_symlink(at, ec);
        if (ec || hops == 40) throw IoError("cannot resolve the symbolic link " + given.string() + ": " + reason(ELOOP));
        at = next.is_absolute() ? next : at.parent_path() / next;
    }
    const std::filesystem::path target = std::filesystem::weakly_canonical(at, ec);
    if (ec) throw IoError("cannot resolve the symbolic link " + given.string() + ": " + ec.message());
    if (!under_any(target, roots)) throw LinkRefused(given, target);
    return target;
}

// A fresh temporary file beside path: created by this call (O_EXCL), never through a link
// (O_NOFOLLOW), under a name drawn at random so that nothing can be planted there in advance.
Fd create_temporary(const std::filesystem::path& path, std::filesystem::path& tmp) {
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    thread_local std::mt19937_64 random{std::random_device{}()};
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = "." + path.filename().string() + ".";
        for (int i = 0; i < 8; ++i) name += alphabet[random() % (sizeof alphabet - 1)];
        tmp = path.parent_path() / (name + ".tmp");
        Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
        if (fd.get() >= 0 || errno != EEXIST) return Fd(fd.release());
    }
    errno = EEXIST;
    return Fd(-1);
}

}  // namespace

void write_descriptor(int fd, std::string_view bytes, const std::string& what) {
    if (const int err = write_bytes(fd, bytes)) throw IoError("cannot write " + what + ": " + reason(err));
}

void write_file_atomic(const std::filesystem::path& given, std::string_view bytes,
                       const std::vector<std::filesystem::path>& link_roots) {
    const std::filesystem::path path = write_target(given, link_roots);
    const std::string name = given.string();  // what the user asked for, in every message
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
