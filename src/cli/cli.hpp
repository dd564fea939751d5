#pragma once
// The command line: arguments → calls, diagnostics → stderr, outcomes → exit status. Nothing
// else in zapros knows about exit codes.

namespace zapros::cli {

// Exit statuses.
inline constexpr int exit_ok = 0;
inline constexpr int exit_input = 1;   // a request has errors (all diagnostics printed)
inline constexpr int exit_usage = 2;   // the command line is wrong
inline constexpr int exit_system = 3;  // I/O or system error

int main(int argc, char** argv);

}  // namespace zapros::cli
