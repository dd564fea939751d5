#pragma once
// The letter's contract in points: GOST R 7.0.97's page and zones as src/compose/style.hpp sets
// them by default. Written out here, not included: the test must not take its oracle from the
// code it checks, and a change of these numbers is a change of the letter that should show.
namespace zapros::property::geometry {

constexpr double mm = 72.0 / 25.4;
constexpr double page_width = 210 * mm;
constexpr double page_height = 297 * mm;
constexpr double left = 30 * mm;                      // margin_left
constexpr double right = page_width - 15 * mm;        // page width − margin_right
constexpr double bottom = 20 * mm;                    // margin_bottom
constexpr double top = page_height - 20 * mm;         // page height − margin_top
constexpr double measure = right - left;
// The same margins on any paper (a request's `paper: letter` too), from the page's size.
constexpr double right_on(double paper_width) { return paper_width - 15 * mm; }
constexpr double top_on(double paper_height) { return paper_height - 20 * mm; }
constexpr double addressee_left_on(double paper_width) { return right_on(paper_width) - 80 * mm; }
constexpr double sender_right_on(double paper_width) { return addressee_left_on(paper_width) - 10 * mm; }
constexpr double page_number_baseline_on(double paper_height) { return paper_height - 12 * mm; }
constexpr double addressee_left = right - 80 * mm;    // addressee_width at the right margin
constexpr double sender_right = addressee_left - 10 * mm;  // header_gap before it
constexpr double page_number_baseline = page_height - 12 * mm;
constexpr double page_number_size = 10;
constexpr double sender_size = 10;
constexpr double addressee_size = 12;
// A letterhead's name, bold (in the sender's column, or centred over the measure), and how far a
// centred letterhead's last baseline stands above the addressees' first at least.
constexpr double letterhead_name_size = 11;
constexpr double banner_gap = 12;
constexpr double note_size = 10;
constexpr double note_rule_width = 50 * mm;
// Marks are 0.65 × the size of their text: 12 pt body, 10 pt cells, 13 pt first-level headings;
// with `font-size: 13` or `14` the body at that size and first-level headings 1 pt larger.
constexpr double mark_sizes[] = {0.65 * 12, 0.65 * 10, 0.65 * 13, 0.65 * 14, 0.65 * 15};
// The addressees stand at the text's size: 12 pt, or 13 or 14 with `font-size`.
constexpr double text_sizes[] = {12, 13, 14};
// Figures (issue 16): the caption in 10 pt, its first baseline at most this far under the image
// (a 6 pt gap and a 12 pt leading).
constexpr double caption_size = 10;
constexpr double caption_reach = 6 + 12 + 0.5;
// A signature's scan is 15 mm tall; a seal at most 40 mm wide and tall; a logo at most 20 mm tall.
constexpr double logo_height = 20 * mm;
// The tolerance: a line never exceeds its width by more than 0.5 pt.
constexpr double tolerance = 0.5;
// A glyph's box around its baseline, in ems: small enough that the tightest leading (10 pt on
// 12 pt, marks at 0.65× raised 0.36× the text size) keeps neighbouring lines apart.
constexpr double box_depth = 0.2;
constexpr double box_height = 0.75;

}  // namespace zapros::property::geometry
