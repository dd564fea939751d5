#pragma once
// Inside cli/: render's work on one input, shared by zapros render (render.cpp) and zapros watch
// (watch.cpp), so that a watched request is rendered exactly as render would render it.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/pipeline.hpp"
#include "cli/report.hpp"
#include "request/parse.hpp"

namespace zapros::cli {

struct Options;

struct Outcome {
    int status = 0;      // exit_ok, or the status of what went wrong (cli.hpp)
    std::string report;  // diagnostics and messages, ready for stderr
    InputReport facts;   // for the reports (report.hpp)
    // The files this render read, as far as it got: the request and its images once parsed,
    // then the fonts and dictionaries once typeset (Typeset::inputs). What zapros watch watches.
    std::vector<std::string> inputs;
};

// SOURCE_DATE_EPOCH (reproducible-builds.org): when set it must be a number of seconds. Throws Usage.
std::optional<std::int64_t> source_date_epoch();

// Where input's PDF (or trace) goes: -o, DIR/NAME.pdf with -d, else NAME.pdf beside the input.
std::filesystem::path output_path(const Options& o, const std::string& input);

// Two inputs written to one file are refused before anything is rendered. Throws Usage.
void check_distinct_outputs(const Options& o);

// -d DIR created when missing. Throws IoError.
void create_output_dir(const Options& o);

// One input, whatever happens: the diagnostics found, then what ended the work if anything did
// (an installation error, a write refused, a bug), each with the status of its class.
Outcome render_one(Pipeline& pipeline, const Options& o, const std::string& input,
                   std::optional<std::int64_t> epoch, const request::Options& access);

}  // namespace zapros::cli
