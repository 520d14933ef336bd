// The shell's evaluator without models: literals, operators, variables,
// subscripts of lists, the built-ins and the errors naming what is wrong.
// The queries themselves are tested on all three back ends in
// tests/integration/shell_evaluator_test.cpp.
#include <catch2/catch.hpp>

#include <string>

#include "covet/database.h"
#include "covet/error.h"
#include "shell/session.h"

using namespace covet;
using namespace covet::shell;

namespace {

class Shell {
  public:
    Shell() : session_(covet::open("sqlite::memory:"), Models(ProjectState())) {}

    // The value of the last statement of `text`.
    ShellValue value(const std::string& text) {
        INFO(text);
        std::optional<ShellValue> last;
        for (const Statement& statement : parse_statements(text))
            last = session_.run(statement);
        REQUIRE(last.has_value());
        return *last;
    }
    Value scalar(const std::string& text) {
        const ShellValue result = value(text);
        const Value* v = result.as<Value>();
        REQUIRE(v != nullptr);
        return *v;
    }
    std::string error(const std::string& text) {
        INFO(text);
        try {
            for (const Statement& statement : parse_statements(text))
                session_.run(statement);
        } catch (const QueryError& e) {
            return e.what();
        } catch (const ValueError& e) {
            return e.what();
        }
        FAIL("no error");
        return {};
    }
    Session& session() { return session_; }

  private:
    Session session_;
};

bool same_operand(const covet::Operand& a, const covet::Operand& b) {
    if (a.kind() != b.kind()) return false;
    if (a.kind() == covet::Operand::Kind::List) return a.list() == b.list();
    if (a.kind() == covet::Operand::Kind::Value) return a.value() == b.value();
    return true;
}

// Both trees alike: connectors, negation, lookups and their operands.
bool same_tree(const Q::Node& a, const Q::Node& b) {
    if (a.connector != b.connector || a.negated != b.negated) return false;
    if (a.lookups.size() != b.lookups.size() || a.children.size() != b.children.size())
        return false;
    for (std::size_t i = 0; i < a.lookups.size(); ++i)
        if (a.lookups[i].path != b.lookups[i].path ||
            !same_operand(a.lookups[i].operand, b.lookups[i].operand))
            return false;
    for (std::size_t i = 0; i < a.children.size(); ++i)
        if (!same_tree(*a.children[i], *b.children[i])) return false;
    return true;
}

}  // namespace

TEST_CASE("shell evaluator: literals are values of their kind", "[shell]") {
    Shell shell;
    CHECK(shell.scalar("42") == Value(std::int64_t{42}));
    CHECK(shell.scalar("-9223372036854775808") == Value(INT64_MIN));
    CHECK(shell.scalar("2.5") == Value(2.5));
    CHECK(shell.scalar("'it\\'s'") == Value("it's"));
    CHECK(shell.scalar("True") == Value(true));
    CHECK(shell.scalar("False") == Value(false));
    CHECK(shell.scalar("None").is_null());
    const ShellValue list = shell.value("[1, 'a', None]");
    REQUIRE(list.as<ListValue>() != nullptr);
    CHECK_FALSE(list.as<ListValue>()->tuple);
    CHECK(list.as<ListValue>()->items.size() == 3);
    CHECK(shell.value("(1, 2)").as<ListValue>()->tuple);
    const ShellValue dict = shell.value("{'a': 1, b: 2}");
    REQUIRE(dict.as<DictValue>() != nullptr);
    CHECK(*dict.as<DictValue>()->entries[1].first.as<Value>() == Value("b"));
}

TEST_CASE("shell evaluator: arithmetic on numbers follows Python", "[shell]") {
    Shell shell;
    CHECK(shell.scalar("1 + 2 * 3") == Value(std::int64_t{7}));
    CHECK(shell.scalar("(1 + 2) * 3") == Value(std::int64_t{9}));
    CHECK(shell.scalar("7 / 2") == Value(3.5));
    CHECK(shell.scalar("1 - 2 - 3") == Value(std::int64_t{-4}));
    CHECK(shell.scalar("1.5 + 1") == Value(2.5));
    CHECK(shell.scalar("-(2 * 3)") == Value(std::int64_t{-6}));
    CHECK(shell.scalar("+4") == Value(std::int64_t{4}));
    CHECK(shell.scalar("'ab' + 'cd'") == Value("abcd"));
    CHECK(shell.error("1 / 0") == "division by zero");
    CHECK(shell.error("9223372036854775807 + 1") == "integer overflow");
    CHECK(shell.error("x = -9223372036854775807 - 1; -x") == "integer overflow");
    CHECK(shell.error("'a' - 1") == "unsupported operand types for -: a string and an integer");
    CHECK(shell.error("1 & 2") == "unsupported operand types for &: an integer and an integer");
    CHECK(shell.error("~1") == "bad operand type for unary ~: an integer");
}

TEST_CASE("shell evaluator: variables are assigned and read, unknown names suggest", "[shell]") {
    Shell shell;
    CHECK_FALSE(shell.session().run(parse_statements("total = 40 + 2").front()).has_value());
    CHECK(shell.scalar("total") == Value(std::int64_t{42}));
    CHECK(shell.session().variables().count("total") == 1);
    CHECK(shell.error("totl") == "name 'totl' is not defined (did you mean 'total'?)");
    CHECK(shell.error("Cuont('x')") == "name 'Cuont' is not defined (did you mean 'Count'?)");
    CHECK(shell.error("zzzzzz") == "name 'zzzzzz' is not defined");
    CHECK(shell.error("total(1)") == "an integer is not callable");
    CHECK(shell.error("total.name = 1") == "cannot set attribute 'name' on an integer");
    CHECK(shell.error("total.x") == "an integer has no attribute 'x'");
}

TEST_CASE("shell evaluator: lists and tuples index and slice as Python", "[shell]") {
    Shell shell;
    shell.value("xs = [10, 20, 30, 40]; xs");
    CHECK(shell.scalar("xs[0]") == Value(std::int64_t{10}));
    CHECK(shell.scalar("xs[-1]") == Value(std::int64_t{40}));
    auto items = [&](const std::string& text) {
        std::vector<std::int64_t> out;
        const ShellValue list = shell.value(text);
        for (const ShellValue& item : list.as<ListValue>()->items)
            out.push_back(item.as<Value>()->as_int());
        return out;
    };
    using Ints = std::vector<std::int64_t>;
    CHECK(items("xs[1:3]") == Ints{20, 30});
    CHECK(items("xs[:-1]") == Ints{10, 20, 30});
    CHECK(items("xs[::2]") == Ints{10, 30});
    CHECK(items("xs[::-1]") == Ints{40, 30, 20, 10});
    CHECK(items("xs[-2::-2]") == Ints{30, 10});
    CHECK(items("xs[10:]").empty());
    CHECK(items("xs[-100:1]") == Ints{10});
    CHECK(items("xs[::9223372036854775807]") == Ints{10});
    CHECK(shell.error("xs[4]") == "list index out of range");
    CHECK(shell.error("xs[::0]") == "slice step cannot be zero");
    CHECK(shell.error("xs['a']") == "a list index must be an integer, not a string");
    CHECK(shell.error("(1, 2)[5]") == "tuple index out of range");
    CHECK(shell.error("1[0]") == "an integer cannot be indexed");
}

TEST_CASE("shell evaluator: Q and F build the ORM's trees", "[shell]") {
    Shell shell;
    const ShellValue q = shell.value("Q(age__gte=18) & ~Q(name='x') | Q(a=1, b=2)");
    REQUIRE(q.as<QValue>() != nullptr);
    const Q expected = (Q{{"age__gte", 18}} & ~Q{{"name", "x"}}) | Q{{"a", 1}, {"b", 2}};
    CHECK(same_tree(q.as<QValue>()->q.node(), expected.node()));
    CHECK_FALSE(same_tree(shell.value("Q(a=1) | Q(b=2)").as<QValue>()->q.node(),
                          (Q{{"a", 1}} & Q{{"b", 2}}).node()));
    CHECK(shell.value("Q()").as<QValue>()->q.empty());
    CHECK(same_tree(shell.value("Q(Q(a=1), ~Q(b=2), c=3)").as<QValue>()->q.node(),
                    (Q{{"a", 1}} & ~Q{{"b", 2}} & Q{{"c", 3}}).node()));
    CHECK(same_tree(shell.value("Q(a__in=[1, 2])").as<QValue>()->q.node(),
                    Q{{"a__in", covet::Operand(std::vector<Value>{1, 2})}}.node()));

    const ShellValue f = shell.value("F('views') * 2 + 1");
    REQUIRE(f.as<ExprValue>() != nullptr);
    const Expr::Node& add = f.as<ExprValue>()->expr.node();
    CHECK(add.kind == Expr::Kind::Binary);
    CHECK(add.op == Expr::Op::Add);
    CHECK(add.left->op == Expr::Op::Mul);
    CHECK(add.left->left->field == "views");
    CHECK(add.right->value == Value(1));
    const ShellValue negation = shell.value("-F('x')");  // kept: node() points into it
    const Expr::Node& negated = negation.as<ExprValue>()->expr.node();
    CHECK(negated.op == Expr::Op::Mul);
    CHECK(negated.right->value == Value(-1));

    CHECK(shell.error("Q(1)") == "a positional argument of Q() must be a Q object, not an integer");
    CHECK(shell.error("F('a', 'b')") == "F() takes one field name: F('field')");
    CHECK(shell.error("F(x=1)") == "F() takes one field name: F('field')");
    CHECK(shell.error("Q(a=1) & 1") ==
          "unsupported operand types for &: a Q object and an integer");
}

TEST_CASE("shell evaluator: aggregates are the ORM's aggregate expressions", "[shell]") {
    Shell shell;
    const ShellValue counted = shell.value("Count('posts', distinct=True)");
    const Expr::Node& count = counted.as<ExprValue>()->expr.node();
    const Expr wanted = covet::Count("posts", true);
    const Expr::Node& expected = wanted.node();
    CHECK(count.kind == expected.kind);
    CHECK(count.function == Expr::Function::Count);
    CHECK(count.distinct);
    CHECK(count.field == expected.field);
    CHECK_FALSE(shell.value("Count('id')").as<ExprValue>()->expr.node().distinct);
    const std::vector<std::pair<std::string, Expr>> aggregates{{"Sum('age')", covet::Sum("age")},
                                                               {"Avg('age')", covet::Avg("age")},
                                                               {"Max('age')", covet::Max("age")},
                                                               {"Min('age')", covet::Min("age")}};
    for (const auto& [text, expr] : aggregates) {
        const ShellValue value = shell.value(text);
        CHECK(value.as<ExprValue>()->expr.node().function == expr.node().function);
        CHECK(value.as<ExprValue>()->expr.default_alias() == expr.default_alias());
    }
    CHECK(shell.error("Count('a', unique=True)").find("Count() takes") == 0);
    CHECK(shell.error("Sum(1)") == "the argument of Sum() must be a string, not an integer");
}

TEST_CASE("shell evaluator: datetime, date, time and Decimal read their text", "[shell]") {
    Shell shell;
    CHECK(shell.scalar("datetime('2024-01-01T10:00:00')") ==
          Value(DateTime::parse("2024-01-01T10:00:00")));
    CHECK(shell.scalar("datetime(2024, 1, 1, 10)") == Value(DateTime::parse("2024-01-01 10:00")));
    CHECK(shell.scalar("date('2024-02-29')") == Value(Date(2024, 2, 29)));
    CHECK(shell.scalar("date(2024, 2, 29)") == Value(Date(2024, 2, 29)));
    CHECK(shell.scalar("time('10:30')") == Value(Time(10, 30)));
    CHECK(shell.scalar("time(10, 30, 5)") == Value(Time(10, 30, 5)));
    CHECK(shell.scalar("Decimal('1.50')").as_decimal().to_string() == "1.50");
    CHECK(shell.scalar("Decimal(3)") == Value(Decimal(3)));
    CHECK(shell.error("date('2023-02-29')").find("day 29") != std::string::npos);
    CHECK(shell.error("date(2024, 13, 1)") == "month 13 is out of range 1..12");
    CHECK(shell.error("Decimal(1.5)") == "the argument of Decimal() must be a string, not a float");
    CHECK(shell.error("date()").find("date() takes") == 0);
    CHECK(shell.error("datetime(99999999999, 1, 1)") ==
          "datetime() argument 99999999999 is out of range");
}

TEST_CASE("shell evaluator: len counts lists, dicts and characters", "[shell]") {
    Shell shell;
    CHECK(shell.scalar("len([1, 2, 3])") == Value(std::int64_t{3}));
    CHECK(shell.scalar("len({'a': 1})") == Value(std::int64_t{1}));
    CHECK(shell.scalar("len('\xc3\xa9t\xc3\xa9')") == Value(std::int64_t{3}));
    CHECK(shell.error("len(1)") == "an integer has no len()");
}

TEST_CASE("shell evaluator: raw() reads rows with bound parameters", "[shell]") {
    Shell shell;
    const ShellValue rows = shell.value("raw('SELECT %s AS a, %s AS b', [1, 'x'])");
    const RawRows* raw = rows.as<RawRows>();
    REQUIRE(raw != nullptr);
    CHECK(raw->columns == std::vector<std::string>{"a", "b"});
    REQUIRE(raw->rows.size() == 1);
    CHECK(raw->rows[0][0] == Value(std::int64_t{1}));
    CHECK(raw->rows[0][1] == Value("x"));
    // A parameter is bound, never spliced: quotes in it are just characters.
    const ShellValue quoted = shell.value("raw('SELECT %s', [\"'); DROP TABLE x; --\"])");
    CHECK(quoted.as<RawRows>()->rows[0][0] == Value("'); DROP TABLE x; --"));
    // Django's marks: %s for a parameter, %% for a percent sign once there are parameters.
    const ShellValue percent = shell.value("raw(\"SELECT %s || '%%'\", ['a'])");
    CHECK(percent.as<RawRows>()->rows[0][0] == Value("a%"));
    CHECK(shell.error("raw('SELECT %s', [1, 2])") == "raw() got 2 parameters for 1 %s placeholder");
    CHECK(shell.error("raw(1)") == "the SQL of raw() must be a string, not an integer");
    // One statement, and never one that ends the shell's transaction scope.
    CHECK(shell.error("raw('SELECT 1; DROP TABLE x')") == "raw() runs one statement at a time");
    CHECK(shell.value("raw(\"SELECT ';' AS a; -- done\")").as<RawRows>()->rows[0][0] == Value(";"));
    CHECK(shell.error("raw(' /* c */ commit')") ==
          "raw() does not run transaction control (COMMIT): the shell scopes each statement "
          "itself");
    CHECK(shell.error("raw('ROLLBACK')").find("transaction control (ROLLBACK)") !=
          std::string::npos);
    CHECK(shell.error("raw('SELECT 1', 2)").find("raw() takes") == 0);
}

TEST_CASE("shell evaluator: deep expressions are refused, not crashed on", "[shell]") {
    Shell shell;
    std::string chain = "1";
    for (int i = 0; i < 600; ++i)
        chain += "+1";
    CHECK(shell.error(chain).find("nested deeper than") != std::string::npos);
    std::string shallow = "1";
    for (int i = 0; i < 100; ++i)
        shallow += "+1";
    CHECK(shell.scalar(shallow) == Value(std::int64_t{101}));
}
