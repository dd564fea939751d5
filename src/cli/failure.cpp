#include "cli/failure.hpp"

#include <new>

#include "base/files.hpp"
#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "output/haru.hpp"
#include "text/font.hpp"
#include "text/hyphenate.hpp"

namespace zapros::cli {

Failure describe(const std::exception_ptr& e, const std::string& input) {
    const std::string who = "zapros: " + (input.empty() ? std::string() : input + ": ");
    try {
        std::rethrow_exception(e);
    } catch (const Usage& u) {
        return {exit_usage, "zapros: " + u.message + "\n"};
    } catch (const LinkRefused& l) {  // the repository's content is at fault, as with a bad request
        return {exit_input, "zapros: error: " + std::string(l.what()) + "\n"};
    } catch (const IoError& io) {  // its message names the file
        return {exit_system, "zapros: " + std::string(io.what()) + "\n"};
    } catch (const text::FontError& f) {
        return {exit_system, who + "font: " + f.what() + "\n"};
    } catch (const text::HyphenError& h) {
        return {exit_system, who + h.what() + "\n"};
    } catch (const zapros::output::OutputError& o) {
        return {exit_system, who + "PDF: " + o.what() + "\n"};
    } catch (const std::bad_alloc&) {
        return {exit_system, who + "out of memory\n"};
    } catch (const std::exception& x) {
        return {exit_system, who + "internal error: " + x.what() + " (a bug in zapros; please report it with the file)\n"};
    } catch (...) {
        return {exit_system, who + "internal error: an exception of unknown type (a bug in zapros; please report it with the file)\n"};
    }
}

}  // namespace zapros::cli
