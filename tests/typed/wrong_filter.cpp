// Compiled by CTest (tests/CMakeLists.txt): a member-pointer filter must take
// a value of the member's type. With COVET_WRONG_FILTER the file compares a
// text member with a number, which must not compile; without it, the same
// filters with right values must.
#include <string>

#include "covet/typed_filter.h"

struct Article {
    long long id;
    std::string title;
};
COVET_MODEL(Article, "Article", COVET_FIELD(id), COVET_FIELD(title));

covet::Q filters() {
#ifdef COVET_WRONG_FILTER
    return covet::field(&Article::title) >= 1000;
#else
    return (covet::field(&Article::title) >= "m") & (covet::field(&Article::id) < 10);
#endif
}
