#pragma once
// Inside output/: the one owner of a libharu document (STYLE 5). libharu reports errors through
// a C callback and keeps them "sticky" (shared/notes/libharu-2.3.0.md §8); the callback only
// records the first one, and every call goes through check(), which resets the document and
// throws on the C++ side. Nothing throws or longjmps through libharu's C frames.
#include <hpdf.h>

#include <stdexcept>
#include <string>

namespace zapros::output {

struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Haru {
public:
    Haru();
    ~Haru();
    Haru(const Haru&) = delete;
    Haru& operator=(const Haru&) = delete;

    HPDF_Doc get() const { return doc_; }

    // Throws OutputError when libharu reported an error since the last check, or when ok is false
    // (a NULL return that libharu did not report, as with a truncated font).
    void check(const char* what, bool ok = true);

    template <typename T>
    T checked(const char* what, T result) {
        check(what, result != nullptr);
        return result;
    }

    std::string save();  // the whole PDF, from memory

private:
    static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self);

    HPDF_Doc doc_ = nullptr;
    HPDF_STATUS error_ = 0;
    HPDF_STATUS detail_ = 0;
};

}  // namespace zapros::output
