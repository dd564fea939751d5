#pragma once
// Inside cli/: which files were saved, from inotify(7), for zapros watch.
//
// inotify watches the directories holding the files of interest, not the files: an editor's
// atomic save writes a temporary file and renames it over the old one, and a watch on the old
// file's inode would see nothing (and die with it). In a directory, a file saved in place ends
// with IN_CLOSE_WRITE on its name, one renamed into place with IN_MOVED_TO; a file deleted and
// made again by either way is caught the same. Every other name in those directories (our own
// PDFs and their temporary files among them) is ignored, so writing an output never triggers a
// render.
#include <compare>
#include <cstddef>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace zapros::cli {

class Watcher {
public:
    Watcher();  // throws IoError when inotify is not available
    ~Watcher();
    Watcher(const Watcher&) = delete;
    Watcher& operator=(const Watcher&) = delete;

    // From now on key depends on these files (and on no other it depended on before). A file
    // reached through a symbolic link is watched under its target's name too, where the editor
    // saves it. Returns the files whose directory cannot be watched (missing, not readable, the
    // system's limit of watches reached), each as given.
    std::vector<std::string> watch(std::size_t key, const std::vector<std::string>& files);

    struct Changes {
        std::set<std::size_t> keys;         // whose files were saved
        std::set<std::string> files;        // the files saved, each as first watched
        bool overflow = false;              // the kernel's queue overflowed: events were lost
    };
    // Every event pending now, without waiting (none: empty Changes): the saves that arrived
    // together are one set, and each key in it is rendered once.
    Changes take();

    // Waits until an event is pending, at most timeout_ms (-1: no limit). True when one is.
    bool wait(int timeout_ms) const;

    int descriptor() const { return fd_; }  // for poll(2) beside other descriptors

private:
    struct Name {
        int wd;            // the directory's watch
        std::string name;  // the file's name in it
        auto operator<=>(const Name&) const = default;
    };
    struct Interest {
        std::string file;          // as first watched
        std::set<std::size_t> keys;
    };
    void add(std::size_t key, const std::filesystem::path& file, std::vector<std::string>& failed);
    void forget(std::size_t key);

    int fd_;
    std::map<Name, Interest> names_;
    std::map<std::size_t, std::vector<Name>> by_key_;
};

}  // namespace zapros::cli
