#pragma once
// Inside cli/: what an exception that ended a command, or the work on one input, tells the user,
// and with which exit status. Every exception has one: nothing reaches std::terminate.
#include <exception>
#include <string>

namespace zapros::cli {

struct Failure {
    int status;        // the exit status of the exception's class (cli.hpp)
    std::string text;  // what happened, naming the file

    // For stderr: "zapros: TEXT", or with json a diagnostic about input as a whole (line and
    // column 0), so that a CI reading JSON lines reads this one too.
    std::string message(bool json = false, const std::string& input = {}) const;
};

// The exception in flight (std::current_exception()), which ended the work on input (empty when
// it ended the command as a whole). Anything unknown is an internal error: a bug in zapros.
Failure describe(const std::exception_ptr& e, const std::string& input = {});

}  // namespace zapros::cli
