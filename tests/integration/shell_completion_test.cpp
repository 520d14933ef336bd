// Tab completion of the shell (core/src/shell/completion.h) over the models
// the ORM harness's migration builds: names at the start of an expression,
// members after `.`, fields and `field__lookup` chains in arguments, and
// meta-commands. SQLite only: completion reads the models, never the database.
#include <catch2/catch.hpp>

#include <algorithm>

#include "orm_fixture_rows.h"
#include "shell/completion.h"
#include "shell/session.h"
#include "shell/statement.h"

using covet::Record;
using covet::Value;
using covet::shell::complete;
using covet::shell::Completions;
using covet::shell::ModelRef;
using covet::shell::RelatedValue;
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

bool all_start_with(const Names& names, const std::string& prefix) {
    return std::all_of(names.begin(), names.end(),
                       [&](const std::string& n) { return n.starts_with(prefix); });
}

}  // namespace

TEST_CASE("shell: complete model names, variables and built-ins at the start of an expression") {
    Completer c;
    c.variables["ann"] = Record(c.o.db, c.o.models, c.o.models.model("User"));
    const Names all = c("");
    for (const char* name :
         {"User", "Post", "Tag", "Comment", "Person", "Profile", "Q", "F", "Count", "Sum", "Avg",
          "Max", "Min", "datetime", "date", "Decimal", "raw", "ann"})
        CHECK(has(all, name));
    CHECK(c("Po") == Names{"Post"});
    CHECK(c("P") == Names{"Person", "Post", "Profile"});
    CHECK(c("an") == Names{"ann"});
    CHECK(c("Co") == Names{"Comment", "Count"});
    CHECK(c("x = Ta") == Names{"Tag"});
    const Completions after = c.full("ann.save(); Us");
    CHECK(after.candidates == Names{"User"});
    CHECK(after.replace_from == 12);
    CHECK(c("Post.objects.filter(author=an") == Names{"ann"});
    // Nothing is named right after a value.
    CHECK(c("Post.objects.all() ").empty());
    CHECK(c("Post.objects.filter(title='x'").empty());
}

TEST_CASE("shell: complete objects after a model and QuerySet methods after a manager") {
    Completer c;
    CHECK(c("Post.") == Names{"objects"});
    const Completions objects = c.full("Post.ob");
    CHECK(objects.candidates == Names{"objects"});
    CHECK(objects.replace_from == 5);
    const Names methods = c("Post.objects.");
    for (const char* name : {"filter", "exclude", "values_list", "count", "get_or_create",
                             "select_related", "aggregate", "in_bulk", "iterator"})
        CHECK(has(methods, name));
    CHECK_FALSE(has(methods, "objects"));
    CHECK(c("Post.objects.fil") == Names{"filter"});
    CHECK(c("Post.objects.filter(id=1).exclude(title='a').order_by('-id').val") ==
          Names{"values", "values_list"});
    CHECK(c("Post.objects.all()[:3].cou") == Names{"count"});
    CHECK(c("Post.objects.values('id').fi") == Names{"filter", "first"});
    CHECK(c("(Post.objects).fi").empty());
    CHECK(c("Nope.").empty());
    CHECK(c("Post.objects.get_or_create(title='x').").empty());
}

TEST_CASE("shell: complete a record's fields, relation accessors and methods") {
    Completer c;
    const Names post = c("Post.objects.get(id=1).");
    for (const char* name : {"id", "pk", "title", "author", "author_id", "tags", "comment_set",
                             "view_count", "save", "delete", "refresh_from_db", "full_clean"})
        CHECK(has(post, name));
    CHECK_FALSE(has(post, "filter"));
    CHECK(c("Post.objects.all()[0].auth") == Names{"author", "author_id"});
    // Two relations deep, through a forward key and a method of a related manager.
    const Names user = c("Post.objects.first().author.");
    CHECK(has(user, "posts"));
    CHECK(has(user, "comments"));
    CHECK(has(user, "profile_id"));
    CHECK(c("Post.objects.first().author.profile.we") == Names{"website"});
    CHECK(c("Post.objects.values('id')[0].").empty());
}

TEST_CASE("shell: complete members of variables by the kind of value they hold") {
    Completer c;
    Record ann = covet::test::make_user(c.o, "ann");
    c.variables["u"] = ann;
    c.variables["qs"] = c.o.objects("Post");
    c.variables["M"] = ModelRef{&c.o.models.model("Tag")};
    c.variables["posts"] = RelatedValue{ann.manager("posts")};
    c.variables["n"] = Value(std::int64_t{3});
    CHECK(c("u.po") == Names{"posts"});
    CHECK(c("u.prof") == Names{"profile", "profile_id"});
    const Names related = c("u.posts.");
    for (const char* name : {"add", "remove", "clear", "set", "all", "filter", "create"})
        CHECK(has(related, name));
    CHECK(c("posts.cl") == Names{"clear"});
    CHECK(c("u.posts.first().ta") == Names{"tags"});
    CHECK(c("u.posts.filter(view") == Names{"view_count"});
    CHECK(c("u.profile.users.fil") == Names{"filter"});
    CHECK(c("qs.cou") == Names{"count"});
    CHECK(c("qs.filter(auth") == Names{"author", "author_id"});
    CHECK(c("M.") == Names{"objects"});
    CHECK(c("M.objects.filter(na") == Names{"name"});
    CHECK(c("n.").empty());
}

TEST_CASE("shell: complete field__lookup chains in filter keywords following relations") {
    Completer c;
    const Completions author = c.full("Post.objects.filter(auth");
    CHECK(author.candidates == Names{"author", "author_id"});
    CHECK(author.replace_from == 20);
    const Names across = c("Post.objects.filter(author__");
    for (const char* name :
         {"author__name", "author__email", "author__posts", "author__profile", "author__comments",
          "author__pk", "author__exact", "author__in", "author__isnull"})
        CHECK(has(across, name));
    CHECK_FALSE(has(across, "author__icontains"));
    CHECK(all_start_with(across, "author__"));
    CHECK(c("Post.objects.filter(author__na") == Names{"author__name"});
    const Names lookups = c("Post.objects.filter(author__name__");
    for (const char* name : {"author__name__icontains", "author__name__startswith",
                             "author__name__in", "author__name__regex", "author__name__isnull"})
        CHECK(has(lookups, name));
    CHECK_FALSE(has(lookups, "author__name__year"));
    CHECK(c("Post.objects.filter(author__profile__bio__ico") ==
          Names{"author__profile__bio__icontains"});
    CHECK(has(c("Post.objects.filter(author__profile__"), "author__profile__users"));
    CHECK(c("Post.objects.filter(author__nope__").empty());
    CHECK(c("Post.objects.filter(title__icontains__").empty());
}

TEST_CASE("shell: complete reverse, many-to-many and date paths in filter keywords") {
    Completer c;
    CHECK(c("User.objects.filter(posts__ti") == Names{"posts__title"});
    CHECK(c("User.objects.exclude(comm") == Names{"comments"});
    CHECK(c("Post.objects.filter(comment__te") == Names{"comment__text"});
    CHECK(c("Post.objects.filter(tags__na") == Names{"tags__name"});
    CHECK(c("Tag.objects.filter(posts__author__profile__webs") ==
          Names{"posts__author__profile__website"});
    CHECK(c("Person.objects.filter(fo") == Names{"followers", "follows"});
    CHECK(c("Person.objects.filter(mentor__mentees__na") == Names{"mentor__mentees__name"});
    const Names date = c("Post.objects.filter(published_at__");
    for (const char* name :
         {"published_at__year", "published_at__date", "published_at__gte", "published_at__range"})
        CHECK(has(date, name));
    const Names year = c("Post.objects.filter(published_at__year__");
    CHECK(has(year, "published_at__year__gte"));
    CHECK_FALSE(has(year, "published_at__year__year"));
    CHECK(has(c("Comment.objects.filter(day__"), "day__month"));
    CHECK_FALSE(has(c("Comment.objects.filter(day__"), "day__date"));
}

TEST_CASE("shell: complete keywords of Q, create, get_or_create and later arguments") {
    Completer c;
    CHECK(c("Post.objects.filter(title='x', view") == Names{"view_count"});
    CHECK(c("Post.objects.filter(Q(author__na") == Names{"author__name"});
    CHECK(c("Post.objects.exclude(Q(title='a') | ~Q(vie") == Names{"view_count"});
    CHECK(c("Post.objects.create(ti") == Names{"title"});
    CHECK(c("Post.objects.create(ta").empty());  // many-to-many is set after create
    CHECK(c("Post.objects.create(author__").empty());
    CHECK(has(c("User.objects.get_or_create(de"), "defaults"));
    CHECK(c("Post.objects.values_list('id', fl") == Names{"flat"});
    CHECK(has(c("Post.objects.filter(title="), "Q"));
    CHECK_FALSE(has(c("Post.objects.filter(title="), "title"));
    CHECK(c("Q(na").empty());  // no queryset around: no model to name fields of
}

TEST_CASE("shell: complete annotate() aliases where later calls name fields") {
    Completer c;
    const std::string chain = "User.objects.annotate(post_count=Count('posts'), n=F('age'))";
    CHECK(c(chain + ".filter(post_") == Names{"post_count"});
    CHECK(c(chain + ".order_by('-post") == Names{"post_count", "posts"});
    CHECK(c(chain + ".filter(age__gt=1).values('name', 'po") == Names{"post_count", "posts"});
    CHECK(c(chain + ".exclude(Q(n") == Names{"n", "name"});
    CHECK(c("User.objects.filter(post_").empty());
    CHECK(c(chain + ".create(post_").empty());  // an alias is no column
}

TEST_CASE("shell: complete reads the variables a session's statements assigned") {
    MigrationHarness h("sqlite");
    OrmHarness o(h);
    covet::shell::Session session(o.db, o.models);
    for (const auto& statement : covet::shell::parse_statements(
             "u = User.objects.create(name='a', email='a@example.com'); ps = u.posts; "
             "qs = Post.objects.filter(view_count=0)"))
        session.run(statement);
    CHECK(complete(session, "u.po", 4).candidates == Names{"posts"});
    CHECK(complete(session, "ps.cl", 5).candidates == Names{"clear"});
    CHECK(complete(session, "qs.order_by('-tit", 16).candidates == Names{"title"});
    CHECK(complete(session, "q", 1).candidates == Names{"qs"});
}
