#pragma once
// The invariants of issue 13, checked on what a PDF draws. Each check returns its failures with
// the evidence a developer needs (page, characters, coordinates, the word missing).
#include <optional>
#include <string>
#include <vector>

#include "markdown.hpp"
#include "pdf_trace.hpp"
#include "process.hpp"

namespace zapros::property {

enum class Invariant { exit_status, overfull, zone, overlap, words, note_page, notdef, image };
std::string name_of(Invariant invariant);

struct Failure {
    Invariant invariant;
    std::string kind;  // the class of defect within the invariant ("right of the measure"…)
    std::string evidence;
};

// Where a glyph belongs on its page, judged from the PDF alone.
enum class Region { letterhead, header_sender, header_addressee, header_other, body, note, page_number };

struct Regions {
    std::vector<Region> of;   // per glyph
    double note_rule_y = -1;  // the note rule's baseline side, or −1 without notes
};
Regions classify(const PdfPage& page);
// A note's mark: a digit at 0.65× the size of body, cell or first-level heading text.
bool is_mark(const Glyph& g);

// Where each note starts (its number at the foot of a page, then its first letters), found in
// number order; nothing for a note whose start was not found.
struct NoteStart {
    std::size_t page = 0;   // index into pages
    std::size_t glyph = 0;  // its number's first glyph
};
std::vector<std::optional<NoteStart>> note_starts(const std::vector<PdfPage>& pages, const Written& written);

std::vector<Failure> check_render(const Outcome& render);  // exit status, overfull warnings
std::vector<Failure> check_zones(const std::vector<PdfPage>& pages);
std::vector<Failure> check_overlaps(const std::vector<PdfPage>& pages);
std::vector<Failure> check_words(const std::vector<PdfPage>& pages, const Written& written);
std::vector<Failure> check_notes(const std::vector<PdfPage>& pages, const Written& written);
std::vector<Failure> check_images(const std::vector<PdfPage>& pages, const Written& written);
// The pages without their figures' captions, which check_images checks under their images: a
// figure that floats takes its caption out of the text's order.
std::vector<PdfPage> without_captions(const std::vector<PdfPage>& pages, const Written& written);
std::vector<Failure> check_notdef(const std::vector<PdfPage>& pages);

// The characters around glyph i of a page, on its line: "…word…" for evidence.
std::string context_of(const PdfPage& page, std::size_t i);
std::string describe(const Glyph& g);

}  // namespace zapros::property
