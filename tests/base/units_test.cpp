// Font units become scaled points through one rounding, so that a kern counts the same wherever
// a line is measured.
#include <catch2/catch.hpp>

#include "base/units.hpp"
#include "para/items.hpp"

using namespace zapros;

TEST_CASE("font units round once, to the nearest sp: kerns as advances", "[units]") {
    // −15 thousandths of 10.5 pt: −10321.92 sp, which truncation made −10321.
    CHECK(para::kern_width(-15, pt(10.5)) == -10322);
    CHECK(thousandths_of(-15, pt(10.5)) == -10322);
    CHECK(thousandths_of(15, pt(10.5)) == 10322);
    CHECK(thousandths_of(1000, 12345) == 12345);  // a glyph scale of 100 % leaves a width as it is
}
