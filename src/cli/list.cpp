// zapros list: the register of requests (records/), one row per request or per addressee of a
// split one, as a table, JSON or CSV. A broken request prints its diagnostics and sets the exit
// status; the others are still listed.
#include <iostream>

#include "base/files.hpp"
#include "cli/cli.hpp"
#include "cli/failure.hpp"
#include "cli/options.hpp"
#include "cli/register.hpp"
#include "request/parse.hpp"

namespace zapros::cli {

int run_list(const Options& o) {
    const request::Date today = today_of(o);
    request::Options access;
    for (const std::string& d : o.allow_dirs) access.allowed_dirs.emplace_back(d);
    int status = exit_ok;
    std::vector<records::Row> rows;
    for (const std::string& input : o.inputs) {
        Diagnostics diags(input);
        std::optional<request::Request> req;
        try {
            req = request::parse(input, read_file(input), diags, access);
        } catch (...) {
            const Failure f = describe(std::current_exception(), input);
            std::cerr << f.message(o.format, input);
            status = std::max(status, f.status);
            continue;
        }
        for (const Diagnostic& d : diags.sorted()) std::cerr << format(d, o.format) << '\n';
        if (!req) {
            status = std::max(status, exit_input);
            continue;
        }
        for (records::Row& r : records::rows(*req, today)) rows.push_back(std::move(r));
    }
    std::cout << (o.register_format == "json" ? register_json(rows)
                  : o.register_format == "csv" ? register_csv(rows)
                                               : register_table(rows));
    for (const int year : unknown_calendar_years(rows))
        std::cerr << "zapros: note: zapros knows no Government decree transferring days off in " << year
                  << ": its terms there count Saturdays, Sundays and the holidays of Labour Code art. 112 only\n";
    return status;
}

}  // namespace zapros::cli
