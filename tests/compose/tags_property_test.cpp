// The structure tree's invariants (tests/structure_check.hpp) over the layout property test's
// generated requests (tests/property/generate.hpp), typeset in process: the property test itself
// reads PDFs only, and the tree is output/'s input, checked here before it is written.
#include <catch2/catch.hpp>

#include "layout_support.hpp"
#include "property/generate.hpp"
#include "property/markdown.hpp"
#include "property/runner.hpp"
#include "structure_check.hpp"
#include "support.hpp"

using namespace zapros;

TEST_CASE("every generated document's runs are tagged content or artifacts, in a tree PDF/UA-1 accepts", "[tag][property]") {
    const auto dir = test::temp_dir("tags-property");
    int documents = 0;
    for (const property::Focus focus : property::all_foci) {
        for (std::uint64_t seed = 1000; seed < 1006; ++seed) {
            const std::string stem = property::name_of(focus) + "-" + std::to_string(seed);
            const property::Written w = property::write(property::generate(seed, focus), stem + ".img/");
            property::write_images(w, dir.string());
            test::write(dir / (stem + ".md"), w.markdown);
            Diagnostics d((dir / (stem + ".md")).string());
            const auto t = test::typeset_file(dir / (stem + ".md"), d);
            if (!t) continue;  // refused (an error the generator meant): nothing is drawn
            ++documents;
            INFO(stem);
            CHECK(test::structure_violations(t->document->structure, t->pages) == std::vector<std::string>{});
        }
    }
    CHECK(documents >= 35);  // of 42: the generator seldom writes a request zapros refuses
}
