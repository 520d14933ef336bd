#!/usr/bin/env python3
"""Writes a synthetic but realistic migration history for the benchmark.

About 20 create_table migrations with foreign keys come first, then a mix of
add_column, alter_column, rename_column, create_index and run_sql, each
migration depending on the one before. The history is deterministic for a
seed, and the first N migrations do not depend on how many are asked for, so
a 250-migration history is a prefix of the 1,000-migration one.
"""

import argparse
import json
import os
import random
import sys

TABLES = [
    "accounts", "users", "teams", "projects", "tasks", "comments", "tags",
    "labels", "invoices", "payments", "products", "categories", "orders",
    "order_items", "warehouses", "suppliers", "shipments", "reviews",
    "events", "audit_logs",
]

# Field shorthands an added column may start as, and what alter_column turns
# each kind into next (so repeated alters keep changing something).
ADDED_KINDS = {
    "int": ["IntegerField(null=True)", "BigIntegerField(null=True)"],
    "char": ["CharField(max_length={n}, null=True)"],
    "decimal": ["DecimalField(max_digits={n}, decimal_places=2, null=True)"],
    "bool": ["BooleanField(null=True, default=False)",
             "BooleanField(null=True, default=True)"],
    "datetime": ["DateTimeField(null=True)", "DateTimeField(null=True, db_index=True)"],
}


def quote(text):
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(text)


class Column:
    def __init__(self, name, kind, step=0, size=100):
        self.name = name
        self.kind = kind
        self.step = step
        self.size = size
        # A partial index names the column in raw SQL: renaming it would
        # leave that SQL stale, so such columns keep their name.
        self.pinned = False

    def shorthand(self):
        variants = ADDED_KINDS[self.kind]
        return variants[self.step % len(variants)].format(n=self.size)

    def alter(self):
        if self.kind == "char":
            self.size += 50
        elif self.kind == "decimal":
            self.size += 2
        else:
            self.step += 1


class Table:
    def __init__(self, name):
        self.name = name
        self.added = []  # Column objects this history added (alterable, renamable)


class History:
    def __init__(self, rng):
        self.rng = rng
        self.tables = []
        self.counter = 0  # makes every generated identifier unique
        self.partial_indexes = True

    def next_id(self):
        self.counter += 1
        return self.counter

    def create_table(self, name):
        rng = self.rng
        lines = [
            "  - create_table:",
            f"      table: {name}",
            "      fields:",
            "        id: AutoField(primary_key=True)",
            f"        name: {quote('CharField(max_length=100, null=True)')}",
            f"        created_at: {quote('DateTimeField(null=True)')}",
        ]
        if self.tables:
            for target in rng.sample(self.tables, k=min(len(self.tables), rng.choice([1, 1, 2]))):
                rule = rng.choice(["CASCADE", "SET_NULL", "PROTECT"])
                field = f"{target.name}_ref"
                lines.append(
                    f"        {field}: " + quote(
                        f"ForeignKey({target.name}, on_delete={rule}, null=True, "
                        f"related_name={name}_{field}_set)"))
            if rng.random() < 0.2:
                target = rng.choice(self.tables)
                lines.append(
                    f"        linked_{target.name}: " + quote(
                        f"ManyToManyField({target.name}, related_name={name}_linked_set)"))
        self.tables.append(Table(name))
        return f"create_{name}", lines

    def add_column(self):
        rng = self.rng
        table = rng.choice(self.tables)
        if rng.random() < 0.1:
            target = rng.choice(self.tables)
            column = f"{target.name}_link{self.next_id()}"
            field = (f"ForeignKey({target.name}, on_delete=SET_NULL, null=True, "
                     f"related_name={table.name}_{column}_set)")
        else:
            kind = rng.choice(list(ADDED_KINDS))
            size = rng.choice([8, 10, 12] if kind == "decimal" else [50, 100, 200])
            added = Column(f"{kind}_col{self.next_id()}", kind, size=size)
            table.added.append(added)
            column, field = added.name, added.shorthand()
        return f"add_{table.name}_{column}", [
            f"  - add_column: {{table: {table.name}, column: {column}, field: {quote(field)}}}"
        ]

    def tables_with_added(self, renamable=False):
        return [t for t in self.tables
                if any(not (renamable and c.pinned) for c in t.added)]

    def alter_column(self):
        candidates = self.tables_with_added()
        if not candidates:
            return self.add_column()
        table = self.rng.choice(candidates)
        column = self.rng.choice(table.added)
        column.alter()
        return f"alter_{table.name}_{column.name}", [
            f"  - alter_column: {{table: {table.name}, column: {column.name}, "
            f"field: {quote(column.shorthand())}}}"
        ]

    def rename_column(self):
        candidates = self.tables_with_added(renamable=True)
        if not candidates:
            return self.add_column()
        table = self.rng.choice(candidates)
        column = self.rng.choice([c for c in table.added if not c.pinned])
        old = column.name
        column.name = f"{column.kind}_col{self.next_id()}"
        return f"rename_{table.name}_{old}", [
            f"  - rename_column: {{table: {table.name}, old: {old}, new: {column.name}}}"
        ]

    def create_index(self):
        rng = self.rng
        candidates = self.tables_with_added()
        if not candidates:
            table = rng.choice(self.tables)
            columns = ["name"]
        else:
            table = rng.choice(candidates)
            columns = [rng.choice(table.added).name]
            if rng.random() < 0.3:
                columns.insert(0, "created_at")
        name = f"idx_{table.name}_{self.next_id()}"
        spec = f"{{name: {name}, table: {table.name}, columns: [{', '.join(columns)}]"
        if self.partial_indexes and candidates and rng.random() < 0.15:
            column = next(c for c in table.added if c.name == columns[-1])
            column.pinned = True
            spec += f", where: {quote(column.name + ' IS NOT NULL')}"
        return f"index_{name}", [f"  - create_index: {spec}}}"]

    def run_sql(self):
        rng = self.rng
        table = rng.choice(self.tables)
        backfill = [c for c in table.added if c.kind in ("int", "char")]
        if backfill and rng.random() < 0.6:
            column = rng.choice(backfill)
            value = "0" if column.kind == "int" else "'unknown'"
            sql = f"UPDATE {table.name} SET {column.name} = {value} WHERE {column.name} IS NULL"
            reverse = f"UPDATE {table.name} SET {column.name} = NULL WHERE {column.name} = {value}"
            slug = f"backfill_{table.name}_{column.name}"
        else:
            batch = self.next_id()
            rows = ", ".join(f"('seed{batch}-{i}', '2024-01-01 10:00:00')" for i in range(20))
            sql = f"INSERT INTO {table.name} (name, created_at) VALUES {rows}"
            reverse = f"DELETE FROM {table.name} WHERE name LIKE 'seed{batch}-%'"
            slug = f"seed_{table.name}"
        return slug, [f"  - run_sql: {{sql: {quote(sql)}, reverse_sql: {quote(reverse)}}}"]


def write_history(directory, count, seed, app, partial_indexes=True):
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(seed)
    history = History(rng)
    history.partial_indexes = partial_indexes
    width = max(4, len(str(count)))
    previous = None
    mix = [(History.add_column, 35), (History.alter_column, 15), (History.rename_column, 12),
           (History.create_index, 15), (History.run_sql, 23)]
    for number in range(1, count + 1):
        if number <= len(TABLES):
            slug, operations = history.create_table(TABLES[number - 1])
        else:
            slug, operations = None, []
            for _ in range(rng.choices([1, 2, 3], weights=[60, 30, 10])[0]):
                make = rng.choices([m for m, _ in mix], weights=[w for _, w in mix])[0]
                op_slug, lines = make(history)
                slug = slug or op_slug
                operations += lines
        name = f"{number:0{width}d}_{slug}"[:80]
        text = [f"app: {app}"]
        if previous:
            text.append(f"dependencies: [{previous}]")
        text.append("operations:")
        text += operations
        with open(os.path.join(directory, name + ".yaml"), "w") as out:
            out.write("\n".join(text) + "\n")
        previous = name


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of migrations")
    parser.add_argument("directory", help="output directory (created if missing)")
    parser.add_argument("--seed", type=int, default=20240101)
    parser.add_argument("--app", default="bench")
    parser.add_argument("--no-partial-indexes", action="store_true",
                        help="no `where:` indexes (MySQL/MariaDB have none)")
    args = parser.parse_args()
    if args.count < 1:
        sys.exit("generate_history.py: count must be at least 1")
    write_history(args.directory, args.count, args.seed, args.app,
                  partial_indexes=not args.no_partial_indexes)


if __name__ == "__main__":
    main()
