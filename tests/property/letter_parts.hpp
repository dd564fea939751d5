#pragma once
// Issue 16's content for the generator: pictures of random pixel sizes and DPIs (some wider than
// the measure or taller than a page at their natural size), figures in paragraphs, and the
// official letter's parts in the front matter.
#include <string>

#include "random.hpp"
#include "sample.hpp"

namespace zapros::property {

// A new picture of s, its index. Pixel sizes from a few to ~1,000, at DPIs from none (150) to
// 600, so that some must be scaled to the measure or the page.
int add_picture(Random& r, Sample& s);

// A figure among the pieces of t: alone when t is empty, else amid its text; one in ten with a
// caption of 30 to 80 words.
void add_figure(Random& r, const std::string& lang, Sample& s, Text& t);

// The letter's parts, each with its own chance; every = true: each part more often.
void add_letter_parts(Random& r, const std::string& lang, Sample& s, bool every);

// Makes every picture's pixel size unique (widening the later ones): the checker tells the
// images of the PDF apart by it.
void distinct_sizes(Sample& s);

}  // namespace zapros::property
