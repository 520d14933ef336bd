[exit 1]
covet: error: cannot roll back migration shop.0002_seed_items: operation 1 (run_sql at migrations/shop/0002_seed_items.yaml:3:5: Run SQL: INSERT INTO items (name) VALUES ('kept')) is irreversible: run_sql has no reverse_sql and cannot be rolled back
