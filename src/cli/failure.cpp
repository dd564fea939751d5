#include "cli/failure.hpp"

#include <new>

#include "base/diagnostic.hpp"
#include "base/files.hpp"
#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "output/haru.hpp"
#include "text/font.hpp"
#include "text/hyphenate.hpp"

namespace zapros::cli {

std::string Failure::message(DiagnosticFormat format, const std::string& input) const {
    if (format == DiagnosticFormat::gcc) return "zapros: " + text + "\n";
    return zapros::format(diagnostic(input), format) + "\n";
}

Failure describe(const std::exception_ptr& e, const std::string& input) {
    const std::string who = input.empty() ? std::string() : input + ": ";
    try {
        std::rethrow_exception(e);
    } catch (const Usage& u) {
        return {exit_usage, u.message};
    } catch (const LinkRefused& l) {  // the repository's content is at fault, as with a bad request
        return {exit_input, "error: " + std::string(l.what())};
    } catch (const IoError& io) {  // its message names the file
        return {exit_system, io.what()};
    } catch (const text::FontError& f) {
        return {exit_system, who + "font: " + f.what()};
    } catch (const text::HyphenError& h) {
        return {exit_system, who + h.what()};
    } catch (const zapros::output::OutputError& o) {
        return {exit_system, who + "PDF: " + o.what()};
    } catch (const std::bad_alloc&) {
        return {exit_system, who + "out of memory"};
    } catch (const std::exception& x) {
        return {exit_system, who + "internal error: " + x.what() + " (a bug in zapros; please report it with the file)"};
    } catch (...) {
        return {exit_system, who + "internal error: an exception of unknown type (a bug in zapros; please report it with the file)"};
    }
}

}  // namespace zapros::cli
