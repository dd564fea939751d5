#pragma once
// Every dimension of the letter's form, with its default in one place. Defaults follow
// GOST R 7.0.97 for organisational letters (shared/notes/gost-letter.md).
#include "base/units.hpp"

namespace zapros::compose {

struct Style {
    // A4 with GOST's margins (left ≥ 30 mm for documents kept over 10 years).
    Sp page_width = mm(210);
    Sp page_height = mm(297);
    Sp margin_left = mm(30);
    Sp margin_right = mm(15);
    Sp margin_top = mm(20);
    Sp margin_bottom = mm(20);

    // Body: PT Serif 12 pt, baselines 1.25× the size, first-line indent 1.25 cm.
    Sp body_size = pt(12);
    Sp body_leading = pt(15);
    Sp parindent = mm(12.5);
    Sp block_skip = pt(6);  // around block quotes, lists, tables, code, headings

    // Requisites: single-spaced (about 1.15×), the addressee zone at most 8 cm wide at the
    // right margin, a half line between addressees; the sender block smaller, top left.
    Sp addressee_width = mm(80);
    Sp addressee_leading = pt(14);
    Sp addressee_gap = pt(6);
    Sp sender_size = pt(10);
    Sp sender_leading = pt(12);
    Sp header_gap = mm(10);  // between the sender's column and the addressee zone

    // Title: centred, bold, with space around it.
    Sp title_size = pt(12);
    Sp title_before = pt(30);
    Sp title_after = pt(18);

    // Headings inside the text.
    Sp heading1_size = pt(13);
    Sp heading_size = pt(12);
    Sp heading_before = pt(12);
    Sp heading_after = pt(6);

    Sp quote_indent = mm(10);
    Sp list_indent = mm(7);      // room for the label ("1)", "a.", "–"); more for a wider label,
    Sp list_label_gap = pt(5);   // which keeps this much from its text
    // Nesting (quotes, lists) stops indenting where less than this would be left for the text;
    // deeper lists then set their labels at the start of the text.
    Sp min_text_width = mm(50);

    Sp code_size = pt(10);
    Sp code_leading = pt(12.5);
    Sp code_hang = pt(24);  // a code line too long for the measure goes on four characters in

    Sp table_size = pt(10);
    Sp table_leading = pt(12);
    Sp table_padding = pt(3);
    Sp table_rule = pt(0.4);

    // Figures: centred, scaled down to the measure and the page, the caption under the image in
    // 10 pt centred lines; a blank line's worth of space around.
    Sp figure_before = pt(12);
    Sp figure_after = pt(12);
    Sp caption_size = pt(10);
    Sp caption_leading = pt(12);
    Sp figure_min_height = pt(36);  // a caption leaving its image less of a page is an error
    Sp caption_gap = pt(6);  // from the image's foot to the caption's first line

    Sp break_rule_width = mm(40);  // a thematic break: a short centred rule
    Sp break_rule_thickness = pt(0.5);

    // Notes: 10 pt under a short rule; marks are digits at 65 % of the size, raised.
    Sp note_size = pt(10);
    Sp note_leading = pt(12);
    Sp note_rule_width = mm(50);
    Sp note_rule_thickness = pt(0.4);
    Sp note_skip = pt(9);     // from the last text line's depth to the rule
    Sp note_gap = pt(2);      // between two notes
    double mark_scale = 0.65;
    double mark_rise = 0.36;  // of the text size

    // Signature rows: GOST's 2–3 intervals below the text, a 40 mm line to sign on.
    Sp signature_before = pt(30);
    Sp signature_line = mm(40);
    Sp signature_gap = pt(12);  // between signatories
    double signature_name_share = 0.375;  // of the measure: a longer name wraps
    Sp date_before = pt(18);

    // Page numbers from page 2, centred in the top margin, ≥ 10 mm from the edge.
    Sp page_number_baseline = mm(12);
    Sp page_number_size = pt(10);

    // The official letter's parts (GOST R 7.0.97). The letterhead: a logo at most this tall
    // (and as wide as its column or the measure), the organisation's name in bold.
    Sp logo_height = mm(20);
    Sp logo_gap = pt(4);                 // under the logo
    Sp letterhead_name_size = pt(11);  // a size of its own: tests/property tells the name from the title by it
    Sp letterhead_after = pt(12);        // a centred letterhead above the requisites
    Sp number_before = pt(6);            // the registration number under the sender's lines
    Sp opening_after = pt(12);           // the salutation, centred above the text
    Sp enclosure_before = pt(12);        // the enclosures after the text
    Sp courtesy_before = pt(12);         // "С уважением," after the text, the signatures after it
    // A scanned signature this tall over its line, its foot this far below the baseline (a
    // hand's stroke runs past the line); the seal at its natural size, at most this big.
    Sp scan_height = mm(15);
    Sp scan_drop = mm(2);
    Sp stamp_max = mm(40);
    double stamp_reach = 0.3;  // the seal's right edge this share of the signature line in from its left end
    // The executor's note, at the foot of the last page's text area.
    Sp executor_size = pt(10);
    Sp executor_leading = pt(12);
    Sp executor_before = pt(12);         // at least this much under the text above it

    Sp measure() const { return page_width - margin_left - margin_right; }
    Sp text_height() const { return page_height - margin_top - margin_bottom; }
};

}  // namespace zapros::compose
