#include "base/files.hpp"

#include <cerrno>
#include <cstdio>
#include <utility>
#include <cstring>
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

// Writes all bytes and closes the descriptor; 0, or the errno of the first failure.
int write_all(Fd& fd, std::string_view bytes) {
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;  // the caller's Fd closes it
        }
        done += static_cast<std::size_t>(n);
    }
    return ::close(fd.release()) == 0 ? 0 : errno;
}

}  // namespace

void write_file_atomic(const std::filesystem::path& given, std::string_view bytes) {
    // A symbolic link stays a link: its target is replaced (/dev/stdout redirected to a file
    // resolves to that file). A link that leads nowhere is replaced like a file.
    std::filesystem::path path = given;
    std::error_code ec;
    if (std::filesystem::is_symlink(given, ec))
        if (auto target = std::filesystem::canonical(given, ec); !ec) path = std::move(target);
    // An existing non-file (a FIFO, /dev/null, a terminal) is written into: renaming over it
    // would replace the device or pipe with a regular file.
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        Fd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
        const int err = fd.get() < 0 ? errno : write_all(fd, bytes);
        if (err) throw IoError("cannot write " + path.string() + ": " + reason(err));
        return;
    }
    const std::filesystem::path tmp = path.string() + ".tmp";
    Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666));
    if (fd.get() < 0) throw IoError("cannot write " + tmp.string() + ": " + reason(errno));
    if (const int err = write_all(fd, bytes)) {
        ::unlink(tmp.c_str());
        throw IoError("cannot write " + tmp.string() + ": " + reason(err));
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw IoError("cannot rename " + tmp.string() + " to " + path.string() + ": " + reason(err));
    }
}

}  // namespace zapros
