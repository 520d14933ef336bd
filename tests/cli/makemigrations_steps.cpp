#include "makemigrations_steps.h"

namespace covet_test {

namespace {

// The models of one step, edited field by field as a user would.
struct Schema {
    std::string users =
        "      name: CharField(max_length=100)\n      email: EmailField(unique=True)\n";
    std::string users_extra;
    std::string tags = "tags";  // "" when the table is gone
    std::string posts =
        "      title: CharField(max_length=200)\n      slug: CharField(max_length=50)\n"
        "      author: ForeignKey(users, on_delete=CASCADE)\n";
    std::string posts_extra;

    std::string render() const {
        std::string text = "models:\n  - table: users\n    fields:\n" + users + users_extra;
        if (!tags.empty())
            text += "  - table: " + tags + "\n    fields:\n      label: CharField(max_length=30)\n";
        text += "  - table: posts\n    fields:\n" + posts + posts_extra;
        return text;
    }
};

void replace(std::string& text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
}

}  // namespace

std::vector<ModelsStep> makemigrations_steps() {
    std::vector<ModelsStep> steps;
    Schema s;
    s.tags = "";
    auto step = [&](const std::string& what, const std::string& file,
                    std::vector<std::string> flags = {}) {
        steps.push_back({what, s.render(), std::move(flags), file});
    };
    step("two new tables, one pointing at the other", "0001_initial.yaml");
    s.users += "      age: IntegerField(null=True)\n";
    step("add a nullable column", "0002_add_users_age.yaml");
    replace(s.users, "max_length=100", "max_length=150");
    step("alter a column", "0003_alter_users_name.yaml");
    replace(s.posts, "on_delete=CASCADE", "on_delete=PROTECT");
    step("change a foreign key's ON DELETE", "0004_alter_posts_author.yaml");
    s.tags = "tags";
    step("add a table", "0005_tags.yaml");
    s.posts += "      tags: ManyToManyField(tags, related_name=posts)\n";
    step("add a many-to-many", "0006_add_posts_tags.yaml");
    s.posts_extra = "    unique_together: [[title, author]]\n";
    step("add a unique_together", "0007_alter_posts_unique_together.yaml");
    s.posts_extra = "    unique_together: [[slug, author]]\n";
    step("change a unique_together", "0008_alter_posts_unique_together.yaml");
    s.users_extra = "    indexes: [{name: idx_users_age, columns: [age]}]\n";
    step("add an index", "0009_users_idx_users_age.yaml");
    s.users_extra = "";
    step("drop an index", "0010_remove_users_idx_users_age.yaml");
    replace(s.users, "age:", "years:");
    step("rename a column", "0011_rename_users_age_years.yaml", {"--rename", "users.age=years"});
    s.tags = "labels";
    replace(s.posts, "ManyToManyField(tags", "ManyToManyField(labels");
    step("rename a table", "0012_rename_tags_labels.yaml", {"--rename", "tags=labels"});
    replace(s.users, "      years: IntegerField(null=True)\n", "");
    step("drop a column", "0013_remove_users_years.yaml");
    s.users += "      active: BooleanField(default=True)\n";
    step("add a NOT NULL column with a default", "0014_add_users_active.yaml");
    replace(s.posts, "      tags: ManyToManyField(labels, related_name=posts)\n", "");
    s.tags = "";
    step("drop a many-to-many and its target table", "0015_drop_labels.yaml",
         {"--name", "drop_labels"});
    s.posts_extra +=
        "    indexes: [{name: idx_posts_live, columns: [slug], where: \"slug != ''\"}]\n";
    step("add a partial index", "0016_posts_idx_posts_live.yaml");
    return steps;
}

}  // namespace covet_test
