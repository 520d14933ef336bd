// Where a token or an expression starts in the text it was read from.
#pragma once

namespace covet::syntax {

struct Position {
    int line = 1;    // 1-based
    int column = 1;  // 1-based, counted in characters (UTF-8 code points)
};

}  // namespace covet::syntax
