#pragma once
// Inside cli/: what an exception that ended a command, or the work on one input, tells the user,
// and with which exit status. Every exception has one: nothing reaches std::terminate.
#include <exception>
#include <string>

#include "base/diagnostic.hpp"

namespace zapros::cli {

struct Failure {
    int status;        // the exit status of the exception's class (cli.hpp)
    std::string text;  // what happened, naming the file

    // For stderr: "zapros: TEXT" (gcc), or in the json and github formats a diagnostic about
    // input as a whole (no line, no column), so that a CI reading those reads this one too.
    std::string message(DiagnosticFormat format = DiagnosticFormat::gcc, const std::string& input = {}) const;
    // The same as a diagnostic without a position, for the reports.
    Diagnostic diagnostic(const std::string& input = {}) const { return {Severity::error, input, Pos{}, text, {}}; }
};

// The exception in flight (std::current_exception()), which ended the work on input (empty when
// it ended the command as a whole). Anything unknown is an internal error: a bug in zapros.
Failure describe(const std::exception_ptr& e, const std::string& input = {});

}  // namespace zapros::cli
