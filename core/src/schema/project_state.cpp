#include <mutex>
#include <string_view>
#include <unordered_map>

#include "covet/error.h"
#include "covet/model_state.h"
#include "util/text_case.h"

namespace covet {

namespace {

std::uint64_t fresh_generation() {
    static std::atomic<std::uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

// Model names compare case-insensitively in ASCII: the locale must not
// change which model a name finds.
std::string folded(std::string_view name) {
    std::string out(name);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    return out;
}

}  // namespace

struct ProjectState::NameIndex {
    std::unordered_multimap<std::string, std::string> tables;  // folded model name -> table

    void erase(const std::string& name, const std::string& table) {
        auto [first, last] = tables.equal_range(folded(name));
        for (auto it = first; it != last; ++it)
            if (it->second == table) {
                tables.erase(it);
                return;
            }
    }
};

// One per state content: built once, by whichever reader asks first.
struct ProjectState::LazyRelations {
    std::once_flag once;
    std::unique_ptr<RelationIndex> index;
};

ProjectState::ProjectState() : generation_(fresh_generation()) {}

ProjectState::ProjectState(const ProjectState& other)
    : models_(other.models_),
      names_(other.names_),
      names_generation_(other.names_generation_),
      generation_(fresh_generation()),
      relations_(other.relations_),
      relations_generation_(other.relations_generation_),
      changed_(other.changed_),
      tracking_(other.tracking_) {
    // The models are shared now: neither state may change them in place.
    other.generation_.store(fresh_generation(), std::memory_order_relaxed);
}

ProjectState::ProjectState(ProjectState&& other) noexcept
    : models_(std::move(other.models_)),
      names_(std::move(other.names_)),
      names_generation_(other.names_generation_),
      generation_(other.generation_.load(std::memory_order_relaxed)),
      relations_(std::move(other.relations_)),
      relations_generation_(other.relations_generation_),
      changed_(std::move(other.changed_)),
      tracking_(other.tracking_) {
    // The models moved here alone; what is left behind is an empty state.
    other.models_.clear();
    other.names_.reset();
    other.relations_.reset();
    other.generation_.store(fresh_generation(), std::memory_order_relaxed);
}

ProjectState& ProjectState::operator=(const ProjectState& other) {
    if (this != &other) *this = ProjectState(other);
    return *this;
}

ProjectState& ProjectState::operator=(ProjectState&& other) noexcept {
    if (this == &other) return *this;
    models_ = std::move(other.models_);
    names_ = std::move(other.names_);
    names_generation_ = other.names_generation_;
    generation_.store(other.generation_.load(std::memory_order_relaxed), std::memory_order_relaxed);
    relations_ = std::move(other.relations_);
    relations_generation_ = other.relations_generation_;
    changed_ = std::move(other.changed_);
    tracking_ = other.tracking_;
    other.models_.clear();
    other.names_.reset();
    other.relations_.reset();
    other.generation_.store(fresh_generation(), std::memory_order_relaxed);
    return *this;
}

ProjectState::~ProjectState() = default;

const ModelState* ProjectState::find_table(const std::string& table_name) const {
    auto it = models_.find(table_name);
    return it == models_.end() ? nullptr : it->second.model.get();
}

const ModelState* ProjectState::find_model(const std::string& model_name) const {
    return find_named(model_name, nullptr);
}

const ModelState* ProjectState::find_model(const std::string& app,
                                           const std::string& model_name) const {
    return find_named(model_name, &app);
}

const ModelState* ProjectState::find_named(const std::string& model_name,
                                           const std::string* app) const {
    if (!names_) return nullptr;
    // Django model references are case-insensitive; an exact match wins,
    // then the first table (two names that differ only in case are rare).
    const ModelState* exact = nullptr;
    const ModelState* other = nullptr;
    auto [first, last] = names_->tables.equal_range(folded(model_name));
    for (auto it = first; it != last; ++it) {
        const ModelState* model = find_table(it->second);
        if (app && model->app != *app) continue;
        const ModelState*& best = model->name == model_name ? exact : other;
        if (!best || model->table < best->table) best = model;
    }
    return exact ? exact : other;
}

const ModelState* ProjectState::resolve_target(const std::string& target,
                                               const ModelState& from) const {
    if (target == "self") return find_table(from.table);
    if (const ModelState* m = find_table(target)) return m;
    return find_model(target);
}

const ModelState& ProjectState::table(const std::string& table_name) const {
    const ModelState* m = find_table(table_name);
    if (!m)
        throw MigrationError("table '" + table_name + "' does not exist in the migration state");
    return *m;
}

const RelationIndex& ProjectState::relations() const {
    if (!relations_) {
        // Never changed: empty (a default or moved-from state).
        static const ProjectState empty;
        static const RelationIndex none(empty);
        return none;
    }
    std::call_once(relations_->once,
                   [&] { relations_->index = std::make_unique<RelationIndex>(*this); });
    return *relations_->index;
}

const std::vector<RelationEnd>& ProjectState::reverse_relations_of(const ModelState& model) const {
    return relations().reverse_of(model);
}

const RelationEnd* ProjectState::resolve_relation(const ModelState& model,
                                                  const std::string& name) const {
    return relations().by_query_name(model, name);
}

void ProjectState::changed() {
    // An index not built yet that no copy shares can stay: it will be built
    // from the state as it is then. Any other stays with the copies.
    const std::uint64_t mine = generation_.load(std::memory_order_relaxed);
    if (relations_ && relations_generation_ == mine && !relations_->index) return;
    relations_ = std::make_shared<LazyRelations>();
    relations_generation_ = mine;
}

ProjectState::NameIndex& ProjectState::own_names() {
    const std::uint64_t mine = generation_.load(std::memory_order_relaxed);
    if (!names_)
        names_ = std::make_shared<NameIndex>();
    else if (names_generation_ != mine)
        names_ = std::make_shared<NameIndex>(*names_);  // shared with a copy
    names_generation_ = mine;
    return *names_;
}

void ProjectState::put(ModelState model) {
    std::string key = model.table;
    NameIndex& names = own_names();
    auto it = models_.find(key);
    if (it != models_.end()) names.erase(it->second.model->name, key);
    names.tables.emplace(folded(model.name), key);
    models_[key] = Entry{std::make_shared<ModelState>(std::move(model)),
                         generation_.load(std::memory_order_relaxed)};
    changed();
    if (tracking_) changed_.push_back(std::move(key));
}

void ProjectState::remove(const std::string& table_name) {
    auto it = models_.find(table_name);
    if (it == models_.end()) return;
    own_names().erase(it->second.model->name, table_name);
    models_.erase(it);
    changed();
}

ModelState& ProjectState::edit(const std::string& table_name) {
    auto it = models_.find(table_name);
    if (it == models_.end())
        throw MigrationError("table '" + table_name + "' does not exist in the migration state");
    if (tracking_) changed_.push_back(table_name);
    changed();
    // Copy on write: a model this state made since it was last copied is
    // its own and changes in place, so replaying a long history does not
    // copy a table per column added to it; any other may be shared.
    const std::uint64_t mine = generation_.load(std::memory_order_relaxed);
    if (it->second.generation != mine)
        it->second = Entry{std::make_shared<ModelState>(*it->second.model), mine};
    return *it->second.model;
}

std::vector<const ModelState*> ProjectState::models() const {
    std::vector<const ModelState*> out;
    out.reserve(models_.size());
    for (const auto& [table_name, entry] : models_)
        out.push_back(entry.model.get());
    return out;
}

ModelState ProjectState::through_model(const ModelState& owner, const Field& m2m) const {
    const ModelState* target = resolve_target(m2m.to, owner);
    if (!target)
        throw MigrationError("ManyToManyField '" + owner.table + "." + m2m.name +
                             "' points to unknown model '" + m2m.to + "'");
    ModelState through;
    through.app = owner.app;
    through.table = owner.table + "_" + m2m.name;
    through.name = owner.name + "_" + m2m.name;
    through.auto_created = true;

    Field id;
    id.name = "id";
    id.type = FieldType::AutoField;
    id.primary_key = true;
    through.fields.push_back(id);

    std::string from_name = to_lower(owner.name);
    std::string to_name = to_lower(target->name);
    if (target->table == owner.table) {
        from_name = "from_" + from_name;
        to_name = "to_" + to_name;
    }
    for (const auto& [fk_name, fk_target] :
         {std::pair{from_name, owner.table}, std::pair{to_name, target->table}}) {
        Field fk;
        fk.name = fk_name;
        fk.type = FieldType::ForeignKey;
        fk.to = fk_target;
        fk.on_delete = OnDelete::Cascade;
        fk.db_index = true;  // Django indexes both columns of a through table
        through.fields.push_back(fk);
    }
    through.unique_together.push_back({from_name, to_name});
    return through;
}

std::vector<std::pair<const ModelState*, const Field*>> ProjectState::references_to(
    const std::string& table_name) const {
    std::vector<std::pair<const ModelState*, const Field*>> out;
    for (const auto& [key, entry] : models_)
        for (const auto& f : entry.model->fields) {
            if (f.type != FieldType::ForeignKey) continue;
            const ModelState* target = resolve_target(f.to, *entry.model);
            if (target && target->table == table_name) out.emplace_back(entry.model.get(), &f);
        }
    return out;
}

}  // namespace covet
