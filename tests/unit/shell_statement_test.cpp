// The shell's statements (SPEC.md §6): every statement form, `;` and
// newlines between statements, continuation while brackets are open or a
// line ends in an operator, syntax errors with their line, column and caret.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "covet/error.h"
#include "shell/statement.h"
#include "syntax_render.h"
#include "syntax_test_support.h"

using namespace covet;
using namespace covet::shell;

namespace {

// A statement as "kind name target = value" in the S-expressions of syntax_render.h.
std::string shape(const Statement& statement) {
    // Streams, not `+`: GCC 12 -O2 warns falsely on such concatenations.
    std::ostringstream out;
    if (statement.kind == Statement::Kind::Assign) out << statement.name << " = ";
    if (statement.kind == Statement::Kind::AttributeAssign)
        out << syntax::render(*statement.target) << "." << statement.name << " = ";
    out << syntax::render(statement.value);
    return out.str();
}

std::vector<std::string> shapes(const std::string& text) {
    INFO(text);
    std::vector<std::string> out;
    for (const Statement& statement : parse_statements(text))
        out.push_back(shape(statement));
    return out;
}

ErrorSeen statement_error(const std::string& text) {
    INFO(text);
    return syntax_error_of([&] { parse_statements(text); });
}

using Shapes = std::vector<std::string>;

}  // namespace

TEST_CASE("statements: an expression, a variable assignment, an attribute assignment", "[shell]") {
    CHECK(shapes("User.objects.count()") == Shapes{"(call (. (. User objects) count))"});
    CHECK(shapes("u = User.objects.get(id=1)") ==
          Shapes{"u = (call (. (. User objects) get) id=1)"});
    CHECK(shapes("u.name = 'Jane'") == Shapes{"u.name = 'Jane'"});
    CHECK(shapes("p.author.name = 'x' + 'y'") == Shapes{"(. p author).name = (+ 'x' 'y')"});
    CHECK(shapes("qs[0].age = -1") == Shapes{"([] qs 0).age = -1"});
    CHECK(shapes("x") == Shapes{"x"});
    CHECK(shapes("(x)") == Shapes{"x"});
}

TEST_CASE("statements: the Statement records its kind, names, text and position", "[shell]") {
    const auto statements = parse_statements("  u = User.objects.first() ;\n\tu.name = 'J'  ");
    REQUIRE(statements.size() == 2);
    CHECK(statements[0].kind == Statement::Kind::Assign);
    CHECK(statements[0].name == "u");
    CHECK_FALSE(statements[0].target.has_value());
    CHECK(statements[0].text == "u = User.objects.first()");
    CHECK(statements[0].position.line == 1);
    CHECK(statements[0].position.column == 3);
    CHECK(statements[1].kind == Statement::Kind::AttributeAssign);
    CHECK(statements[1].name == "name");
    CHECK(statements[1].text == "u.name = 'J'");
    CHECK(statements[1].position.line == 2);
    CHECK(statements[1].position.column == 2);
}

TEST_CASE("statements: semicolons and newlines separate, empty statements are skipped", "[shell]") {
    CHECK(shapes("u.name = 'Jane'; u.save()") == Shapes{"u.name = 'Jane'", "(call (. u save))"});
    CHECK(shapes("a\nb\n\nc") == Shapes{"a", "b", "c"});
    CHECK(shapes(";;a;;\n;b;") == Shapes{"a", "b"});
    CHECK(shapes("").empty());
    CHECK(shapes("  \n\t\n ;").empty());
    CHECK(shapes("a # a comment; not a statement\nb") == Shapes{"a", "b"});
    CHECK(shapes("# only a comment").empty());
    CHECK(shapes("a\r\nb\r\n") == Shapes{"a", "b"});
}

TEST_CASE("statements: brackets, a trailing operator and a backslash continue a statement",
          "[shell]") {
    CHECK(shapes("User.objects.filter(\n  age__gte=18,\n  active=True\n).count()") ==
          Shapes{"(call (. (call (. (. User objects) filter) age__gte=18 active=True) count))"});
    CHECK(shapes("x = [1,\n2]\ny") == Shapes{"x = (list 1 2)", "y"});
    CHECK(shapes("x = 1 +\n 2") == Shapes{"x = (+ 1 2)"});
    CHECK(shapes("x =\n 2") == Shapes{"x = 2"});
    CHECK(shapes("User.objects.\nall()") == Shapes{"(call (. (. User objects) all))"});
    CHECK(shapes("x = 1 \\\n + 2") == Shapes{"x = (+ 1 2)"});
    // Without an open bracket or a trailing operator, a newline ends the statement.
    CHECK(shapes("x = 1\n-2") == Shapes{"x = 1", "-2"});
}

TEST_CASE("statements: SPEC section 6 examples parse", "[shell]") {
    const auto statements = parse_statements(
        "User.objects.filter(age__gte=18, active=True).exclude(name__startswith='J')"
        ".order_by('-created_at')[:10]\n"
        "User.objects.filter(Q(age__gte=18) & Q(active=True) | Q(is_admin=True)).count()\n"
        "Post.objects.filter(author__name__icontains='doe').select_related('author')"
        ".values('title', 'author__name')\n"
        "User.objects.annotate(post_count=Count('posts')).filter(post_count__gt=1)"
        ".values_list('name', 'post_count')\n"
        "Post.objects.aggregate(total=Count('id'), avg_views=Avg('view_count'))\n"
        "Post.objects.filter(id=1).update(view_count=F('view_count') + 1)\n"
        "u = User.objects.get(id=1)\n"
        "u.name = 'Jane'; u.save()\n"
        "u.posts.all()\n"
        "p = Post.objects.create(title='Hi', author=u); p.tags.add(t1, t2)\n");
    REQUIRE(statements.size() == 12);
    CHECK(shape(statements[1]) ==
          "(call (. (call (. (. User objects) filter) (| (& (call Q age__gte=18) (call Q "
          "active=True)) (call Q is_admin=True))) count))");
    CHECK(shape(statements[11]) == "(call (. (. p tags) add) t1 t2)");
    CHECK(statements[11].position.line == 10);
    CHECK(statements[11].text == "p.tags.add(t1, t2)");
}

TEST_CASE("statements: errors carry the line and column of what does not fit", "[shell]") {
    auto error = statement_error("User.objects.filter(x=1");
    CHECK(error.message == "expected ')', found end of text");
    CHECK(error.line == 1);
    CHECK(error.column == 24);

    error = statement_error("a = 1\nb = (2 3)");
    CHECK(error.message == "expected ',' or ')', found number 3");
    CHECK(error.line == 2);
    CHECK(error.column == 8);

    error = statement_error("x = ; y");
    CHECK(error.message == "expected a value, found ';'");
    CHECK(error.column == 5);

    error = statement_error("x = 1 +\n");
    CHECK(error.message == "expected a value, found end of text");
    CHECK(error.line == 2);

    error = statement_error("x = 1 2");
    CHECK(error.message == "unexpected number 2 after number 1");
    CHECK(error.column == 7);

    error = statement_error("f(x) = 1");
    CHECK(error.message == "only a name or an attribute can be assigned to");
    CHECK(error.column == 6);

    error = statement_error("a.b = c = 1");
    CHECK(error.message == "unexpected '=' after name 'c'");
    CHECK(error.column == 9);

    error = statement_error("x = 'open");
    CHECK(error.message == "unterminated string");
    CHECK(error.column == 5);

    error = statement_error("x = 1 \\ 2");
    CHECK(error.message == "unexpected character '\\'");
    CHECK(error.column == 7);

    error = statement_error("a)\n");
    CHECK(error.message == "unexpected ')' after name 'a'");
    CHECK(error.column == 2);
}

TEST_CASE("statements: blank lines inside a continued statement are blanks", "[shell]") {
    CHECK(shapes("x = 1 *\n\ny") == Shapes{"x = (* 1 y)"});
    CHECK(shapes("f(\n\n1)\n\ng") == Shapes{"(call f 1)", "g"});
    const auto bracket = statement_error("y = (1,\n]");
    CHECK(bracket.message == "expected a value, found ']'");
    CHECK(bracket.line == 2);
    CHECK(bracket.column == 1);
}

TEST_CASE("statements: nesting is bounded", "[shell]") {
    std::string deep(200, '(');
    deep.append("1").append(200, ')');
    const auto error = statement_error(deep);
    CHECK(error.message.find("nesting deeper than") == 0);
    std::string ok(20, '[');
    ok.append(20, ']');
    CHECK(shapes(ok).size() == 1);
}

TEST_CASE("statements: needs_more_input while brackets are open or a line ends in an operator",
          "[shell]") {
    CHECK(needs_more_input("User.objects.filter("));
    CHECK(needs_more_input("x = [1,\n2"));
    CHECK(needs_more_input("x = {'a': (1,"));
    CHECK(needs_more_input("x = 1 +"));
    CHECK(needs_more_input("q = Q(a=1) |  "));
    CHECK(needs_more_input("u."));
    CHECK(needs_more_input("x ="));
    CHECK(needs_more_input("x = 1 \\"));
    CHECK(needs_more_input("f(1,\n2,\n"));
    CHECK_FALSE(needs_more_input(""));
    CHECK_FALSE(needs_more_input("x = 1"));
    CHECK_FALSE(needs_more_input("f(1,\n2)"));
    CHECK_FALSE(needs_more_input("x = f(1)) + ("));  // a stray ')' is an error now
    CHECK_FALSE(needs_more_input("x = 'open"));      // a string cannot span lines
    CHECK_FALSE(needs_more_input("x = 1 # trailing +"));
    CHECK_FALSE(needs_more_input("x = '('"));
}

TEST_CASE("statements: caret_excerpt shows the line and a caret under the column", "[shell]") {
    CHECK(caret_excerpt("User.objects.fliter(x=1", {1, 24}) ==
          "User.objects.fliter(x=1\n                       ^");
    CHECK(caret_excerpt("a = 1\nb = (2 3)\nc", {2, 8}) == "b = (2 3)\n       ^");
    CHECK(caret_excerpt("x", {1, 1}) == "x\n^");
    CHECK(caret_excerpt("\tx = $", {1, 6}) == "\tx = $\n\t    ^");
    CHECK(caret_excerpt("'\xc3\xa9' @", {1, 5}) == "'\xc3\xa9' @\n    ^");
    CHECK(caret_excerpt("a\r\nbc\r\n", {2, 3}) == "bc\n  ^");
    // The caret of a real error lines up under the token it names.
    const std::string text = "x = 1\ny = Q(a=1) & & Q(b=2)";
    const auto error = statement_error(text);
    CHECK(caret_excerpt(text, {error.line, error.column}) ==
          "y = Q(a=1) & & Q(b=2)\n             ^");
}
