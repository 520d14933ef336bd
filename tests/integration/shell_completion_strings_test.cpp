// Tab completion inside string arguments (order_by, values, select_related,
// F, Count, ...), of meta-commands, and on garbage: a line being typed may
// be anything, and complete() must answer without throwing or crashing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "orm_harness.h"
#include "shell/completion.h"

using covet::Record;
using covet::shell::complete;
using covet::shell::Completions;
using covet::shell::ShellValue;
using covet::test::MigrationHarness;
using covet::test::OrmHarness;
using Names = std::vector<std::string>;

namespace {

struct Completer {
    MigrationHarness h{"sqlite"};
    OrmHarness o{h};
    std::map<std::string, ShellValue> variables;

    Completions at(const std::string& line, std::size_t cursor) const {
        return complete(o.models, variables, line, cursor);
    }
    Completions full(const std::string& line) const { return at(line, line.size()); }
    Names operator()(const std::string& line) const { return full(line).candidates; }
};

bool has(const Names& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

TEST_CASE("shell: complete field paths inside string arguments with either quote") {
    Completer c;
    const Completions minus = c.full("Post.objects.order_by('-auth");
    CHECK(minus.candidates == Names{"author", "author_id"});
    CHECK(minus.replace_from == std::string("Post.objects.order_by('-").size());
    const Completions quoted = c.full("Post.objects.order_by(\"author__na");
    CHECK(quoted.candidates == Names{"author__name"});
    CHECK(quoted.replace_from == std::string("Post.objects.order_by(\"").size());
    CHECK(has(c("Post.objects.order_by('"), "?"));
    CHECK(has(c("Post.objects.values('title', 'author__"), "author__email"));
    CHECK(c("Post.objects.values_list('vi") == Names{"view_count"});
    CHECK(c("Post.objects.values('published_at__y") == Names{"published_at__year"});
    CHECK(c("User.objects.only('na") == Names{"name"});
    CHECK(c("Post.objects.filter(title='ab").empty());  // a value, not a field
    CHECK(c("Post.objects.filter('").empty());
    CHECK(c("Post.objects.order_by('title', \"-view_c") == Names{"view_count"});
}

TEST_CASE("shell: complete relations in select_related and prefetch_related strings") {
    Completer c;
    CHECK(c("Post.objects.select_related('") == Names{"author"});
    CHECK(c("Post.objects.select_related('author__") == Names{"author__profile"});
    CHECK(c("Comment.objects.select_related('post__author__pro") == Names{"post__author__profile"});
    CHECK(c("Post.objects.prefetch_related('") == Names{"author", "comment", "tags"});
    CHECK(c("User.objects.prefetch_related('posts__ta") == Names{"posts__tags"});
    CHECK(c("Post.objects.select_related('title__").empty());
}

TEST_CASE("shell: complete field names in F, Count and the other aggregates") {
    Completer c;
    CHECK(c("Post.objects.update(view_count=F('vi") == Names{"view_count"});
    CHECK(c("User.objects.annotate(n=Count('po") == Names{"posts"});
    CHECK(c("User.objects.annotate(n=Count('posts__ta") == Names{"posts__tags"});
    CHECK(c("Post.objects.aggregate(Avg(\"view") == Names{"view_count"});
    CHECK(c("Post.objects.filter(view_count__gt=F('author__ag") == Names{"author__age"});
    CHECK(c("User.objects.annotate(n=Count('posts', dis") == Names{"distinct"});
    CHECK(c("F('ti").empty());  // no queryset around it
}

TEST_CASE("shell: complete meta-commands and their arguments") {
    Completer c;
    const Names all = c(".");
    for (const char* name :
         {".models", ".schema", ".sql", ".timing", ".format", ".x", ".help", ".quit"})
        CHECK(has(all, name));
    const Completions schema = c.full(".sc");
    CHECK(schema.candidates == Names{".schema"});
    CHECK(schema.replace_from == 0);
    CHECK(has(c(".schema "), "Comment"));
    const Completions model = c.full(".schema Po");
    CHECK(model.candidates == Names{"Post"});
    CHECK(model.replace_from == 8);
    CHECK(c(".format j") == Names{"json"});
    CHECK(c(".x ") == Names{"auto", "off", "on"});
    CHECK(c("  .sql o") == Names{"off", "on"});
    CHECK(c(".schema Post x").empty());
    CHECK(c(".help ").empty());
}

TEST_CASE("shell: complete uses only the text left of the cursor") {
    Completer c;
    const std::string line = "Post.objects.fil(title='x')";
    const Completions mid = c.at(line, 16);
    CHECK(mid.candidates == Names{"filter"});
    CHECK(mid.replace_from == 13);
    const Completions beyond = c.at("Post.ob", 99);
    CHECK(beyond.candidates == Names{"objects"});
}

TEST_CASE("shell: complete offers nothing and never throws on garbage and unbalanced input") {
    Completer c;
    for (const char* line : {"))))",
                             "((((",
                             "'",
                             "\"",
                             "\"abc",
                             "Post..objects.",
                             "]Post.",
                             "[Post.objects.",
                             "Post.objects.filter(author__name__icontains='x')).",
                             "Unknown.",
                             "u.nope.",
                             "1.",
                             "..",
                             ".",
                             "Post.objects.filter(((",
                             "Post.objects.filter(]'",
                             "'\\",
                             "Post.objects.all()[",
                             "Post.objects.all()[0:'x'].",
                             "Post.objects.filter(a__b__c__d__e__",
                             ";;;",
                             "= = =",
                             "Post.objects.order_by('-",
                             "Post.objects.order_by('--",
                             "\xff\xfe.",
                             "Post.\xc3",
                             "Post.objects.filter(__",
                             "Post.objects.filter(author____"}) {
        INFO(line);
        Completions got;
        CHECK_NOTHROW(got = c.full(line));
        CHECK(got.replace_from <= std::string(line).size());
    }
    CHECK(c("Unknown.").empty());
    CHECK(c("Post..objects.").empty());
    CHECK(c("Post.objects.filter(__").empty());
}

TEST_CASE("shell: complete on every prefix of statements and their mutations never throws") {
    Completer c;
    c.variables["u"] = Record(c.o.db, c.o.models, c.o.models.model("User"));
    const std::vector<std::string> statements{
        "User.objects.filter(age__gte=18, active=True).exclude(name__startswith='J')"
        ".order_by('-created_at')[:10]",
        "User.objects.filter(Q(age__gte=18) & Q(active=True) | Q(is_admin=True)).count()",
        "Post.objects.filter(author__name__icontains=\"doe\").select_related('author')"
        ".values('title', 'author__name')",
        "User.objects.annotate(post_count=Count('posts')).filter(post_count__gt=1)"
        ".values_list('name', 'post_count')",
        "Post.objects.aggregate(total=Count('id'), avg_views=Avg('view_count'))",
        "Post.objects.filter(id=1).update(view_count=F('view_count') + 1)",
        "u = User.objects.get(id=1); u.name = 'Jane'; u.save()",
        "u.posts.all()[0].tags.filter(name__in=['a', 'b']).first().posts.count()",
        ".schema Post",
        "raw('SELECT 1 WHERE 1 = ?', [1])"};
    std::mt19937 random(20261129);
    const std::string alphabet = "()[]{}.,'\"=_-:;&|~+*/ abzAPQ019\\\n\t\x80\xff";
    std::size_t calls = 0;
    for (const auto& statement : statements) {
        for (int round = 0; round < 40; ++round) {
            std::string text = statement;
            for (int edits = round % 6; edits > 0; --edits) {
                const std::size_t at = random() % (text.size() + 1);
                const char ch = alphabet[random() % alphabet.size()];
                if (random() % 2 == 0 && at < text.size())
                    text.erase(at, 1);
                else
                    text.insert(at, 1, ch);
            }
            for (std::size_t cursor = 0; cursor <= text.size() + 1; ++cursor) {
                const Completions got = c.at(text, cursor);
                ++calls;
                if (got.replace_from > std::min(cursor, text.size())) FAIL(text << " @" << cursor);
            }
        }
    }
    CHECK(calls > 10000);
}
