-- migration bench.0001_create_accounts
CREATE TABLE "accounts" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL);
-- migration bench.0002_create_users
CREATE TABLE "users" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "accounts_ref_id" integer NULL REFERENCES "accounts" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "users_accounts_ref_id_idx" ON "users" ("accounts_ref_id");
-- migration bench.0003_create_teams
CREATE TABLE "teams" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "users_ref_id" integer NULL REFERENCES "users" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "accounts_ref_id" integer NULL REFERENCES "accounts" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "teams_users_ref_id_idx" ON "teams" ("users_ref_id");
CREATE INDEX "teams_accounts_ref_id_idx" ON "teams" ("accounts_ref_id");
-- migration bench.0004_create_projects
CREATE TABLE "projects" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "teams_ref_id" integer NULL REFERENCES "teams" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED, "users_ref_id" integer NULL REFERENCES "users" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "projects_teams_ref_id_idx" ON "projects" ("teams_ref_id");
CREATE INDEX "projects_users_ref_id_idx" ON "projects" ("users_ref_id");
CREATE TABLE "projects_linked_teams" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "projects_id" integer NOT NULL REFERENCES "projects" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "teams_id" integer NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "projects_linked_teams_projects_id_teams_id_uniq" UNIQUE ("projects_id", "teams_id"));
CREATE INDEX "projects_linked_teams_projects_id_idx" ON "projects_linked_teams" ("projects_id");
CREATE INDEX "projects_linked_teams_teams_id_idx" ON "projects_linked_teams" ("teams_id");
-- migration bench.0005_create_tasks
CREATE TABLE "tasks" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "accounts_ref_id" integer NULL REFERENCES "accounts" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "tasks_accounts_ref_id_idx" ON "tasks" ("accounts_ref_id");
-- migration bench.0006_create_comments
CREATE TABLE "comments" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "users_ref_id" integer NULL REFERENCES "users" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED, "teams_ref_id" integer NULL REFERENCES "teams" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "comments_users_ref_id_idx" ON "comments" ("users_ref_id");
CREATE INDEX "comments_teams_ref_id_idx" ON "comments" ("teams_ref_id");
CREATE TABLE "comments_linked_users" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "comments_id" integer NOT NULL REFERENCES "comments" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "users_id" integer NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "comments_linked_users_comments_id_users_id_uniq" UNIQUE ("comments_id", "users_id"));
CREATE INDEX "comments_linked_users_comments_id_idx" ON "comments_linked_users" ("comments_id");
CREATE INDEX "comments_linked_users_users_id_idx" ON "comments_linked_users" ("users_id");
-- migration bench.0007_create_tags
CREATE TABLE "tags" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "users_ref_id" integer NULL REFERENCES "users" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED, "projects_ref_id" integer NULL REFERENCES "projects" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "tags_users_ref_id_idx" ON "tags" ("users_ref_id");
CREATE INDEX "tags_projects_ref_id_idx" ON "tags" ("projects_ref_id");
-- migration bench.0008_create_labels
CREATE TABLE "labels" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "tasks_ref_id" integer NULL REFERENCES "tasks" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "labels_tasks_ref_id_idx" ON "labels" ("tasks_ref_id");
-- migration bench.0009_create_invoices
CREATE TABLE "invoices" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "accounts_ref_id" integer NULL REFERENCES "accounts" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "invoices_accounts_ref_id_idx" ON "invoices" ("accounts_ref_id");
-- migration bench.0010_create_payments
CREATE TABLE "payments" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "invoices_ref_id" integer NULL REFERENCES "invoices" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "payments_invoices_ref_id_idx" ON "payments" ("invoices_ref_id");
-- migration bench.0011_create_products
CREATE TABLE "products" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "payments_ref_id" integer NULL REFERENCES "payments" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "labels_ref_id" integer NULL REFERENCES "labels" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "products_payments_ref_id_idx" ON "products" ("payments_ref_id");
CREATE INDEX "products_labels_ref_id_idx" ON "products" ("labels_ref_id");
CREATE TABLE "products_linked_comments" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "products_id" integer NOT NULL REFERENCES "products" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "comments_id" integer NOT NULL REFERENCES "comments" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "products_linked_comments_products_id_comments_id_uniq" UNIQUE ("products_id", "comments_id"));
CREATE INDEX "products_linked_comments_products_id_idx" ON "products_linked_comments" ("products_id");
CREATE INDEX "products_linked_comments_comments_id_idx" ON "products_linked_comments" ("comments_id");
-- migration bench.0012_create_categories
CREATE TABLE "categories" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "tasks_ref_id" integer NULL REFERENCES "tasks" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "categories_tasks_ref_id_idx" ON "categories" ("tasks_ref_id");
-- migration bench.0013_create_orders
CREATE TABLE "orders" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "categories_ref_id" integer NULL REFERENCES "categories" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "projects_ref_id" integer NULL REFERENCES "projects" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "orders_categories_ref_id_idx" ON "orders" ("categories_ref_id");
CREATE INDEX "orders_projects_ref_id_idx" ON "orders" ("projects_ref_id");
CREATE TABLE "orders_linked_labels" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "orders_id" integer NOT NULL REFERENCES "orders" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "labels_id" integer NOT NULL REFERENCES "labels" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "orders_linked_labels_orders_id_labels_id_uniq" UNIQUE ("orders_id", "labels_id"));
CREATE INDEX "orders_linked_labels_orders_id_idx" ON "orders_linked_labels" ("orders_id");
CREATE INDEX "orders_linked_labels_labels_id_idx" ON "orders_linked_labels" ("labels_id");
-- migration bench.0014_create_order_items
CREATE TABLE "order_items" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "tags_ref_id" integer NULL REFERENCES "tags" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "order_items_tags_ref_id_idx" ON "order_items" ("tags_ref_id");
-- migration bench.0015_create_warehouses
CREATE TABLE "warehouses" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "payments_ref_id" integer NULL REFERENCES "payments" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "tags_ref_id" integer NULL REFERENCES "tags" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "warehouses_payments_ref_id_idx" ON "warehouses" ("payments_ref_id");
CREATE INDEX "warehouses_tags_ref_id_idx" ON "warehouses" ("tags_ref_id");
CREATE TABLE "warehouses_linked_accounts" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "warehouses_id" integer NOT NULL REFERENCES "warehouses" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "accounts_id" integer NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "warehouses_linked_accounts_warehouses_id_accounts_id_uniq" UNIQUE ("warehouses_id", "accounts_id"));
CREATE INDEX "warehouses_linked_accounts_warehouses_id_idx" ON "warehouses_linked_accounts" ("warehouses_id");
CREATE INDEX "warehouses_linked_accounts_accounts_id_idx" ON "warehouses_linked_accounts" ("accounts_id");
-- migration bench.0016_create_suppliers
CREATE TABLE "suppliers" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "comments_ref_id" integer NULL REFERENCES "comments" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "suppliers_comments_ref_id_idx" ON "suppliers" ("comments_ref_id");
-- migration bench.0017_create_shipments
CREATE TABLE "shipments" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "comments_ref_id" integer NULL REFERENCES "comments" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "shipments_comments_ref_id_idx" ON "shipments" ("comments_ref_id");
-- migration bench.0018_create_reviews
CREATE TABLE "reviews" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "users_ref_id" integer NULL REFERENCES "users" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "reviews_users_ref_id_idx" ON "reviews" ("users_ref_id");
-- migration bench.0019_create_events
CREATE TABLE "events" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "invoices_ref_id" integer NULL REFERENCES "invoices" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "events_invoices_ref_id_idx" ON "events" ("invoices_ref_id");
CREATE TABLE "events_linked_categories" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "events_id" integer NOT NULL REFERENCES "events" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "categories_id" integer NOT NULL REFERENCES "categories" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "events_linked_categories_events_id_categories_id_uniq" UNIQUE ("events_id", "categories_id"));
CREATE INDEX "events_linked_categories_events_id_idx" ON "events_linked_categories" ("events_id");
CREATE INDEX "events_linked_categories_categories_id_idx" ON "events_linked_categories" ("categories_id");
-- migration bench.0020_create_audit_logs
CREATE TABLE "audit_logs" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "tags_ref_id" integer NULL REFERENCES "tags" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "audit_logs_tags_ref_id_idx" ON "audit_logs" ("tags_ref_id");
-- migration bench.0021_add_suppliers_char_col1
ALTER TABLE "suppliers" ADD COLUMN "char_col1" varchar(50) NULL;
CREATE INDEX "idx_suppliers_2" ON "suppliers" ("created_at", "char_col1");
-- migration bench.0022_seed_payments
INSERT INTO payments (name, created_at) VALUES ('seed3-0', '2024-01-01 10:00:00'), ('seed3-1', '2024-01-01 10:00:00'), ('seed3-2', '2024-01-01 10:00:00'), ('seed3-3', '2024-01-01 10:00:00'), ('seed3-4', '2024-01-01 10:00:00'), ('seed3-5', '2024-01-01 10:00:00'), ('seed3-6', '2024-01-01 10:00:00'), ('seed3-7', '2024-01-01 10:00:00'), ('seed3-8', '2024-01-01 10:00:00'), ('seed3-9', '2024-01-01 10:00:00'), ('seed3-10', '2024-01-01 10:00:00'), ('seed3-11', '2024-01-01 10:00:00'), ('seed3-12', '2024-01-01 10:00:00'), ('seed3-13', '2024-01-01 10:00:00'), ('seed3-14', '2024-01-01 10:00:00'), ('seed3-15', '2024-01-01 10:00:00'), ('seed3-16', '2024-01-01 10:00:00'), ('seed3-17', '2024-01-01 10:00:00'), ('seed3-18', '2024-01-01 10:00:00'), ('seed3-19', '2024-01-01 10:00:00');
-- migration bench.0023_seed_tags
INSERT INTO tags (name, created_at) VALUES ('seed4-0', '2024-01-01 10:00:00'), ('seed4-1', '2024-01-01 10:00:00'), ('seed4-2', '2024-01-01 10:00:00'), ('seed4-3', '2024-01-01 10:00:00'), ('seed4-4', '2024-01-01 10:00:00'), ('seed4-5', '2024-01-01 10:00:00'), ('seed4-6', '2024-01-01 10:00:00'), ('seed4-7', '2024-01-01 10:00:00'), ('seed4-8', '2024-01-01 10:00:00'), ('seed4-9', '2024-01-01 10:00:00'), ('seed4-10', '2024-01-01 10:00:00'), ('seed4-11', '2024-01-01 10:00:00'), ('seed4-12', '2024-01-01 10:00:00'), ('seed4-13', '2024-01-01 10:00:00'), ('seed4-14', '2024-01-01 10:00:00'), ('seed4-15', '2024-01-01 10:00:00'), ('seed4-16', '2024-01-01 10:00:00'), ('seed4-17', '2024-01-01 10:00:00'), ('seed4-18', '2024-01-01 10:00:00'), ('seed4-19', '2024-01-01 10:00:00');
INSERT INTO accounts (name, created_at) VALUES ('seed5-0', '2024-01-01 10:00:00'), ('seed5-1', '2024-01-01 10:00:00'), ('seed5-2', '2024-01-01 10:00:00'), ('seed5-3', '2024-01-01 10:00:00'), ('seed5-4', '2024-01-01 10:00:00'), ('seed5-5', '2024-01-01 10:00:00'), ('seed5-6', '2024-01-01 10:00:00'), ('seed5-7', '2024-01-01 10:00:00'), ('seed5-8', '2024-01-01 10:00:00'), ('seed5-9', '2024-01-01 10:00:00'), ('seed5-10', '2024-01-01 10:00:00'), ('seed5-11', '2024-01-01 10:00:00'), ('seed5-12', '2024-01-01 10:00:00'), ('seed5-13', '2024-01-01 10:00:00'), ('seed5-14', '2024-01-01 10:00:00'), ('seed5-15', '2024-01-01 10:00:00'), ('seed5-16', '2024-01-01 10:00:00'), ('seed5-17', '2024-01-01 10:00:00'), ('seed5-18', '2024-01-01 10:00:00'), ('seed5-19', '2024-01-01 10:00:00');
-- migration bench.0024_seed_warehouses
INSERT INTO warehouses (name, created_at) VALUES ('seed6-0', '2024-01-01 10:00:00'), ('seed6-1', '2024-01-01 10:00:00'), ('seed6-2', '2024-01-01 10:00:00'), ('seed6-3', '2024-01-01 10:00:00'), ('seed6-4', '2024-01-01 10:00:00'), ('seed6-5', '2024-01-01 10:00:00'), ('seed6-6', '2024-01-01 10:00:00'), ('seed6-7', '2024-01-01 10:00:00'), ('seed6-8', '2024-01-01 10:00:00'), ('seed6-9', '2024-01-01 10:00:00'), ('seed6-10', '2024-01-01 10:00:00'), ('seed6-11', '2024-01-01 10:00:00'), ('seed6-12', '2024-01-01 10:00:00'), ('seed6-13', '2024-01-01 10:00:00'), ('seed6-14', '2024-01-01 10:00:00'), ('seed6-15', '2024-01-01 10:00:00'), ('seed6-16', '2024-01-01 10:00:00'), ('seed6-17', '2024-01-01 10:00:00'), ('seed6-18', '2024-01-01 10:00:00'), ('seed6-19', '2024-01-01 10:00:00');
CREATE TABLE "new__suppliers" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "comments_ref_id" integer NULL REFERENCES "comments" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "char_col1" varchar(100) NULL);
INSERT INTO "new__suppliers" ("id", "name", "created_at", "comments_ref_id", "char_col1") SELECT "id", "name", "created_at", "comments_ref_id", "char_col1" FROM "suppliers";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'suppliers' COLLATE NOCASE;
DROP TABLE "suppliers";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__suppliers" RENAME TO "suppliers";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "suppliers_comments_ref_id_idx" ON "suppliers" ("comments_ref_id");
CREATE INDEX "idx_suppliers_2" ON "suppliers" ("created_at", "char_col1");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "suppliers" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('suppliers')) > 0);
-- migration bench.0025_index_idx_suppliers_7
CREATE INDEX "idx_suppliers_7" ON "suppliers" ("char_col1") WHERE "char_col1" IS NOT NULL;
CREATE INDEX "idx_suppliers_8" ON "suppliers" ("char_col1");
CREATE TABLE "new__suppliers" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "comments_ref_id" integer NULL REFERENCES "comments" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "char_col1" varchar(150) NULL);
INSERT INTO "new__suppliers" ("id", "name", "created_at", "comments_ref_id", "char_col1") SELECT "id", "name", "created_at", "comments_ref_id", "char_col1" FROM "suppliers";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'suppliers' COLLATE NOCASE;
DROP TABLE "suppliers";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__suppliers" RENAME TO "suppliers";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "suppliers_comments_ref_id_idx" ON "suppliers" ("comments_ref_id");
CREATE INDEX "idx_suppliers_2" ON "suppliers" ("created_at", "char_col1");
CREATE INDEX "idx_suppliers_7" ON "suppliers" ("char_col1") WHERE "char_col1" IS NOT NULL;
CREATE INDEX "idx_suppliers_8" ON "suppliers" ("char_col1");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "suppliers" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('suppliers')) > 0);
-- migration bench.0026_index_idx_suppliers_9
CREATE INDEX "idx_suppliers_9" ON "suppliers" ("char_col1");
INSERT INTO categories (name, created_at) VALUES ('seed10-0', '2024-01-01 10:00:00'), ('seed10-1', '2024-01-01 10:00:00'), ('seed10-2', '2024-01-01 10:00:00'), ('seed10-3', '2024-01-01 10:00:00'), ('seed10-4', '2024-01-01 10:00:00'), ('seed10-5', '2024-01-01 10:00:00'), ('seed10-6', '2024-01-01 10:00:00'), ('seed10-7', '2024-01-01 10:00:00'), ('seed10-8', '2024-01-01 10:00:00'), ('seed10-9', '2024-01-01 10:00:00'), ('seed10-10', '2024-01-01 10:00:00'), ('seed10-11', '2024-01-01 10:00:00'), ('seed10-12', '2024-01-01 10:00:00'), ('seed10-13', '2024-01-01 10:00:00'), ('seed10-14', '2024-01-01 10:00:00'), ('seed10-15', '2024-01-01 10:00:00'), ('seed10-16', '2024-01-01 10:00:00'), ('seed10-17', '2024-01-01 10:00:00'), ('seed10-18', '2024-01-01 10:00:00'), ('seed10-19', '2024-01-01 10:00:00');
-- migration bench.0027_add_order_items_char_col11
ALTER TABLE "order_items" ADD COLUMN "char_col11" varchar(50) NULL;
-- migration bench.0028_rename_order_items_char_col11
ALTER TABLE "order_items" RENAME COLUMN "char_col11" TO "char_col12";
-- migration bench.0029_rename_order_items_char_col12
ALTER TABLE "order_items" RENAME COLUMN "char_col12" TO "char_col13";
-- migration bench.0030_rename_order_items_char_col13
ALTER TABLE "order_items" RENAME COLUMN "char_col13" TO "char_col14";
ALTER TABLE "order_items" RENAME COLUMN "char_col14" TO "char_col15";
-- migration bench.0031_seed_suppliers
INSERT INTO suppliers (name, created_at) VALUES ('seed16-0', '2024-01-01 10:00:00'), ('seed16-1', '2024-01-01 10:00:00'), ('seed16-2', '2024-01-01 10:00:00'), ('seed16-3', '2024-01-01 10:00:00'), ('seed16-4', '2024-01-01 10:00:00'), ('seed16-5', '2024-01-01 10:00:00'), ('seed16-6', '2024-01-01 10:00:00'), ('seed16-7', '2024-01-01 10:00:00'), ('seed16-8', '2024-01-01 10:00:00'), ('seed16-9', '2024-01-01 10:00:00'), ('seed16-10', '2024-01-01 10:00:00'), ('seed16-11', '2024-01-01 10:00:00'), ('seed16-12', '2024-01-01 10:00:00'), ('seed16-13', '2024-01-01 10:00:00'), ('seed16-14', '2024-01-01 10:00:00'), ('seed16-15', '2024-01-01 10:00:00'), ('seed16-16', '2024-01-01 10:00:00'), ('seed16-17', '2024-01-01 10:00:00'), ('seed16-18', '2024-01-01 10:00:00'), ('seed16-19', '2024-01-01 10:00:00');
-- migration bench.0032_index_idx_suppliers_17
CREATE INDEX "idx_suppliers_17" ON "suppliers" ("char_col1");
-- migration bench.0033_add_events_bool_col18
ALTER TABLE "events" ADD COLUMN "bool_col18" bool DEFAULT 0 NULL;
-- migration bench.0034_seed_invoices
INSERT INTO invoices (name, created_at) VALUES ('seed19-0', '2024-01-01 10:00:00'), ('seed19-1', '2024-01-01 10:00:00'), ('seed19-2', '2024-01-01 10:00:00'), ('seed19-3', '2024-01-01 10:00:00'), ('seed19-4', '2024-01-01 10:00:00'), ('seed19-5', '2024-01-01 10:00:00'), ('seed19-6', '2024-01-01 10:00:00'), ('seed19-7', '2024-01-01 10:00:00'), ('seed19-8', '2024-01-01 10:00:00'), ('seed19-9', '2024-01-01 10:00:00'), ('seed19-10', '2024-01-01 10:00:00'), ('seed19-11', '2024-01-01 10:00:00'), ('seed19-12', '2024-01-01 10:00:00'), ('seed19-13', '2024-01-01 10:00:00'), ('seed19-14', '2024-01-01 10:00:00'), ('seed19-15', '2024-01-01 10:00:00'), ('seed19-16', '2024-01-01 10:00:00'), ('seed19-17', '2024-01-01 10:00:00'), ('seed19-18', '2024-01-01 10:00:00'), ('seed19-19', '2024-01-01 10:00:00');
-- migration bench.0035_seed_projects
INSERT INTO projects (name, created_at) VALUES ('seed20-0', '2024-01-01 10:00:00'), ('seed20-1', '2024-01-01 10:00:00'), ('seed20-2', '2024-01-01 10:00:00'), ('seed20-3', '2024-01-01 10:00:00'), ('seed20-4', '2024-01-01 10:00:00'), ('seed20-5', '2024-01-01 10:00:00'), ('seed20-6', '2024-01-01 10:00:00'), ('seed20-7', '2024-01-01 10:00:00'), ('seed20-8', '2024-01-01 10:00:00'), ('seed20-9', '2024-01-01 10:00:00'), ('seed20-10', '2024-01-01 10:00:00'), ('seed20-11', '2024-01-01 10:00:00'), ('seed20-12', '2024-01-01 10:00:00'), ('seed20-13', '2024-01-01 10:00:00'), ('seed20-14', '2024-01-01 10:00:00'), ('seed20-15', '2024-01-01 10:00:00'), ('seed20-16', '2024-01-01 10:00:00'), ('seed20-17', '2024-01-01 10:00:00'), ('seed20-18', '2024-01-01 10:00:00'), ('seed20-19', '2024-01-01 10:00:00');
ALTER TABLE "suppliers" ADD COLUMN "int_col21" integer NULL;
-- migration bench.0036_add_comments_int_col22
ALTER TABLE "comments" ADD COLUMN "int_col22" integer NULL;
-- migration bench.0037_alter_events_bool_col18
CREATE TABLE "new__events" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "invoices_ref_id" integer NULL REFERENCES "invoices" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "bool_col18" bool DEFAULT 1 NULL);
INSERT INTO "new__events" ("id", "name", "created_at", "invoices_ref_id", "bool_col18") SELECT "id", "name", "created_at", "invoices_ref_id", "bool_col18" FROM "events";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events' COLLATE NOCASE;
DROP TABLE "events";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__events" RENAME TO "events";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "events_invoices_ref_id_idx" ON "events" ("invoices_ref_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "events" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('events')) > 0);
-- migration bench.0038_rename_order_items_char_col15
ALTER TABLE "order_items" RENAME COLUMN "char_col15" TO "char_col23";
-- migration bench.0039_alter_comments_int_col22
CREATE TABLE "new__comments" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "users_ref_id" integer NULL REFERENCES "users" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED, "teams_ref_id" integer NULL REFERENCES "teams" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "int_col22" bigint NULL);
INSERT INTO "new__comments" ("id", "name", "created_at", "users_ref_id", "teams_ref_id", "int_col22") SELECT "id", "name", "created_at", "users_ref_id", "teams_ref_id", "int_col22" FROM "comments";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'comments' COLLATE NOCASE;
DROP TABLE "comments";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__comments" RENAME TO "comments";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "comments_users_ref_id_idx" ON "comments" ("users_ref_id");
CREATE INDEX "comments_teams_ref_id_idx" ON "comments" ("teams_ref_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "comments" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('comments')) > 0);
ALTER TABLE "order_items" RENAME COLUMN "char_col23" TO "char_col24";
INSERT INTO audit_logs (name, created_at) VALUES ('seed25-0', '2024-01-01 10:00:00'), ('seed25-1', '2024-01-01 10:00:00'), ('seed25-2', '2024-01-01 10:00:00'), ('seed25-3', '2024-01-01 10:00:00'), ('seed25-4', '2024-01-01 10:00:00'), ('seed25-5', '2024-01-01 10:00:00'), ('seed25-6', '2024-01-01 10:00:00'), ('seed25-7', '2024-01-01 10:00:00'), ('seed25-8', '2024-01-01 10:00:00'), ('seed25-9', '2024-01-01 10:00:00'), ('seed25-10', '2024-01-01 10:00:00'), ('seed25-11', '2024-01-01 10:00:00'), ('seed25-12', '2024-01-01 10:00:00'), ('seed25-13', '2024-01-01 10:00:00'), ('seed25-14', '2024-01-01 10:00:00'), ('seed25-15', '2024-01-01 10:00:00'), ('seed25-16', '2024-01-01 10:00:00'), ('seed25-17', '2024-01-01 10:00:00'), ('seed25-18', '2024-01-01 10:00:00'), ('seed25-19', '2024-01-01 10:00:00');
-- migration bench.0040_add_accounts_datetime_col26
ALTER TABLE "accounts" ADD COLUMN "datetime_col26" datetime NULL;
CREATE TABLE "new__suppliers" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "comments_ref_id" integer NULL REFERENCES "comments" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "char_col1" varchar(200) NULL, "int_col21" integer NULL);
INSERT INTO "new__suppliers" ("id", "name", "created_at", "comments_ref_id", "char_col1", "int_col21") SELECT "id", "name", "created_at", "comments_ref_id", "char_col1", "int_col21" FROM "suppliers";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'suppliers' COLLATE NOCASE;
DROP TABLE "suppliers";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__suppliers" RENAME TO "suppliers";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "suppliers_comments_ref_id_idx" ON "suppliers" ("comments_ref_id");
CREATE INDEX "idx_suppliers_2" ON "suppliers" ("created_at", "char_col1");
CREATE INDEX "idx_suppliers_7" ON "suppliers" ("char_col1") WHERE "char_col1" IS NOT NULL;
CREATE INDEX "idx_suppliers_8" ON "suppliers" ("char_col1");
CREATE INDEX "idx_suppliers_9" ON "suppliers" ("char_col1");
CREATE INDEX "idx_suppliers_17" ON "suppliers" ("char_col1");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "suppliers" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('suppliers')) > 0);
-- migration bench.0041_add_suppliers_int_col27
ALTER TABLE "suppliers" ADD COLUMN "int_col27" integer NULL;
INSERT INTO shipments (name, created_at) VALUES ('seed28-0', '2024-01-01 10:00:00'), ('seed28-1', '2024-01-01 10:00:00'), ('seed28-2', '2024-01-01 10:00:00'), ('seed28-3', '2024-01-01 10:00:00'), ('seed28-4', '2024-01-01 10:00:00'), ('seed28-5', '2024-01-01 10:00:00'), ('seed28-6', '2024-01-01 10:00:00'), ('seed28-7', '2024-01-01 10:00:00'), ('seed28-8', '2024-01-01 10:00:00'), ('seed28-9', '2024-01-01 10:00:00'), ('seed28-10', '2024-01-01 10:00:00'), ('seed28-11', '2024-01-01 10:00:00'), ('seed28-12', '2024-01-01 10:00:00'), ('seed28-13', '2024-01-01 10:00:00'), ('seed28-14', '2024-01-01 10:00:00'), ('seed28-15', '2024-01-01 10:00:00'), ('seed28-16', '2024-01-01 10:00:00'), ('seed28-17', '2024-01-01 10:00:00'), ('seed28-18', '2024-01-01 10:00:00'), ('seed28-19', '2024-01-01 10:00:00');
-- migration bench.0042_alter_suppliers_int_col27
CREATE TABLE "new__suppliers" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "comments_ref_id" integer NULL REFERENCES "comments" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "char_col1" varchar(200) NULL, "int_col21" integer NULL, "int_col27" bigint NULL);
INSERT INTO "new__suppliers" ("id", "name", "created_at", "comments_ref_id", "char_col1", "int_col21", "int_col27") SELECT "id", "name", "created_at", "comments_ref_id", "char_col1", "int_col21", "int_col27" FROM "suppliers";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'suppliers' COLLATE NOCASE;
DROP TABLE "suppliers";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__suppliers" RENAME TO "suppliers";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "suppliers_comments_ref_id_idx" ON "suppliers" ("comments_ref_id");
CREATE INDEX "idx_suppliers_2" ON "suppliers" ("created_at", "char_col1");
CREATE INDEX "idx_suppliers_7" ON "suppliers" ("char_col1") WHERE "char_col1" IS NOT NULL;
CREATE INDEX "idx_suppliers_8" ON "suppliers" ("char_col1");
CREATE INDEX "idx_suppliers_9" ON "suppliers" ("char_col1");
CREATE INDEX "idx_suppliers_17" ON "suppliers" ("char_col1");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "suppliers" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('suppliers')) > 0);
-- migration bench.0043_add_payments_bool_col29
ALTER TABLE "payments" ADD COLUMN "bool_col29" bool DEFAULT 0 NULL;
-- migration bench.0044_seed_accounts
INSERT INTO accounts (name, created_at) VALUES ('seed30-0', '2024-01-01 10:00:00'), ('seed30-1', '2024-01-01 10:00:00'), ('seed30-2', '2024-01-01 10:00:00'), ('seed30-3', '2024-01-01 10:00:00'), ('seed30-4', '2024-01-01 10:00:00'), ('seed30-5', '2024-01-01 10:00:00'), ('seed30-6', '2024-01-01 10:00:00'), ('seed30-7', '2024-01-01 10:00:00'), ('seed30-8', '2024-01-01 10:00:00'), ('seed30-9', '2024-01-01 10:00:00'), ('seed30-10', '2024-01-01 10:00:00'), ('seed30-11', '2024-01-01 10:00:00'), ('seed30-12', '2024-01-01 10:00:00'), ('seed30-13', '2024-01-01 10:00:00'), ('seed30-14', '2024-01-01 10:00:00'), ('seed30-15', '2024-01-01 10:00:00'), ('seed30-16', '2024-01-01 10:00:00'), ('seed30-17', '2024-01-01 10:00:00'), ('seed30-18', '2024-01-01 10:00:00'), ('seed30-19', '2024-01-01 10:00:00');
CREATE INDEX "idx_suppliers_31" ON "suppliers" ("int_col21");
ALTER TABLE "order_items" RENAME COLUMN "char_col24" TO "char_col32";
-- migration bench.0045_alter_events_bool_col18
CREATE TABLE "new__events" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "invoices_ref_id" integer NULL REFERENCES "invoices" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "bool_col18" bool DEFAULT 0 NULL);
INSERT INTO "new__events" ("id", "name", "created_at", "invoices_ref_id", "bool_col18") SELECT "id", "name", "created_at", "invoices_ref_id", "bool_col18" FROM "events";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events' COLLATE NOCASE;
DROP TABLE "events";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__events" RENAME TO "events";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "events_invoices_ref_id_idx" ON "events" ("invoices_ref_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "events" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('events')) > 0);
-- migration bench.0046_seed_invoices
INSERT INTO invoices (name, created_at) VALUES ('seed33-0', '2024-01-01 10:00:00'), ('seed33-1', '2024-01-01 10:00:00'), ('seed33-2', '2024-01-01 10:00:00'), ('seed33-3', '2024-01-01 10:00:00'), ('seed33-4', '2024-01-01 10:00:00'), ('seed33-5', '2024-01-01 10:00:00'), ('seed33-6', '2024-01-01 10:00:00'), ('seed33-7', '2024-01-01 10:00:00'), ('seed33-8', '2024-01-01 10:00:00'), ('seed33-9', '2024-01-01 10:00:00'), ('seed33-10', '2024-01-01 10:00:00'), ('seed33-11', '2024-01-01 10:00:00'), ('seed33-12', '2024-01-01 10:00:00'), ('seed33-13', '2024-01-01 10:00:00'), ('seed33-14', '2024-01-01 10:00:00'), ('seed33-15', '2024-01-01 10:00:00'), ('seed33-16', '2024-01-01 10:00:00'), ('seed33-17', '2024-01-01 10:00:00'), ('seed33-18', '2024-01-01 10:00:00'), ('seed33-19', '2024-01-01 10:00:00');
-- migration bench.0047_add_shipments_bool_col34
ALTER TABLE "shipments" ADD COLUMN "bool_col34" bool DEFAULT 0 NULL;
-- migration bench.0048_seed_users
INSERT INTO users (name, created_at) VALUES ('seed35-0', '2024-01-01 10:00:00'), ('seed35-1', '2024-01-01 10:00:00'), ('seed35-2', '2024-01-01 10:00:00'), ('seed35-3', '2024-01-01 10:00:00'), ('seed35-4', '2024-01-01 10:00:00'), ('seed35-5', '2024-01-01 10:00:00'), ('seed35-6', '2024-01-01 10:00:00'), ('seed35-7', '2024-01-01 10:00:00'), ('seed35-8', '2024-01-01 10:00:00'), ('seed35-9', '2024-01-01 10:00:00'), ('seed35-10', '2024-01-01 10:00:00'), ('seed35-11', '2024-01-01 10:00:00'), ('seed35-12', '2024-01-01 10:00:00'), ('seed35-13', '2024-01-01 10:00:00'), ('seed35-14', '2024-01-01 10:00:00'), ('seed35-15', '2024-01-01 10:00:00'), ('seed35-16', '2024-01-01 10:00:00'), ('seed35-17', '2024-01-01 10:00:00'), ('seed35-18', '2024-01-01 10:00:00'), ('seed35-19', '2024-01-01 10:00:00');
-- migration bench.0049_seed_comments
INSERT INTO comments (name, created_at) VALUES ('seed36-0', '2024-01-01 10:00:00'), ('seed36-1', '2024-01-01 10:00:00'), ('seed36-2', '2024-01-01 10:00:00'), ('seed36-3', '2024-01-01 10:00:00'), ('seed36-4', '2024-01-01 10:00:00'), ('seed36-5', '2024-01-01 10:00:00'), ('seed36-6', '2024-01-01 10:00:00'), ('seed36-7', '2024-01-01 10:00:00'), ('seed36-8', '2024-01-01 10:00:00'), ('seed36-9', '2024-01-01 10:00:00'), ('seed36-10', '2024-01-01 10:00:00'), ('seed36-11', '2024-01-01 10:00:00'), ('seed36-12', '2024-01-01 10:00:00'), ('seed36-13', '2024-01-01 10:00:00'), ('seed36-14', '2024-01-01 10:00:00'), ('seed36-15', '2024-01-01 10:00:00'), ('seed36-16', '2024-01-01 10:00:00'), ('seed36-17', '2024-01-01 10:00:00'), ('seed36-18', '2024-01-01 10:00:00'), ('seed36-19', '2024-01-01 10:00:00');
ALTER TABLE "users" ADD COLUMN "char_col37" varchar(50) NULL;
-- migration bench.0050_add_teams_bool_col38
ALTER TABLE "teams" ADD COLUMN "bool_col38" bool DEFAULT 0 NULL;
-- migration bench.0051_seed_shipments
INSERT INTO shipments (name, created_at) VALUES ('seed39-0', '2024-01-01 10:00:00'), ('seed39-1', '2024-01-01 10:00:00'), ('seed39-2', '2024-01-01 10:00:00'), ('seed39-3', '2024-01-01 10:00:00'), ('seed39-4', '2024-01-01 10:00:00'), ('seed39-5', '2024-01-01 10:00:00'), ('seed39-6', '2024-01-01 10:00:00'), ('seed39-7', '2024-01-01 10:00:00'), ('seed39-8', '2024-01-01 10:00:00'), ('seed39-9', '2024-01-01 10:00:00'), ('seed39-10', '2024-01-01 10:00:00'), ('seed39-11', '2024-01-01 10:00:00'), ('seed39-12', '2024-01-01 10:00:00'), ('seed39-13', '2024-01-01 10:00:00'), ('seed39-14', '2024-01-01 10:00:00'), ('seed39-15', '2024-01-01 10:00:00'), ('seed39-16', '2024-01-01 10:00:00'), ('seed39-17', '2024-01-01 10:00:00'), ('seed39-18', '2024-01-01 10:00:00'), ('seed39-19', '2024-01-01 10:00:00');
INSERT INTO events (name, created_at) VALUES ('seed40-0', '2024-01-01 10:00:00'), ('seed40-1', '2024-01-01 10:00:00'), ('seed40-2', '2024-01-01 10:00:00'), ('seed40-3', '2024-01-01 10:00:00'), ('seed40-4', '2024-01-01 10:00:00'), ('seed40-5', '2024-01-01 10:00:00'), ('seed40-6', '2024-01-01 10:00:00'), ('seed40-7', '2024-01-01 10:00:00'), ('seed40-8', '2024-01-01 10:00:00'), ('seed40-9', '2024-01-01 10:00:00'), ('seed40-10', '2024-01-01 10:00:00'), ('seed40-11', '2024-01-01 10:00:00'), ('seed40-12', '2024-01-01 10:00:00'), ('seed40-13', '2024-01-01 10:00:00'), ('seed40-14', '2024-01-01 10:00:00'), ('seed40-15', '2024-01-01 10:00:00'), ('seed40-16', '2024-01-01 10:00:00'), ('seed40-17', '2024-01-01 10:00:00'), ('seed40-18', '2024-01-01 10:00:00'), ('seed40-19', '2024-01-01 10:00:00');
-- migration bench.0052_rename_users_char_col37
ALTER TABLE "users" RENAME COLUMN "char_col37" TO "char_col41";
-- migration bench.0053_index_idx_accounts_42
CREATE INDEX "idx_accounts_42" ON "accounts" ("datetime_col26");
-- migration bench.0054_index_idx_order_items_43
CREATE INDEX "idx_order_items_43" ON "order_items" ("created_at", "char_col32");
ALTER TABLE "payments" RENAME COLUMN "bool_col29" TO "bool_col44";
-- migration bench.0055_alter_comments_int_col22
-- covet guard: a row returned stops the migration
SELECT 'cannot narrow comments.int_col22 to integer: a row holds the value ', CAST("int_col22" AS text) FROM "comments" WHERE "int_col22" < -2147483647 - 1 OR "int_col22" > 2147483647 LIMIT 1;
CREATE TABLE "new__comments" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "users_ref_id" integer NULL REFERENCES "users" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED, "teams_ref_id" integer NULL REFERENCES "teams" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "int_col22" integer NULL);
INSERT INTO "new__comments" ("id", "name", "created_at", "users_ref_id", "teams_ref_id", "int_col22") SELECT "id", "name", "created_at", "users_ref_id", "teams_ref_id", "int_col22" FROM "comments";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'comments' COLLATE NOCASE;
DROP TABLE "comments";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__comments" RENAME TO "comments";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "comments_users_ref_id_idx" ON "comments" ("users_ref_id");
CREATE INDEX "comments_teams_ref_id_idx" ON "comments" ("teams_ref_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "comments" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('comments')) > 0);
ALTER TABLE "categories" ADD COLUMN "datetime_col45" datetime NULL;
-- migration bench.0056_add_invoices_int_col46
ALTER TABLE "invoices" ADD COLUMN "int_col46" integer NULL;
CREATE INDEX "idx_teams_47" ON "teams" ("bool_col38");
INSERT INTO accounts (name, created_at) VALUES ('seed48-0', '2024-01-01 10:00:00'), ('seed48-1', '2024-01-01 10:00:00'), ('seed48-2', '2024-01-01 10:00:00'), ('seed48-3', '2024-01-01 10:00:00'), ('seed48-4', '2024-01-01 10:00:00'), ('seed48-5', '2024-01-01 10:00:00'), ('seed48-6', '2024-01-01 10:00:00'), ('seed48-7', '2024-01-01 10:00:00'), ('seed48-8', '2024-01-01 10:00:00'), ('seed48-9', '2024-01-01 10:00:00'), ('seed48-10', '2024-01-01 10:00:00'), ('seed48-11', '2024-01-01 10:00:00'), ('seed48-12', '2024-01-01 10:00:00'), ('seed48-13', '2024-01-01 10:00:00'), ('seed48-14', '2024-01-01 10:00:00'), ('seed48-15', '2024-01-01 10:00:00'), ('seed48-16', '2024-01-01 10:00:00'), ('seed48-17', '2024-01-01 10:00:00'), ('seed48-18', '2024-01-01 10:00:00'), ('seed48-19', '2024-01-01 10:00:00');
-- migration bench.0057_add_audit_logs_decimal_col49
ALTER TABLE "audit_logs" ADD COLUMN "decimal_col49" decimal NULL;
-- migration bench.0058_alter_users_char_col41
CREATE TABLE "new__users" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "accounts_ref_id" integer NULL REFERENCES "accounts" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "char_col41" varchar(100) NULL);
INSERT INTO "new__users" ("id", "name", "created_at", "accounts_ref_id", "char_col41") SELECT "id", "name", "created_at", "accounts_ref_id", "char_col41" FROM "users";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'users' COLLATE NOCASE;
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "users_accounts_ref_id_idx" ON "users" ("accounts_ref_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "users" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('users')) > 0);
INSERT INTO accounts (name, created_at) VALUES ('seed50-0', '2024-01-01 10:00:00'), ('seed50-1', '2024-01-01 10:00:00'), ('seed50-2', '2024-01-01 10:00:00'), ('seed50-3', '2024-01-01 10:00:00'), ('seed50-4', '2024-01-01 10:00:00'), ('seed50-5', '2024-01-01 10:00:00'), ('seed50-6', '2024-01-01 10:00:00'), ('seed50-7', '2024-01-01 10:00:00'), ('seed50-8', '2024-01-01 10:00:00'), ('seed50-9', '2024-01-01 10:00:00'), ('seed50-10', '2024-01-01 10:00:00'), ('seed50-11', '2024-01-01 10:00:00'), ('seed50-12', '2024-01-01 10:00:00'), ('seed50-13', '2024-01-01 10:00:00'), ('seed50-14', '2024-01-01 10:00:00'), ('seed50-15', '2024-01-01 10:00:00'), ('seed50-16', '2024-01-01 10:00:00'), ('seed50-17', '2024-01-01 10:00:00'), ('seed50-18', '2024-01-01 10:00:00'), ('seed50-19', '2024-01-01 10:00:00');
-- migration bench.0059_seed_events
INSERT INTO events (name, created_at) VALUES ('seed51-0', '2024-01-01 10:00:00'), ('seed51-1', '2024-01-01 10:00:00'), ('seed51-2', '2024-01-01 10:00:00'), ('seed51-3', '2024-01-01 10:00:00'), ('seed51-4', '2024-01-01 10:00:00'), ('seed51-5', '2024-01-01 10:00:00'), ('seed51-6', '2024-01-01 10:00:00'), ('seed51-7', '2024-01-01 10:00:00'), ('seed51-8', '2024-01-01 10:00:00'), ('seed51-9', '2024-01-01 10:00:00'), ('seed51-10', '2024-01-01 10:00:00'), ('seed51-11', '2024-01-01 10:00:00'), ('seed51-12', '2024-01-01 10:00:00'), ('seed51-13', '2024-01-01 10:00:00'), ('seed51-14', '2024-01-01 10:00:00'), ('seed51-15', '2024-01-01 10:00:00'), ('seed51-16', '2024-01-01 10:00:00'), ('seed51-17', '2024-01-01 10:00:00'), ('seed51-18', '2024-01-01 10:00:00'), ('seed51-19', '2024-01-01 10:00:00');
-- migration bench.0060_seed_payments
INSERT INTO payments (name, created_at) VALUES ('seed52-0', '2024-01-01 10:00:00'), ('seed52-1', '2024-01-01 10:00:00'), ('seed52-2', '2024-01-01 10:00:00'), ('seed52-3', '2024-01-01 10:00:00'), ('seed52-4', '2024-01-01 10:00:00'), ('seed52-5', '2024-01-01 10:00:00'), ('seed52-6', '2024-01-01 10:00:00'), ('seed52-7', '2024-01-01 10:00:00'), ('seed52-8', '2024-01-01 10:00:00'), ('seed52-9', '2024-01-01 10:00:00'), ('seed52-10', '2024-01-01 10:00:00'), ('seed52-11', '2024-01-01 10:00:00'), ('seed52-12', '2024-01-01 10:00:00'), ('seed52-13', '2024-01-01 10:00:00'), ('seed52-14', '2024-01-01 10:00:00'), ('seed52-15', '2024-01-01 10:00:00'), ('seed52-16', '2024-01-01 10:00:00'), ('seed52-17', '2024-01-01 10:00:00'), ('seed52-18', '2024-01-01 10:00:00'), ('seed52-19', '2024-01-01 10:00:00');
-- migration bench.0061_alter_suppliers_int_col27
-- covet guard: a row returned stops the migration
SELECT 'cannot narrow suppliers.int_col27 to integer: a row holds the value ', CAST("int_col27" AS text) FROM "suppliers" WHERE "int_col27" < -2147483647 - 1 OR "int_col27" > 2147483647 LIMIT 1;
CREATE TABLE "new__suppliers" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "comments_ref_id" integer NULL REFERENCES "comments" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "char_col1" varchar(200) NULL, "int_col21" integer NULL, "int_col27" integer NULL);
INSERT INTO "new__suppliers" ("id", "name", "created_at", "comments_ref_id", "char_col1", "int_col21", "int_col27") SELECT "id", "name", "created_at", "comments_ref_id", "char_col1", "int_col21", "int_col27" FROM "suppliers";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'suppliers' COLLATE NOCASE;
DROP TABLE "suppliers";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__suppliers" RENAME TO "suppliers";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "suppliers_comments_ref_id_idx" ON "suppliers" ("comments_ref_id");
CREATE INDEX "idx_suppliers_2" ON "suppliers" ("created_at", "char_col1");
CREATE INDEX "idx_suppliers_7" ON "suppliers" ("char_col1") WHERE "char_col1" IS NOT NULL;
CREATE INDEX "idx_suppliers_8" ON "suppliers" ("char_col1");
CREATE INDEX "idx_suppliers_9" ON "suppliers" ("char_col1");
CREATE INDEX "idx_suppliers_17" ON "suppliers" ("char_col1");
CREATE INDEX "idx_suppliers_31" ON "suppliers" ("int_col21");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "suppliers" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('suppliers')) > 0);
INSERT INTO reviews (name, created_at) VALUES ('seed53-0', '2024-01-01 10:00:00'), ('seed53-1', '2024-01-01 10:00:00'), ('seed53-2', '2024-01-01 10:00:00'), ('seed53-3', '2024-01-01 10:00:00'), ('seed53-4', '2024-01-01 10:00:00'), ('seed53-5', '2024-01-01 10:00:00'), ('seed53-6', '2024-01-01 10:00:00'), ('seed53-7', '2024-01-01 10:00:00'), ('seed53-8', '2024-01-01 10:00:00'), ('seed53-9', '2024-01-01 10:00:00'), ('seed53-10', '2024-01-01 10:00:00'), ('seed53-11', '2024-01-01 10:00:00'), ('seed53-12', '2024-01-01 10:00:00'), ('seed53-13', '2024-01-01 10:00:00'), ('seed53-14', '2024-01-01 10:00:00'), ('seed53-15', '2024-01-01 10:00:00'), ('seed53-16', '2024-01-01 10:00:00'), ('seed53-17', '2024-01-01 10:00:00'), ('seed53-18', '2024-01-01 10:00:00'), ('seed53-19', '2024-01-01 10:00:00');
-- migration bench.0062_rename_suppliers_int_col21
ALTER TABLE "suppliers" RENAME COLUMN "int_col21" TO "int_col54";
ALTER TABLE "audit_logs" ADD COLUMN "audit_logs_link55_id" integer NULL REFERENCES "audit_logs" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "audit_logs_audit_logs_link55_id_idx" ON "audit_logs" ("audit_logs_link55_id");
-- migration bench.0063_alter_order_items_char_col32
CREATE TABLE "new__order_items" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "tags_ref_id" integer NULL REFERENCES "tags" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "char_col32" varchar(100) NULL);
INSERT INTO "new__order_items" ("id", "name", "created_at", "tags_ref_id", "char_col32") SELECT "id", "name", "created_at", "tags_ref_id", "char_col32" FROM "order_items";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'order_items' COLLATE NOCASE;
DROP TABLE "order_items";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__order_items" RENAME TO "order_items";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "order_items_tags_ref_id_idx" ON "order_items" ("tags_ref_id");
CREATE INDEX "idx_order_items_43" ON "order_items" ("created_at", "char_col32");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "order_items" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('order_items')) > 0);
-- migration bench.0064_alter_shipments_bool_col34
CREATE TABLE "new__shipments" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "comments_ref_id" integer NULL REFERENCES "comments" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED, "bool_col34" bool DEFAULT 1 NULL);
INSERT INTO "new__shipments" ("id", "name", "created_at", "comments_ref_id", "bool_col34") SELECT "id", "name", "created_at", "comments_ref_id", "bool_col34" FROM "shipments";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'shipments' COLLATE NOCASE;
DROP TABLE "shipments";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__shipments" RENAME TO "shipments";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "shipments_comments_ref_id_idx" ON "shipments" ("comments_ref_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "shipments" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('shipments')) > 0);
INSERT INTO warehouses (name, created_at) VALUES ('seed56-0', '2024-01-01 10:00:00'), ('seed56-1', '2024-01-01 10:00:00'), ('seed56-2', '2024-01-01 10:00:00'), ('seed56-3', '2024-01-01 10:00:00'), ('seed56-4', '2024-01-01 10:00:00'), ('seed56-5', '2024-01-01 10:00:00'), ('seed56-6', '2024-01-01 10:00:00'), ('seed56-7', '2024-01-01 10:00:00'), ('seed56-8', '2024-01-01 10:00:00'), ('seed56-9', '2024-01-01 10:00:00'), ('seed56-10', '2024-01-01 10:00:00'), ('seed56-11', '2024-01-01 10:00:00'), ('seed56-12', '2024-01-01 10:00:00'), ('seed56-13', '2024-01-01 10:00:00'), ('seed56-14', '2024-01-01 10:00:00'), ('seed56-15', '2024-01-01 10:00:00'), ('seed56-16', '2024-01-01 10:00:00'), ('seed56-17', '2024-01-01 10:00:00'), ('seed56-18', '2024-01-01 10:00:00'), ('seed56-19', '2024-01-01 10:00:00');
ALTER TABLE "audit_logs" ADD COLUMN "bool_col57" bool DEFAULT 0 NULL;
-- migration bench.0065_add_order_items_int_col58
ALTER TABLE "order_items" ADD COLUMN "int_col58" integer NULL;
-- migration bench.0066_add_shipments_char_col59
ALTER TABLE "shipments" ADD COLUMN "char_col59" varchar(200) NULL;
-- migration bench.0067_index_idx_comments_60
CREATE INDEX "idx_comments_60" ON "comments" ("int_col22");
ALTER TABLE "reviews" ADD COLUMN "events_link61_id" integer NULL REFERENCES "events" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "reviews_events_link61_id_idx" ON "reviews" ("events_link61_id");
-- migration bench.0068_add_shipments_int_col62
ALTER TABLE "shipments" ADD COLUMN "int_col62" integer NULL;
ALTER TABLE "events" ADD COLUMN "char_col63" varchar(100) NULL;
-- migration bench.0069_add_categories_char_col64
ALTER TABLE "categories" ADD COLUMN "char_col64" varchar(200) NULL;
-- migration bench.0070_index_idx_users_65
CREATE INDEX "idx_users_65" ON "users" ("created_at", "char_col41");
INSERT INTO tasks (name, created_at) VALUES ('seed66-0', '2024-01-01 10:00:00'), ('seed66-1', '2024-01-01 10:00:00'), ('seed66-2', '2024-01-01 10:00:00'), ('seed66-3', '2024-01-01 10:00:00'), ('seed66-4', '2024-01-01 10:00:00'), ('seed66-5', '2024-01-01 10:00:00'), ('seed66-6', '2024-01-01 10:00:00'), ('seed66-7', '2024-01-01 10:00:00'), ('seed66-8', '2024-01-01 10:00:00'), ('seed66-9', '2024-01-01 10:00:00'), ('seed66-10', '2024-01-01 10:00:00'), ('seed66-11', '2024-01-01 10:00:00'), ('seed66-12', '2024-01-01 10:00:00'), ('seed66-13', '2024-01-01 10:00:00'), ('seed66-14', '2024-01-01 10:00:00'), ('seed66-15', '2024-01-01 10:00:00'), ('seed66-16', '2024-01-01 10:00:00'), ('seed66-17', '2024-01-01 10:00:00'), ('seed66-18', '2024-01-01 10:00:00'), ('seed66-19', '2024-01-01 10:00:00');
-- migration bench.0071_rename_accounts_datetime_col26
ALTER TABLE "accounts" RENAME COLUMN "datetime_col26" TO "datetime_col67";
-- migration bench.0072_index_idx_suppliers_68
CREATE INDEX "idx_suppliers_68" ON "suppliers" ("created_at", "char_col1");
CREATE INDEX "idx_audit_logs_69" ON "audit_logs" ("created_at", "decimal_col49");
-- migration bench.0073_rename_users_char_col41
ALTER TABLE "users" RENAME COLUMN "char_col41" TO "char_col70";
INSERT INTO events (name, created_at) VALUES ('seed71-0', '2024-01-01 10:00:00'), ('seed71-1', '2024-01-01 10:00:00'), ('seed71-2', '2024-01-01 10:00:00'), ('seed71-3', '2024-01-01 10:00:00'), ('seed71-4', '2024-01-01 10:00:00'), ('seed71-5', '2024-01-01 10:00:00'), ('seed71-6', '2024-01-01 10:00:00'), ('seed71-7', '2024-01-01 10:00:00'), ('seed71-8', '2024-01-01 10:00:00'), ('seed71-9', '2024-01-01 10:00:00'), ('seed71-10', '2024-01-01 10:00:00'), ('seed71-11', '2024-01-01 10:00:00'), ('seed71-12', '2024-01-01 10:00:00'), ('seed71-13', '2024-01-01 10:00:00'), ('seed71-14', '2024-01-01 10:00:00'), ('seed71-15', '2024-01-01 10:00:00'), ('seed71-16', '2024-01-01 10:00:00'), ('seed71-17', '2024-01-01 10:00:00'), ('seed71-18', '2024-01-01 10:00:00'), ('seed71-19', '2024-01-01 10:00:00');
-- migration bench.0074_index_idx_shipments_72
CREATE INDEX "idx_shipments_72" ON "shipments" ("int_col62");
UPDATE shipments SET char_col59 = 'unknown' WHERE char_col59 IS NULL;
INSERT INTO audit_logs (name, created_at) VALUES ('seed73-0', '2024-01-01 10:00:00'), ('seed73-1', '2024-01-01 10:00:00'), ('seed73-2', '2024-01-01 10:00:00'), ('seed73-3', '2024-01-01 10:00:00'), ('seed73-4', '2024-01-01 10:00:00'), ('seed73-5', '2024-01-01 10:00:00'), ('seed73-6', '2024-01-01 10:00:00'), ('seed73-7', '2024-01-01 10:00:00'), ('seed73-8', '2024-01-01 10:00:00'), ('seed73-9', '2024-01-01 10:00:00'), ('seed73-10', '2024-01-01 10:00:00'), ('seed73-11', '2024-01-01 10:00:00'), ('seed73-12', '2024-01-01 10:00:00'), ('seed73-13', '2024-01-01 10:00:00'), ('seed73-14', '2024-01-01 10:00:00'), ('seed73-15', '2024-01-01 10:00:00'), ('seed73-16', '2024-01-01 10:00:00'), ('seed73-17', '2024-01-01 10:00:00'), ('seed73-18', '2024-01-01 10:00:00'), ('seed73-19', '2024-01-01 10:00:00');
-- migration bench.0075_add_order_items_decimal_col74
ALTER TABLE "order_items" ADD COLUMN "decimal_col74" decimal NULL;
-- migration bench.0076_index_idx_users_75
CREATE INDEX "idx_users_75" ON "users" ("char_col70");
-- migration bench.0077_seed_tags
INSERT INTO tags (name, created_at) VALUES ('seed76-0', '2024-01-01 10:00:00'), ('seed76-1', '2024-01-01 10:00:00'), ('seed76-2', '2024-01-01 10:00:00'), ('seed76-3', '2024-01-01 10:00:00'), ('seed76-4', '2024-01-01 10:00:00'), ('seed76-5', '2024-01-01 10:00:00'), ('seed76-6', '2024-01-01 10:00:00'), ('seed76-7', '2024-01-01 10:00:00'), ('seed76-8', '2024-01-01 10:00:00'), ('seed76-9', '2024-01-01 10:00:00'), ('seed76-10', '2024-01-01 10:00:00'), ('seed76-11', '2024-01-01 10:00:00'), ('seed76-12', '2024-01-01 10:00:00'), ('seed76-13', '2024-01-01 10:00:00'), ('seed76-14', '2024-01-01 10:00:00'), ('seed76-15', '2024-01-01 10:00:00'), ('seed76-16', '2024-01-01 10:00:00'), ('seed76-17', '2024-01-01 10:00:00'), ('seed76-18', '2024-01-01 10:00:00'), ('seed76-19', '2024-01-01 10:00:00');
INSERT INTO products (name, created_at) VALUES ('seed77-0', '2024-01-01 10:00:00'), ('seed77-1', '2024-01-01 10:00:00'), ('seed77-2', '2024-01-01 10:00:00'), ('seed77-3', '2024-01-01 10:00:00'), ('seed77-4', '2024-01-01 10:00:00'), ('seed77-5', '2024-01-01 10:00:00'), ('seed77-6', '2024-01-01 10:00:00'), ('seed77-7', '2024-01-01 10:00:00'), ('seed77-8', '2024-01-01 10:00:00'), ('seed77-9', '2024-01-01 10:00:00'), ('seed77-10', '2024-01-01 10:00:00'), ('seed77-11', '2024-01-01 10:00:00'), ('seed77-12', '2024-01-01 10:00:00'), ('seed77-13', '2024-01-01 10:00:00'), ('seed77-14', '2024-01-01 10:00:00'), ('seed77-15', '2024-01-01 10:00:00'), ('seed77-16', '2024-01-01 10:00:00'), ('seed77-17', '2024-01-01 10:00:00'), ('seed77-18', '2024-01-01 10:00:00'), ('seed77-19', '2024-01-01 10:00:00');
INSERT INTO warehouses (name, created_at) VALUES ('seed78-0', '2024-01-01 10:00:00'), ('seed78-1', '2024-01-01 10:00:00'), ('seed78-2', '2024-01-01 10:00:00'), ('seed78-3', '2024-01-01 10:00:00'), ('seed78-4', '2024-01-01 10:00:00'), ('seed78-5', '2024-01-01 10:00:00'), ('seed78-6', '2024-01-01 10:00:00'), ('seed78-7', '2024-01-01 10:00:00'), ('seed78-8', '2024-01-01 10:00:00'), ('seed78-9', '2024-01-01 10:00:00'), ('seed78-10', '2024-01-01 10:00:00'), ('seed78-11', '2024-01-01 10:00:00'), ('seed78-12', '2024-01-01 10:00:00'), ('seed78-13', '2024-01-01 10:00:00'), ('seed78-14', '2024-01-01 10:00:00'), ('seed78-15', '2024-01-01 10:00:00'), ('seed78-16', '2024-01-01 10:00:00'), ('seed78-17', '2024-01-01 10:00:00'), ('seed78-18', '2024-01-01 10:00:00'), ('seed78-19', '2024-01-01 10:00:00');
-- migration bench.0078_alter_users_char_col70
CREATE TABLE "new__users" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "accounts_ref_id" integer NULL REFERENCES "accounts" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "char_col70" varchar(150) NULL);
INSERT INTO "new__users" ("id", "name", "created_at", "accounts_ref_id", "char_col70") SELECT "id", "name", "created_at", "accounts_ref_id", "char_col70" FROM "users";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'users' COLLATE NOCASE;
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "users_accounts_ref_id_idx" ON "users" ("accounts_ref_id");
CREATE INDEX "idx_users_65" ON "users" ("created_at", "char_col70");
CREATE INDEX "idx_users_75" ON "users" ("char_col70");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "users" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('users')) > 0);
ALTER TABLE "users" ADD COLUMN "decimal_col79" decimal NULL;
-- migration bench.0079_rename_order_items_char_col32
ALTER TABLE "order_items" RENAME COLUMN "char_col32" TO "char_col80";
INSERT INTO warehouses (name, created_at) VALUES ('seed81-0', '2024-01-01 10:00:00'), ('seed81-1', '2024-01-01 10:00:00'), ('seed81-2', '2024-01-01 10:00:00'), ('seed81-3', '2024-01-01 10:00:00'), ('seed81-4', '2024-01-01 10:00:00'), ('seed81-5', '2024-01-01 10:00:00'), ('seed81-6', '2024-01-01 10:00:00'), ('seed81-7', '2024-01-01 10:00:00'), ('seed81-8', '2024-01-01 10:00:00'), ('seed81-9', '2024-01-01 10:00:00'), ('seed81-10', '2024-01-01 10:00:00'), ('seed81-11', '2024-01-01 10:00:00'), ('seed81-12', '2024-01-01 10:00:00'), ('seed81-13', '2024-01-01 10:00:00'), ('seed81-14', '2024-01-01 10:00:00'), ('seed81-15', '2024-01-01 10:00:00'), ('seed81-16', '2024-01-01 10:00:00'), ('seed81-17', '2024-01-01 10:00:00'), ('seed81-18', '2024-01-01 10:00:00'), ('seed81-19', '2024-01-01 10:00:00');
INSERT INTO products (name, created_at) VALUES ('seed82-0', '2024-01-01 10:00:00'), ('seed82-1', '2024-01-01 10:00:00'), ('seed82-2', '2024-01-01 10:00:00'), ('seed82-3', '2024-01-01 10:00:00'), ('seed82-4', '2024-01-01 10:00:00'), ('seed82-5', '2024-01-01 10:00:00'), ('seed82-6', '2024-01-01 10:00:00'), ('seed82-7', '2024-01-01 10:00:00'), ('seed82-8', '2024-01-01 10:00:00'), ('seed82-9', '2024-01-01 10:00:00'), ('seed82-10', '2024-01-01 10:00:00'), ('seed82-11', '2024-01-01 10:00:00'), ('seed82-12', '2024-01-01 10:00:00'), ('seed82-13', '2024-01-01 10:00:00'), ('seed82-14', '2024-01-01 10:00:00'), ('seed82-15', '2024-01-01 10:00:00'), ('seed82-16', '2024-01-01 10:00:00'), ('seed82-17', '2024-01-01 10:00:00'), ('seed82-18', '2024-01-01 10:00:00'), ('seed82-19', '2024-01-01 10:00:00');
-- migration bench.0080_rename_users_decimal_col79
ALTER TABLE "users" RENAME COLUMN "decimal_col79" TO "decimal_col83";
-- migration bench.0081_seed_accounts
INSERT INTO accounts (name, created_at) VALUES ('seed84-0', '2024-01-01 10:00:00'), ('seed84-1', '2024-01-01 10:00:00'), ('seed84-2', '2024-01-01 10:00:00'), ('seed84-3', '2024-01-01 10:00:00'), ('seed84-4', '2024-01-01 10:00:00'), ('seed84-5', '2024-01-01 10:00:00'), ('seed84-6', '2024-01-01 10:00:00'), ('seed84-7', '2024-01-01 10:00:00'), ('seed84-8', '2024-01-01 10:00:00'), ('seed84-9', '2024-01-01 10:00:00'), ('seed84-10', '2024-01-01 10:00:00'), ('seed84-11', '2024-01-01 10:00:00'), ('seed84-12', '2024-01-01 10:00:00'), ('seed84-13', '2024-01-01 10:00:00'), ('seed84-14', '2024-01-01 10:00:00'), ('seed84-15', '2024-01-01 10:00:00'), ('seed84-16', '2024-01-01 10:00:00'), ('seed84-17', '2024-01-01 10:00:00'), ('seed84-18', '2024-01-01 10:00:00'), ('seed84-19', '2024-01-01 10:00:00');
-- migration bench.0082_add_warehouses_char_col85
ALTER TABLE "warehouses" ADD COLUMN "char_col85" varchar(50) NULL;
-- migration bench.0083_backfill_shipments_int_col62
UPDATE shipments SET int_col62 = 0 WHERE int_col62 IS NULL;
-- migration bench.0084_index_idx_comments_86
CREATE INDEX "idx_comments_86" ON "comments" ("created_at", "int_col22");
INSERT INTO invoices (name, created_at) VALUES ('seed87-0', '2024-01-01 10:00:00'), ('seed87-1', '2024-01-01 10:00:00'), ('seed87-2', '2024-01-01 10:00:00'), ('seed87-3', '2024-01-01 10:00:00'), ('seed87-4', '2024-01-01 10:00:00'), ('seed87-5', '2024-01-01 10:00:00'), ('seed87-6', '2024-01-01 10:00:00'), ('seed87-7', '2024-01-01 10:00:00'), ('seed87-8', '2024-01-01 10:00:00'), ('seed87-9', '2024-01-01 10:00:00'), ('seed87-10', '2024-01-01 10:00:00'), ('seed87-11', '2024-01-01 10:00:00'), ('seed87-12', '2024-01-01 10:00:00'), ('seed87-13', '2024-01-01 10:00:00'), ('seed87-14', '2024-01-01 10:00:00'), ('seed87-15', '2024-01-01 10:00:00'), ('seed87-16', '2024-01-01 10:00:00'), ('seed87-17', '2024-01-01 10:00:00'), ('seed87-18', '2024-01-01 10:00:00'), ('seed87-19', '2024-01-01 10:00:00');
-- migration bench.0085_add_teams_bool_col88
ALTER TABLE "teams" ADD COLUMN "bool_col88" bool DEFAULT 0 NULL;
-- migration bench.0086_add_users_int_col89
ALTER TABLE "users" ADD COLUMN "int_col89" integer NULL;
ALTER TABLE "suppliers" RENAME COLUMN "int_col54" TO "int_col90";
-- migration bench.0087_seed_payments
INSERT INTO payments (name, created_at) VALUES ('seed91-0', '2024-01-01 10:00:00'), ('seed91-1', '2024-01-01 10:00:00'), ('seed91-2', '2024-01-01 10:00:00'), ('seed91-3', '2024-01-01 10:00:00'), ('seed91-4', '2024-01-01 10:00:00'), ('seed91-5', '2024-01-01 10:00:00'), ('seed91-6', '2024-01-01 10:00:00'), ('seed91-7', '2024-01-01 10:00:00'), ('seed91-8', '2024-01-01 10:00:00'), ('seed91-9', '2024-01-01 10:00:00'), ('seed91-10', '2024-01-01 10:00:00'), ('seed91-11', '2024-01-01 10:00:00'), ('seed91-12', '2024-01-01 10:00:00'), ('seed91-13', '2024-01-01 10:00:00'), ('seed91-14', '2024-01-01 10:00:00'), ('seed91-15', '2024-01-01 10:00:00'), ('seed91-16', '2024-01-01 10:00:00'), ('seed91-17', '2024-01-01 10:00:00'), ('seed91-18', '2024-01-01 10:00:00'), ('seed91-19', '2024-01-01 10:00:00');
-- migration bench.0088_index_idx_suppliers_92
CREATE INDEX "idx_suppliers_92" ON "suppliers" ("int_col27");
-- migration bench.0089_add_projects_char_col93
ALTER TABLE "projects" ADD COLUMN "char_col93" varchar(200) NULL;
ALTER TABLE "tasks" ADD COLUMN "datetime_col94" datetime NULL;
-- migration bench.0090_rename_payments_bool_col44
ALTER TABLE "payments" RENAME COLUMN "bool_col44" TO "bool_col95";
ALTER TABLE "teams" RENAME COLUMN "bool_col88" TO "bool_col96";
-- migration bench.0091_add_orders_char_col97
ALTER TABLE "orders" ADD COLUMN "char_col97" varchar(200) NULL;
-- migration bench.0092_alter_payments_bool_col95
CREATE TABLE "new__payments" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "invoices_ref_id" integer NULL REFERENCES "invoices" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED, "bool_col95" bool DEFAULT 1 NULL);
INSERT INTO "new__payments" ("id", "name", "created_at", "invoices_ref_id", "bool_col95") SELECT "id", "name", "created_at", "invoices_ref_id", "bool_col95" FROM "payments";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'payments' COLLATE NOCASE;
DROP TABLE "payments";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__payments" RENAME TO "payments";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "payments_invoices_ref_id_idx" ON "payments" ("invoices_ref_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "payments" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('payments')) > 0);
-- migration bench.0093_add_payments_datetime_col98
ALTER TABLE "payments" ADD COLUMN "datetime_col98" datetime NULL;
-- migration bench.0094_backfill_events_char_col63
UPDATE events SET char_col63 = 'unknown' WHERE char_col63 IS NULL;
-- migration bench.0095_rename_audit_logs_decimal_col49
ALTER TABLE "audit_logs" RENAME COLUMN "decimal_col49" TO "decimal_col99";
-- migration bench.0096_rename_teams_bool_col96
ALTER TABLE "teams" RENAME COLUMN "bool_col96" TO "bool_col100";
ALTER TABLE "shipments" RENAME COLUMN "bool_col34" TO "bool_col101";
ALTER TABLE "suppliers" RENAME COLUMN "int_col27" TO "int_col102";
-- migration bench.0097_rename_audit_logs_decimal_col99
ALTER TABLE "audit_logs" RENAME COLUMN "decimal_col99" TO "decimal_col103";
UPDATE categories SET char_col64 = 'unknown' WHERE char_col64 IS NULL;
-- migration bench.0098_alter_categories_char_col64
CREATE TABLE "new__categories" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "tasks_ref_id" integer NULL REFERENCES "tasks" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED, "datetime_col45" datetime NULL, "char_col64" varchar(250) NULL);
INSERT INTO "new__categories" ("id", "name", "created_at", "tasks_ref_id", "datetime_col45", "char_col64") SELECT "id", "name", "created_at", "tasks_ref_id", "datetime_col45", "char_col64" FROM "categories";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'categories' COLLATE NOCASE;
DROP TABLE "categories";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__categories" RENAME TO "categories";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "categories_tasks_ref_id_idx" ON "categories" ("tasks_ref_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "categories" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('categories')) > 0);
-- migration bench.0099_seed_products
INSERT INTO products (name, created_at) VALUES ('seed104-0', '2024-01-01 10:00:00'), ('seed104-1', '2024-01-01 10:00:00'), ('seed104-2', '2024-01-01 10:00:00'), ('seed104-3', '2024-01-01 10:00:00'), ('seed104-4', '2024-01-01 10:00:00'), ('seed104-5', '2024-01-01 10:00:00'), ('seed104-6', '2024-01-01 10:00:00'), ('seed104-7', '2024-01-01 10:00:00'), ('seed104-8', '2024-01-01 10:00:00'), ('seed104-9', '2024-01-01 10:00:00'), ('seed104-10', '2024-01-01 10:00:00'), ('seed104-11', '2024-01-01 10:00:00'), ('seed104-12', '2024-01-01 10:00:00'), ('seed104-13', '2024-01-01 10:00:00'), ('seed104-14', '2024-01-01 10:00:00'), ('seed104-15', '2024-01-01 10:00:00'), ('seed104-16', '2024-01-01 10:00:00'), ('seed104-17', '2024-01-01 10:00:00'), ('seed104-18', '2024-01-01 10:00:00'), ('seed104-19', '2024-01-01 10:00:00');
-- migration bench.0100_index_idx_audit_logs_105
CREATE INDEX "idx_audit_logs_105" ON "audit_logs" ("decimal_col103");
CREATE INDEX "idx_events_106" ON "events" ("char_col63");
-- migration bench.0101_alter_teams_bool_col38
CREATE TABLE "new__teams" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "users_ref_id" integer NULL REFERENCES "users" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "accounts_ref_id" integer NULL REFERENCES "accounts" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "bool_col38" bool DEFAULT 1 NULL, "bool_col100" bool DEFAULT 0 NULL);
INSERT INTO "new__teams" ("id", "name", "created_at", "users_ref_id", "accounts_ref_id", "bool_col38", "bool_col100") SELECT "id", "name", "created_at", "users_ref_id", "accounts_ref_id", "bool_col38", "bool_col100" FROM "teams";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'teams' COLLATE NOCASE;
DROP TABLE "teams";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__teams" RENAME TO "teams";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "teams_users_ref_id_idx" ON "teams" ("users_ref_id");
CREATE INDEX "teams_accounts_ref_id_idx" ON "teams" ("accounts_ref_id");
CREATE INDEX "idx_teams_47" ON "teams" ("bool_col38");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "teams" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('teams')) > 0);
CREATE INDEX "idx_tasks_107" ON "tasks" ("created_at", "datetime_col94");
-- migration bench.0102_alter_warehouses_char_col85
CREATE TABLE "new__warehouses" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "payments_ref_id" integer NULL REFERENCES "payments" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "tags_ref_id" integer NULL REFERENCES "tags" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED, "char_col85" varchar(100) NULL);
INSERT INTO "new__warehouses" ("id", "name", "created_at", "payments_ref_id", "tags_ref_id", "char_col85") SELECT "id", "name", "created_at", "payments_ref_id", "tags_ref_id", "char_col85" FROM "warehouses";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'warehouses' COLLATE NOCASE;
DROP TABLE "warehouses";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__warehouses" RENAME TO "warehouses";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "warehouses_payments_ref_id_idx" ON "warehouses" ("payments_ref_id");
CREATE INDEX "warehouses_tags_ref_id_idx" ON "warehouses" ("tags_ref_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "warehouses" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('warehouses')) > 0);
-- migration bench.0103_alter_payments_datetime_col98
CREATE INDEX "payments_datetime_col98_idx" ON "payments" ("datetime_col98");
-- migration bench.0104_add_reviews_int_col108
ALTER TABLE "reviews" ADD COLUMN "int_col108" integer NULL;
-- migration bench.0105_index_idx_teams_109
CREATE INDEX "idx_teams_109" ON "teams" ("bool_col100");
-- migration bench.0106_rename_tasks_datetime_col94
ALTER TABLE "tasks" RENAME COLUMN "datetime_col94" TO "datetime_col110";
CREATE TABLE "new__payments" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "invoices_ref_id" integer NULL REFERENCES "invoices" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED, "bool_col95" bool DEFAULT 0 NULL, "datetime_col98" datetime NULL);
INSERT INTO "new__payments" ("id", "name", "created_at", "invoices_ref_id", "bool_col95", "datetime_col98") SELECT "id", "name", "created_at", "invoices_ref_id", "bool_col95", "datetime_col98" FROM "payments";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'payments' COLLATE NOCASE;
DROP TABLE "payments";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__payments" RENAME TO "payments";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "payments_invoices_ref_id_idx" ON "payments" ("invoices_ref_id");
CREATE INDEX "payments_datetime_col98_idx" ON "payments" ("datetime_col98");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "payments" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('payments')) > 0);
-- migration bench.0107_add_events_char_col111
ALTER TABLE "events" ADD COLUMN "char_col111" varchar(200) NULL;
-- migration bench.0108_add_suppliers_datetime_col112
ALTER TABLE "suppliers" ADD COLUMN "datetime_col112" datetime NULL;
-- migration bench.0109_seed_labels
INSERT INTO labels (name, created_at) VALUES ('seed113-0', '2024-01-01 10:00:00'), ('seed113-1', '2024-01-01 10:00:00'), ('seed113-2', '2024-01-01 10:00:00'), ('seed113-3', '2024-01-01 10:00:00'), ('seed113-4', '2024-01-01 10:00:00'), ('seed113-5', '2024-01-01 10:00:00'), ('seed113-6', '2024-01-01 10:00:00'), ('seed113-7', '2024-01-01 10:00:00'), ('seed113-8', '2024-01-01 10:00:00'), ('seed113-9', '2024-01-01 10:00:00'), ('seed113-10', '2024-01-01 10:00:00'), ('seed113-11', '2024-01-01 10:00:00'), ('seed113-12', '2024-01-01 10:00:00'), ('seed113-13', '2024-01-01 10:00:00'), ('seed113-14', '2024-01-01 10:00:00'), ('seed113-15', '2024-01-01 10:00:00'), ('seed113-16', '2024-01-01 10:00:00'), ('seed113-17', '2024-01-01 10:00:00'), ('seed113-18', '2024-01-01 10:00:00'), ('seed113-19', '2024-01-01 10:00:00');
ALTER TABLE "users" RENAME COLUMN "decimal_col83" TO "decimal_col114";
-- migration bench.0110_index_idx_shipments_115
CREATE INDEX "idx_shipments_115" ON "shipments" ("created_at", "char_col59");
ALTER TABLE "invoices" ADD COLUMN "int_col116" integer NULL;
-- migration bench.0111_add_events_decimal_col117
ALTER TABLE "events" ADD COLUMN "decimal_col117" decimal NULL;
ALTER TABLE "suppliers" ADD COLUMN "bool_col118" bool DEFAULT 0 NULL;
-- migration bench.0112_alter_teams_bool_col100
CREATE TABLE "new__teams" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "users_ref_id" integer NULL REFERENCES "users" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "accounts_ref_id" integer NULL REFERENCES "accounts" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "bool_col38" bool DEFAULT 1 NULL, "bool_col100" bool DEFAULT 1 NULL);
INSERT INTO "new__teams" ("id", "name", "created_at", "users_ref_id", "accounts_ref_id", "bool_col38", "bool_col100") SELECT "id", "name", "created_at", "users_ref_id", "accounts_ref_id", "bool_col38", "bool_col100" FROM "teams";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'teams' COLLATE NOCASE;
DROP TABLE "teams";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__teams" RENAME TO "teams";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "teams_users_ref_id_idx" ON "teams" ("users_ref_id");
CREATE INDEX "teams_accounts_ref_id_idx" ON "teams" ("accounts_ref_id");
CREATE INDEX "idx_teams_47" ON "teams" ("bool_col38");
CREATE INDEX "idx_teams_109" ON "teams" ("bool_col100");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "teams" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('teams')) > 0);
-- migration bench.0113_add_tags_decimal_col119
ALTER TABLE "tags" ADD COLUMN "decimal_col119" decimal NULL;
UPDATE suppliers SET int_col90 = 0 WHERE int_col90 IS NULL;
-- migration bench.0114_alter_reviews_int_col108
CREATE TABLE "new__reviews" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "users_ref_id" integer NULL REFERENCES "users" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "events_link61_id" integer NULL REFERENCES "events" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "int_col108" bigint NULL);
INSERT INTO "new__reviews" ("id", "name", "created_at", "users_ref_id", "events_link61_id", "int_col108") SELECT "id", "name", "created_at", "users_ref_id", "events_link61_id", "int_col108" FROM "reviews";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'reviews' COLLATE NOCASE;
DROP TABLE "reviews";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__reviews" RENAME TO "reviews";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "reviews_users_ref_id_idx" ON "reviews" ("users_ref_id");
CREATE INDEX "reviews_events_link61_id_idx" ON "reviews" ("events_link61_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "reviews" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('reviews')) > 0);
ALTER TABLE "order_items" RENAME COLUMN "char_col80" TO "char_col120";
-- migration bench.0115_backfill_suppliers_char_col1
UPDATE suppliers SET char_col1 = 'unknown' WHERE char_col1 IS NULL;
-- migration bench.0116_add_invoices_int_col121
ALTER TABLE "invoices" ADD COLUMN "int_col121" integer NULL;
INSERT INTO events (name, created_at) VALUES ('seed122-0', '2024-01-01 10:00:00'), ('seed122-1', '2024-01-01 10:00:00'), ('seed122-2', '2024-01-01 10:00:00'), ('seed122-3', '2024-01-01 10:00:00'), ('seed122-4', '2024-01-01 10:00:00'), ('seed122-5', '2024-01-01 10:00:00'), ('seed122-6', '2024-01-01 10:00:00'), ('seed122-7', '2024-01-01 10:00:00'), ('seed122-8', '2024-01-01 10:00:00'), ('seed122-9', '2024-01-01 10:00:00'), ('seed122-10', '2024-01-01 10:00:00'), ('seed122-11', '2024-01-01 10:00:00'), ('seed122-12', '2024-01-01 10:00:00'), ('seed122-13', '2024-01-01 10:00:00'), ('seed122-14', '2024-01-01 10:00:00'), ('seed122-15', '2024-01-01 10:00:00'), ('seed122-16', '2024-01-01 10:00:00'), ('seed122-17', '2024-01-01 10:00:00'), ('seed122-18', '2024-01-01 10:00:00'), ('seed122-19', '2024-01-01 10:00:00');
-- migration bench.0117_add_comments_decimal_col123
ALTER TABLE "comments" ADD COLUMN "decimal_col123" decimal NULL;
-- migration bench.0118_alter_order_items_int_col58
CREATE TABLE "new__order_items" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "tags_ref_id" integer NULL REFERENCES "tags" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "char_col120" varchar(100) NULL, "int_col58" bigint NULL, "decimal_col74" decimal NULL);
INSERT INTO "new__order_items" ("id", "name", "created_at", "tags_ref_id", "char_col120", "int_col58", "decimal_col74") SELECT "id", "name", "created_at", "tags_ref_id", "char_col120", "int_col58", "decimal_col74" FROM "order_items";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'order_items' COLLATE NOCASE;
DROP TABLE "order_items";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__order_items" RENAME TO "order_items";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "order_items_tags_ref_id_idx" ON "order_items" ("tags_ref_id");
CREATE INDEX "idx_order_items_43" ON "order_items" ("created_at", "char_col120");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "order_items" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('order_items')) > 0);
ALTER TABLE "labels" ADD COLUMN "decimal_col124" decimal NULL;
-- migration bench.0119_add_categories_bool_col125
ALTER TABLE "categories" ADD COLUMN "bool_col125" bool DEFAULT 0 NULL;
ALTER TABLE "tasks" ADD COLUMN "bool_col126" bool DEFAULT 0 NULL;
-- migration bench.0120_add_projects_decimal_col127
ALTER TABLE "projects" ADD COLUMN "decimal_col127" decimal NULL;
CREATE INDEX "idx_order_items_128" ON "order_items" ("int_col58");
ALTER TABLE "labels" ADD COLUMN "bool_col129" bool DEFAULT 0 NULL;
-- migration bench.0121_add_warehouses_decimal_col130
ALTER TABLE "warehouses" ADD COLUMN "decimal_col130" decimal NULL;
-- migration bench.0122_index_idx_projects_131
CREATE INDEX "idx_projects_131" ON "projects" ("decimal_col127");
-- migration bench.0123_add_projects_int_col132
ALTER TABLE "projects" ADD COLUMN "int_col132" integer NULL;
CREATE INDEX "idx_teams_133" ON "teams" ("bool_col38");
-- migration bench.0124_add_accounts_bool_col134
ALTER TABLE "accounts" ADD COLUMN "bool_col134" bool DEFAULT 0 NULL;
-- migration bench.0125_backfill_shipments_int_col62
UPDATE shipments SET int_col62 = 0 WHERE int_col62 IS NULL;
-- migration bench.0126_backfill_order_items_int_col58
UPDATE order_items SET int_col58 = 0 WHERE int_col58 IS NULL;
-- migration bench.0127_add_tasks_bool_col135
ALTER TABLE "tasks" ADD COLUMN "bool_col135" bool DEFAULT 0 NULL;
-- migration bench.0128_rename_accounts_bool_col134
ALTER TABLE "accounts" RENAME COLUMN "bool_col134" TO "bool_col136";
-- migration bench.0129_seed_warehouses
INSERT INTO warehouses (name, created_at) VALUES ('seed137-0', '2024-01-01 10:00:00'), ('seed137-1', '2024-01-01 10:00:00'), ('seed137-2', '2024-01-01 10:00:00'), ('seed137-3', '2024-01-01 10:00:00'), ('seed137-4', '2024-01-01 10:00:00'), ('seed137-5', '2024-01-01 10:00:00'), ('seed137-6', '2024-01-01 10:00:00'), ('seed137-7', '2024-01-01 10:00:00'), ('seed137-8', '2024-01-01 10:00:00'), ('seed137-9', '2024-01-01 10:00:00'), ('seed137-10', '2024-01-01 10:00:00'), ('seed137-11', '2024-01-01 10:00:00'), ('seed137-12', '2024-01-01 10:00:00'), ('seed137-13', '2024-01-01 10:00:00'), ('seed137-14', '2024-01-01 10:00:00'), ('seed137-15', '2024-01-01 10:00:00'), ('seed137-16', '2024-01-01 10:00:00'), ('seed137-17', '2024-01-01 10:00:00'), ('seed137-18', '2024-01-01 10:00:00'), ('seed137-19', '2024-01-01 10:00:00');
CREATE INDEX "idx_teams_138" ON "teams" ("bool_col38");
CREATE TABLE "new__invoices" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "accounts_ref_id" integer NULL REFERENCES "accounts" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "int_col46" bigint NULL, "int_col116" integer NULL, "int_col121" integer NULL);
INSERT INTO "new__invoices" ("id", "name", "created_at", "accounts_ref_id", "int_col46", "int_col116", "int_col121") SELECT "id", "name", "created_at", "accounts_ref_id", "int_col46", "int_col116", "int_col121" FROM "invoices";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'invoices' COLLATE NOCASE;
DROP TABLE "invoices";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__invoices" RENAME TO "invoices";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "invoices_accounts_ref_id_idx" ON "invoices" ("accounts_ref_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "invoices" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('invoices')) > 0);
-- migration bench.0130_alter_orders_char_col97
CREATE TABLE "new__orders" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "categories_ref_id" integer NULL REFERENCES "categories" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "projects_ref_id" integer NULL REFERENCES "projects" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "char_col97" varchar(250) NULL);
INSERT INTO "new__orders" ("id", "name", "created_at", "categories_ref_id", "projects_ref_id", "char_col97") SELECT "id", "name", "created_at", "categories_ref_id", "projects_ref_id", "char_col97" FROM "orders";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'orders' COLLATE NOCASE;
DROP TABLE "orders";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__orders" RENAME TO "orders";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "orders_categories_ref_id_idx" ON "orders" ("categories_ref_id");
CREATE INDEX "orders_projects_ref_id_idx" ON "orders" ("projects_ref_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "orders" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('orders')) > 0);
-- migration bench.0131_add_warehouses_int_col139
ALTER TABLE "warehouses" ADD COLUMN "int_col139" integer NULL;
-- migration bench.0132_add_tasks_bool_col140
ALTER TABLE "tasks" ADD COLUMN "bool_col140" bool DEFAULT 0 NULL;
-- migration bench.0133_rename_reviews_int_col108
ALTER TABLE "reviews" RENAME COLUMN "int_col108" TO "int_col141";
CREATE TABLE "new__events" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "invoices_ref_id" integer NULL REFERENCES "invoices" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "bool_col18" bool DEFAULT 1 NULL, "char_col63" varchar(100) NULL, "char_col111" varchar(200) NULL, "decimal_col117" decimal NULL);
INSERT INTO "new__events" ("id", "name", "created_at", "invoices_ref_id", "bool_col18", "char_col63", "char_col111", "decimal_col117") SELECT "id", "name", "created_at", "invoices_ref_id", "bool_col18", "char_col63", "char_col111", "decimal_col117" FROM "events";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events' COLLATE NOCASE;
DROP TABLE "events";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__events" RENAME TO "events";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "events_invoices_ref_id_idx" ON "events" ("invoices_ref_id");
CREATE INDEX "idx_events_106" ON "events" ("char_col63");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "events" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('events')) > 0);
-- migration bench.0134_backfill_warehouses_int_col139
UPDATE warehouses SET int_col139 = 0 WHERE int_col139 IS NULL;
-- migration bench.0135_index_idx_orders_142
CREATE INDEX "idx_orders_142" ON "orders" ("created_at", "char_col97") WHERE "char_col97" IS NOT NULL;
-- migration bench.0136_rename_shipments_bool_col101
ALTER TABLE "shipments" RENAME COLUMN "bool_col101" TO "bool_col143";
ALTER TABLE "reviews" ADD COLUMN "decimal_col144" decimal NULL;
-- migration bench.0137_add_events_bool_col145
ALTER TABLE "events" ADD COLUMN "bool_col145" bool DEFAULT 0 NULL;
-- migration bench.0138_alter_reviews_int_col141
-- covet guard: a row returned stops the migration
SELECT 'cannot narrow reviews.int_col141 to integer: a row holds the value ', CAST("int_col141" AS text) FROM "reviews" WHERE "int_col141" < -2147483647 - 1 OR "int_col141" > 2147483647 LIMIT 1;
CREATE TABLE "new__reviews" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "users_ref_id" integer NULL REFERENCES "users" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "events_link61_id" integer NULL REFERENCES "events" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "int_col141" integer NULL, "decimal_col144" decimal NULL);
INSERT INTO "new__reviews" ("id", "name", "created_at", "users_ref_id", "events_link61_id", "int_col141", "decimal_col144") SELECT "id", "name", "created_at", "users_ref_id", "events_link61_id", "int_col141", "decimal_col144" FROM "reviews";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'reviews' COLLATE NOCASE;
DROP TABLE "reviews";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__reviews" RENAME TO "reviews";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "reviews_users_ref_id_idx" ON "reviews" ("users_ref_id");
CREATE INDEX "reviews_events_link61_id_idx" ON "reviews" ("events_link61_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "reviews" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('reviews')) > 0);
-- migration bench.0139_alter_accounts_datetime_col67
CREATE INDEX "accounts_datetime_col67_idx" ON "accounts" ("datetime_col67");
-- migration bench.0140_alter_users_int_col89
CREATE TABLE "new__users" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "accounts_ref_id" integer NULL REFERENCES "accounts" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "char_col70" varchar(150) NULL, "decimal_col114" decimal NULL, "int_col89" bigint NULL);
INSERT INTO "new__users" ("id", "name", "created_at", "accounts_ref_id", "char_col70", "decimal_col114", "int_col89") SELECT "id", "name", "created_at", "accounts_ref_id", "char_col70", "decimal_col114", "int_col89" FROM "users";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'users' COLLATE NOCASE;
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "users_accounts_ref_id_idx" ON "users" ("accounts_ref_id");
CREATE INDEX "idx_users_65" ON "users" ("created_at", "char_col70");
CREATE INDEX "idx_users_75" ON "users" ("char_col70");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "users" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('users')) > 0);
ALTER TABLE "tasks" ADD COLUMN "char_col146" varchar(50) NULL;
-- migration bench.0141_backfill_comments_int_col22
UPDATE comments SET int_col22 = 0 WHERE int_col22 IS NULL;
-- migration bench.0142_add_events_char_col147
ALTER TABLE "events" ADD COLUMN "char_col147" varchar(50) NULL;
UPDATE tasks SET char_col146 = 'unknown' WHERE char_col146 IS NULL;
CREATE INDEX "idx_events_148" ON "events" ("char_col147");
-- migration bench.0143_index_idx_comments_149
CREATE INDEX "idx_comments_149" ON "comments" ("created_at", "int_col22");
-- migration bench.0144_add_reviews_datetime_col150
ALTER TABLE "reviews" ADD COLUMN "datetime_col150" datetime NULL;
-- migration bench.0145_add_shipments_datetime_col151
ALTER TABLE "shipments" ADD COLUMN "datetime_col151" datetime NULL;
-- migration bench.0146_backfill_warehouses_int_col139
UPDATE warehouses SET int_col139 = 0 WHERE int_col139 IS NULL;
CREATE INDEX "idx_tasks_152" ON "tasks" ("bool_col126");
-- migration bench.0147_alter_invoices_int_col116
CREATE TABLE "new__invoices" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "accounts_ref_id" integer NULL REFERENCES "accounts" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "int_col46" bigint NULL, "int_col116" bigint NULL, "int_col121" integer NULL);
INSERT INTO "new__invoices" ("id", "name", "created_at", "accounts_ref_id", "int_col46", "int_col116", "int_col121") SELECT "id", "name", "created_at", "accounts_ref_id", "int_col46", "int_col116", "int_col121" FROM "invoices";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'invoices' COLLATE NOCASE;
DROP TABLE "invoices";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__invoices" RENAME TO "invoices";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "invoices_accounts_ref_id_idx" ON "invoices" ("accounts_ref_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "invoices" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('invoices')) > 0);
ALTER TABLE "events" RENAME COLUMN "char_col63" TO "char_col153";
-- migration bench.0148_alter_events_char_col111
CREATE TABLE "new__events" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "invoices_ref_id" integer NULL REFERENCES "invoices" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "bool_col18" bool DEFAULT 1 NULL, "char_col153" varchar(100) NULL, "char_col111" varchar(250) NULL, "decimal_col117" decimal NULL, "bool_col145" bool DEFAULT 0 NULL, "char_col147" varchar(50) NULL);
INSERT INTO "new__events" ("id", "name", "created_at", "invoices_ref_id", "bool_col18", "char_col153", "char_col111", "decimal_col117", "bool_col145", "char_col147") SELECT "id", "name", "created_at", "invoices_ref_id", "bool_col18", "char_col153", "char_col111", "decimal_col117", "bool_col145", "char_col147" FROM "events";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events' COLLATE NOCASE;
DROP TABLE "events";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__events" RENAME TO "events";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "events_invoices_ref_id_idx" ON "events" ("invoices_ref_id");
CREATE INDEX "idx_events_106" ON "events" ("char_col153");
CREATE INDEX "idx_events_148" ON "events" ("char_col147");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "events" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('events')) > 0);
-- migration bench.0149_seed_suppliers
INSERT INTO suppliers (name, created_at) VALUES ('seed154-0', '2024-01-01 10:00:00'), ('seed154-1', '2024-01-01 10:00:00'), ('seed154-2', '2024-01-01 10:00:00'), ('seed154-3', '2024-01-01 10:00:00'), ('seed154-4', '2024-01-01 10:00:00'), ('seed154-5', '2024-01-01 10:00:00'), ('seed154-6', '2024-01-01 10:00:00'), ('seed154-7', '2024-01-01 10:00:00'), ('seed154-8', '2024-01-01 10:00:00'), ('seed154-9', '2024-01-01 10:00:00'), ('seed154-10', '2024-01-01 10:00:00'), ('seed154-11', '2024-01-01 10:00:00'), ('seed154-12', '2024-01-01 10:00:00'), ('seed154-13', '2024-01-01 10:00:00'), ('seed154-14', '2024-01-01 10:00:00'), ('seed154-15', '2024-01-01 10:00:00'), ('seed154-16', '2024-01-01 10:00:00'), ('seed154-17', '2024-01-01 10:00:00'), ('seed154-18', '2024-01-01 10:00:00'), ('seed154-19', '2024-01-01 10:00:00');
CREATE TABLE "new__orders" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "categories_ref_id" integer NULL REFERENCES "categories" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "projects_ref_id" integer NULL REFERENCES "projects" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "char_col97" varchar(300) NULL);
INSERT INTO "new__orders" ("id", "name", "created_at", "categories_ref_id", "projects_ref_id", "char_col97") SELECT "id", "name", "created_at", "categories_ref_id", "projects_ref_id", "char_col97" FROM "orders";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'orders' COLLATE NOCASE;
DROP TABLE "orders";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__orders" RENAME TO "orders";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "orders_categories_ref_id_idx" ON "orders" ("categories_ref_id");
CREATE INDEX "orders_projects_ref_id_idx" ON "orders" ("projects_ref_id");
CREATE INDEX "idx_orders_142" ON "orders" ("created_at", "char_col97") WHERE "char_col97" IS NOT NULL;
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "orders" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('orders')) > 0);
-- migration bench.0150_add_projects_bool_col155
ALTER TABLE "projects" ADD COLUMN "bool_col155" bool DEFAULT 0 NULL;
ALTER TABLE "labels" ADD COLUMN "decimal_col156" decimal NULL;
-- migration bench.0151_add_audit_logs_bool_col157
ALTER TABLE "audit_logs" ADD COLUMN "bool_col157" bool DEFAULT 0 NULL;
-- migration bench.0152_add_categories_decimal_col158
ALTER TABLE "categories" ADD COLUMN "decimal_col158" decimal NULL;
-- migration bench.0153_add_teams_char_col159
ALTER TABLE "teams" ADD COLUMN "char_col159" varchar(50) NULL;
-- migration bench.0154_add_users_bool_col160
ALTER TABLE "users" ADD COLUMN "bool_col160" bool DEFAULT 0 NULL;
ALTER TABLE "suppliers" ADD COLUMN "bool_col161" bool DEFAULT 0 NULL;
-- migration bench.0155_add_users_char_col162
ALTER TABLE "users" ADD COLUMN "char_col162" varchar(50) NULL;
ALTER TABLE "users" RENAME COLUMN "char_col70" TO "char_col163";
ALTER TABLE "teams" ADD COLUMN "decimal_col164" decimal NULL;
-- migration bench.0156_add_order_items_bool_col165
ALTER TABLE "order_items" ADD COLUMN "bool_col165" bool DEFAULT 0 NULL;
-- migration bench.0157_rename_events_decimal_col117
ALTER TABLE "events" RENAME COLUMN "decimal_col117" TO "decimal_col166";
ALTER TABLE "accounts" RENAME COLUMN "bool_col136" TO "bool_col167";
CREATE INDEX "idx_audit_logs_168" ON "audit_logs" ("bool_col157") WHERE "bool_col157" IS NOT NULL;
-- migration bench.0158_add_labels_datetime_col169
ALTER TABLE "labels" ADD COLUMN "datetime_col169" datetime NULL;
ALTER TABLE "products" ADD COLUMN "int_col170" integer NULL;
-- migration bench.0159_add_warehouses_bool_col171
ALTER TABLE "warehouses" ADD COLUMN "bool_col171" bool DEFAULT 0 NULL;
INSERT INTO audit_logs (name, created_at) VALUES ('seed172-0', '2024-01-01 10:00:00'), ('seed172-1', '2024-01-01 10:00:00'), ('seed172-2', '2024-01-01 10:00:00'), ('seed172-3', '2024-01-01 10:00:00'), ('seed172-4', '2024-01-01 10:00:00'), ('seed172-5', '2024-01-01 10:00:00'), ('seed172-6', '2024-01-01 10:00:00'), ('seed172-7', '2024-01-01 10:00:00'), ('seed172-8', '2024-01-01 10:00:00'), ('seed172-9', '2024-01-01 10:00:00'), ('seed172-10', '2024-01-01 10:00:00'), ('seed172-11', '2024-01-01 10:00:00'), ('seed172-12', '2024-01-01 10:00:00'), ('seed172-13', '2024-01-01 10:00:00'), ('seed172-14', '2024-01-01 10:00:00'), ('seed172-15', '2024-01-01 10:00:00'), ('seed172-16', '2024-01-01 10:00:00'), ('seed172-17', '2024-01-01 10:00:00'), ('seed172-18', '2024-01-01 10:00:00'), ('seed172-19', '2024-01-01 10:00:00');
-- migration bench.0160_alter_invoices_int_col121
CREATE TABLE "new__invoices" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "accounts_ref_id" integer NULL REFERENCES "accounts" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "int_col46" bigint NULL, "int_col116" bigint NULL, "int_col121" bigint NULL);
INSERT INTO "new__invoices" ("id", "name", "created_at", "accounts_ref_id", "int_col46", "int_col116", "int_col121") SELECT "id", "name", "created_at", "accounts_ref_id", "int_col46", "int_col116", "int_col121" FROM "invoices";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'invoices' COLLATE NOCASE;
DROP TABLE "invoices";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__invoices" RENAME TO "invoices";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "invoices_accounts_ref_id_idx" ON "invoices" ("accounts_ref_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "invoices" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('invoices')) > 0);
-- migration bench.0161_alter_projects_char_col93
CREATE TABLE "new__projects" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "teams_ref_id" integer NULL REFERENCES "teams" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED, "users_ref_id" integer NULL REFERENCES "users" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED, "char_col93" varchar(250) NULL, "decimal_col127" decimal NULL, "int_col132" integer NULL, "bool_col155" bool DEFAULT 0 NULL);
INSERT INTO "new__projects" ("id", "name", "created_at", "teams_ref_id", "users_ref_id", "char_col93", "decimal_col127", "int_col132", "bool_col155") SELECT "id", "name", "created_at", "teams_ref_id", "users_ref_id", "char_col93", "decimal_col127", "int_col132", "bool_col155" FROM "projects";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'projects' COLLATE NOCASE;
DROP TABLE "projects";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__projects" RENAME TO "projects";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "projects_teams_ref_id_idx" ON "projects" ("teams_ref_id");
CREATE INDEX "projects_users_ref_id_idx" ON "projects" ("users_ref_id");
CREATE INDEX "idx_projects_131" ON "projects" ("decimal_col127");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "projects" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('projects')) > 0);
-- migration bench.0162_add_accounts_decimal_col173
ALTER TABLE "accounts" ADD COLUMN "decimal_col173" decimal NULL;
-- migration bench.0163_add_tags_int_col174
ALTER TABLE "tags" ADD COLUMN "int_col174" integer NULL;
CREATE INDEX "idx_comments_175" ON "comments" ("created_at", "decimal_col123");
-- migration bench.0164_add_payments_char_col176
ALTER TABLE "payments" ADD COLUMN "char_col176" varchar(100) NULL;
-- migration bench.0165_alter_payments_bool_col95
CREATE TABLE "new__payments" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "invoices_ref_id" integer NULL REFERENCES "invoices" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED, "bool_col95" bool DEFAULT 1 NULL, "datetime_col98" datetime NULL, "char_col176" varchar(100) NULL);
INSERT INTO "new__payments" ("id", "name", "created_at", "invoices_ref_id", "bool_col95", "datetime_col98", "char_col176") SELECT "id", "name", "created_at", "invoices_ref_id", "bool_col95", "datetime_col98", "char_col176" FROM "payments";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'payments' COLLATE NOCASE;
DROP TABLE "payments";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__payments" RENAME TO "payments";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "payments_invoices_ref_id_idx" ON "payments" ("invoices_ref_id");
CREATE INDEX "payments_datetime_col98_idx" ON "payments" ("datetime_col98");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "payments" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('payments')) > 0);
-- migration bench.0166_add_reviews_datetime_col177
ALTER TABLE "reviews" ADD COLUMN "datetime_col177" datetime NULL;
UPDATE warehouses SET char_col85 = 'unknown' WHERE char_col85 IS NULL;
INSERT INTO audit_logs (name, created_at) VALUES ('seed178-0', '2024-01-01 10:00:00'), ('seed178-1', '2024-01-01 10:00:00'), ('seed178-2', '2024-01-01 10:00:00'), ('seed178-3', '2024-01-01 10:00:00'), ('seed178-4', '2024-01-01 10:00:00'), ('seed178-5', '2024-01-01 10:00:00'), ('seed178-6', '2024-01-01 10:00:00'), ('seed178-7', '2024-01-01 10:00:00'), ('seed178-8', '2024-01-01 10:00:00'), ('seed178-9', '2024-01-01 10:00:00'), ('seed178-10', '2024-01-01 10:00:00'), ('seed178-11', '2024-01-01 10:00:00'), ('seed178-12', '2024-01-01 10:00:00'), ('seed178-13', '2024-01-01 10:00:00'), ('seed178-14', '2024-01-01 10:00:00'), ('seed178-15', '2024-01-01 10:00:00'), ('seed178-16', '2024-01-01 10:00:00'), ('seed178-17', '2024-01-01 10:00:00'), ('seed178-18', '2024-01-01 10:00:00'), ('seed178-19', '2024-01-01 10:00:00');
-- migration bench.0167_add_accounts_datetime_col179
ALTER TABLE "accounts" ADD COLUMN "datetime_col179" datetime NULL;
-- migration bench.0168_add_accounts_projects_link180
ALTER TABLE "accounts" ADD COLUMN "projects_link180_id" integer NULL REFERENCES "projects" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "accounts_projects_link180_id_idx" ON "accounts" ("projects_link180_id");
-- migration bench.0169_rename_products_int_col170
ALTER TABLE "products" RENAME COLUMN "int_col170" TO "int_col181";
-- migration bench.0170_seed_tags
INSERT INTO tags (name, created_at) VALUES ('seed182-0', '2024-01-01 10:00:00'), ('seed182-1', '2024-01-01 10:00:00'), ('seed182-2', '2024-01-01 10:00:00'), ('seed182-3', '2024-01-01 10:00:00'), ('seed182-4', '2024-01-01 10:00:00'), ('seed182-5', '2024-01-01 10:00:00'), ('seed182-6', '2024-01-01 10:00:00'), ('seed182-7', '2024-01-01 10:00:00'), ('seed182-8', '2024-01-01 10:00:00'), ('seed182-9', '2024-01-01 10:00:00'), ('seed182-10', '2024-01-01 10:00:00'), ('seed182-11', '2024-01-01 10:00:00'), ('seed182-12', '2024-01-01 10:00:00'), ('seed182-13', '2024-01-01 10:00:00'), ('seed182-14', '2024-01-01 10:00:00'), ('seed182-15', '2024-01-01 10:00:00'), ('seed182-16', '2024-01-01 10:00:00'), ('seed182-17', '2024-01-01 10:00:00'), ('seed182-18', '2024-01-01 10:00:00'), ('seed182-19', '2024-01-01 10:00:00');
CREATE TABLE "new__comments" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "users_ref_id" integer NULL REFERENCES "users" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED, "teams_ref_id" integer NULL REFERENCES "teams" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "int_col22" bigint NULL, "decimal_col123" decimal NULL);
INSERT INTO "new__comments" ("id", "name", "created_at", "users_ref_id", "teams_ref_id", "int_col22", "decimal_col123") SELECT "id", "name", "created_at", "users_ref_id", "teams_ref_id", "int_col22", "decimal_col123" FROM "comments";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'comments' COLLATE NOCASE;
DROP TABLE "comments";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__comments" RENAME TO "comments";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "comments_users_ref_id_idx" ON "comments" ("users_ref_id");
CREATE INDEX "comments_teams_ref_id_idx" ON "comments" ("teams_ref_id");
CREATE INDEX "idx_comments_60" ON "comments" ("int_col22");
CREATE INDEX "idx_comments_86" ON "comments" ("created_at", "int_col22");
CREATE INDEX "idx_comments_149" ON "comments" ("created_at", "int_col22");
CREATE INDEX "idx_comments_175" ON "comments" ("created_at", "decimal_col123");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "comments" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('comments')) > 0);
-- migration bench.0171_index_idx_comments_183
CREATE INDEX "idx_comments_183" ON "comments" ("decimal_col123");
ALTER TABLE "order_items" ADD COLUMN "bool_col184" bool DEFAULT 0 NULL;
-- migration bench.0172_add_tags_decimal_col185
ALTER TABLE "tags" ADD COLUMN "decimal_col185" decimal NULL;
-- covet guard: a row returned stops the migration
SELECT 'cannot narrow invoices.int_col116 to integer: a row holds the value ', CAST("int_col116" AS text) FROM "invoices" WHERE "int_col116" < -2147483647 - 1 OR "int_col116" > 2147483647 LIMIT 1;
CREATE TABLE "new__invoices" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "accounts_ref_id" integer NULL REFERENCES "accounts" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "int_col46" bigint NULL, "int_col116" integer NULL, "int_col121" bigint NULL);
INSERT INTO "new__invoices" ("id", "name", "created_at", "accounts_ref_id", "int_col46", "int_col116", "int_col121") SELECT "id", "name", "created_at", "accounts_ref_id", "int_col46", "int_col116", "int_col121" FROM "invoices";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'invoices' COLLATE NOCASE;
DROP TABLE "invoices";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__invoices" RENAME TO "invoices";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "invoices_accounts_ref_id_idx" ON "invoices" ("accounts_ref_id");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "invoices" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('invoices')) > 0);
CREATE INDEX "idx_warehouses_186" ON "warehouses" ("created_at", "decimal_col130") WHERE "decimal_col130" IS NOT NULL;
-- migration bench.0173_index_idx_accounts_187
CREATE INDEX "idx_accounts_187" ON "accounts" ("created_at", "datetime_col179") WHERE "datetime_col179" IS NOT NULL;
-- migration bench.0174_backfill_comments_int_col22
UPDATE comments SET int_col22 = 0 WHERE int_col22 IS NULL;
-- migration bench.0175_add_suppliers_int_col188
ALTER TABLE "suppliers" ADD COLUMN "int_col188" integer NULL;
ALTER TABLE "events" ADD COLUMN "int_col189" integer NULL;
-- migration bench.0176_add_tags_projects_link190
ALTER TABLE "tags" ADD COLUMN "projects_link190_id" integer NULL REFERENCES "projects" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "tags_projects_link190_id_idx" ON "tags" ("projects_link190_id");
-- migration bench.0177_index_idx_labels_191
CREATE INDEX "idx_labels_191" ON "labels" ("bool_col129") WHERE "bool_col129" IS NOT NULL;
ALTER TABLE "users" RENAME COLUMN "bool_col160" TO "bool_col192";
INSERT INTO projects (name, created_at) VALUES ('seed193-0', '2024-01-01 10:00:00'), ('seed193-1', '2024-01-01 10:00:00'), ('seed193-2', '2024-01-01 10:00:00'), ('seed193-3', '2024-01-01 10:00:00'), ('seed193-4', '2024-01-01 10:00:00'), ('seed193-5', '2024-01-01 10:00:00'), ('seed193-6', '2024-01-01 10:00:00'), ('seed193-7', '2024-01-01 10:00:00'), ('seed193-8', '2024-01-01 10:00:00'), ('seed193-9', '2024-01-01 10:00:00'), ('seed193-10', '2024-01-01 10:00:00'), ('seed193-11', '2024-01-01 10:00:00'), ('seed193-12', '2024-01-01 10:00:00'), ('seed193-13', '2024-01-01 10:00:00'), ('seed193-14', '2024-01-01 10:00:00'), ('seed193-15', '2024-01-01 10:00:00'), ('seed193-16', '2024-01-01 10:00:00'), ('seed193-17', '2024-01-01 10:00:00'), ('seed193-18', '2024-01-01 10:00:00'), ('seed193-19', '2024-01-01 10:00:00');
-- migration bench.0178_backfill_tasks_char_col146
UPDATE tasks SET char_col146 = 'unknown' WHERE char_col146 IS NULL;
-- migration bench.0179_add_orders_accounts_link194
ALTER TABLE "orders" ADD COLUMN "accounts_link194_id" integer NULL REFERENCES "accounts" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "orders_accounts_link194_id_idx" ON "orders" ("accounts_link194_id");
-- migration bench.0180_add_tasks_datetime_col195
ALTER TABLE "tasks" ADD COLUMN "datetime_col195" datetime NULL;
ALTER TABLE "suppliers" ADD COLUMN "categories_link196_id" integer NULL REFERENCES "categories" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "suppliers_categories_link196_id_idx" ON "suppliers" ("categories_link196_id");
-- migration bench.0181_add_suppliers_bool_col197
ALTER TABLE "suppliers" ADD COLUMN "bool_col197" bool DEFAULT 0 NULL;
CREATE INDEX "idx_warehouses_198" ON "warehouses" ("int_col139");
-- migration bench.0182_index_idx_invoices_199
CREATE INDEX "idx_invoices_199" ON "invoices" ("created_at", "int_col121");
ALTER TABLE "payments" RENAME COLUMN "char_col176" TO "char_col200";
-- migration bench.0183_index_idx_orders_201
CREATE INDEX "idx_orders_201" ON "orders" ("char_col97");
-- migration bench.0184_index_idx_warehouses_202
CREATE INDEX "idx_warehouses_202" ON "warehouses" ("char_col85");
-- migration bench.0185_add_teams_datetime_col203
ALTER TABLE "teams" ADD COLUMN "datetime_col203" datetime NULL;
CREATE TABLE "new__invoices" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "accounts_ref_id" integer NULL REFERENCES "accounts" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "int_col46" bigint NULL, "int_col116" bigint NULL, "int_col121" bigint NULL);
INSERT INTO "new__invoices" ("id", "name", "created_at", "accounts_ref_id", "int_col46", "int_col116", "int_col121") SELECT "id", "name", "created_at", "accounts_ref_id", "int_col46", "int_col116", "int_col121" FROM "invoices";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'invoices' COLLATE NOCASE;
DROP TABLE "invoices";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__invoices" RENAME TO "invoices";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "invoices_accounts_ref_id_idx" ON "invoices" ("accounts_ref_id");
CREATE INDEX "idx_invoices_199" ON "invoices" ("created_at", "int_col121");
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "invoices" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('invoices')) > 0);
-- migration bench.0186_rename_warehouses_char_col85
ALTER TABLE "warehouses" RENAME COLUMN "char_col85" TO "char_col204";
-- migration bench.0187_seed_audit_logs
INSERT INTO audit_logs (name, created_at) VALUES ('seed205-0', '2024-01-01 10:00:00'), ('seed205-1', '2024-01-01 10:00:00'), ('seed205-2', '2024-01-01 10:00:00'), ('seed205-3', '2024-01-01 10:00:00'), ('seed205-4', '2024-01-01 10:00:00'), ('seed205-5', '2024-01-01 10:00:00'), ('seed205-6', '2024-01-01 10:00:00'), ('seed205-7', '2024-01-01 10:00:00'), ('seed205-8', '2024-01-01 10:00:00'), ('seed205-9', '2024-01-01 10:00:00'), ('seed205-10', '2024-01-01 10:00:00'), ('seed205-11', '2024-01-01 10:00:00'), ('seed205-12', '2024-01-01 10:00:00'), ('seed205-13', '2024-01-01 10:00:00'), ('seed205-14', '2024-01-01 10:00:00'), ('seed205-15', '2024-01-01 10:00:00'), ('seed205-16', '2024-01-01 10:00:00'), ('seed205-17', '2024-01-01 10:00:00'), ('seed205-18', '2024-01-01 10:00:00'), ('seed205-19', '2024-01-01 10:00:00');
-- migration bench.0188_add_suppliers_datetime_col206
ALTER TABLE "suppliers" ADD COLUMN "datetime_col206" datetime NULL;
-- migration bench.0189_index_idx_suppliers_207
CREATE INDEX "idx_suppliers_207" ON "suppliers" ("created_at", "int_col102") WHERE "int_col102" IS NOT NULL;
-- migration bench.0190_backfill_order_items_int_col58
UPDATE order_items SET int_col58 = 0 WHERE int_col58 IS NULL;
-- migration bench.0191_alter_audit_logs_bool_col57
CREATE TABLE "new__audit_logs" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "tags_ref_id" integer NULL REFERENCES "tags" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "decimal_col103" decimal NULL, "audit_logs_link55_id" integer NULL REFERENCES "audit_logs" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "bool_col57" bool DEFAULT 1 NULL, "bool_col157" bool DEFAULT 0 NULL);
INSERT INTO "new__audit_logs" ("id", "name", "created_at", "tags_ref_id", "decimal_col103", "audit_logs_link55_id", "bool_col57", "bool_col157") SELECT "id", "name", "created_at", "tags_ref_id", "decimal_col103", "audit_logs_link55_id", "bool_col57", "bool_col157" FROM "audit_logs";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_logs' COLLATE NOCASE;
DROP TABLE "audit_logs";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__audit_logs" RENAME TO "audit_logs";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "audit_logs_tags_ref_id_idx" ON "audit_logs" ("tags_ref_id");
CREATE INDEX "audit_logs_audit_logs_link55_id_idx" ON "audit_logs" ("audit_logs_link55_id");
CREATE INDEX "idx_audit_logs_69" ON "audit_logs" ("created_at", "decimal_col103");
CREATE INDEX "idx_audit_logs_105" ON "audit_logs" ("decimal_col103");
CREATE INDEX "idx_audit_logs_168" ON "audit_logs" ("bool_col157") WHERE "bool_col157" IS NOT NULL;
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "audit_logs" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('audit_logs')) > 0);
-- migration bench.0192_index_idx_projects_208
CREATE INDEX "idx_projects_208" ON "projects" ("decimal_col127");
-- migration bench.0193_add_orders_datetime_col209
ALTER TABLE "orders" ADD COLUMN "datetime_col209" datetime NULL;
-- migration bench.0194_seed_labels
INSERT INTO labels (name, created_at) VALUES ('seed210-0', '2024-01-01 10:00:00'), ('seed210-1', '2024-01-01 10:00:00'), ('seed210-2', '2024-01-01 10:00:00'), ('seed210-3', '2024-01-01 10:00:00'), ('seed210-4', '2024-01-01 10:00:00'), ('seed210-5', '2024-01-01 10:00:00'), ('seed210-6', '2024-01-01 10:00:00'), ('seed210-7', '2024-01-01 10:00:00'), ('seed210-8', '2024-01-01 10:00:00'), ('seed210-9', '2024-01-01 10:00:00'), ('seed210-10', '2024-01-01 10:00:00'), ('seed210-11', '2024-01-01 10:00:00'), ('seed210-12', '2024-01-01 10:00:00'), ('seed210-13', '2024-01-01 10:00:00'), ('seed210-14', '2024-01-01 10:00:00'), ('seed210-15', '2024-01-01 10:00:00'), ('seed210-16', '2024-01-01 10:00:00'), ('seed210-17', '2024-01-01 10:00:00'), ('seed210-18', '2024-01-01 10:00:00'), ('seed210-19', '2024-01-01 10:00:00');
-- migration bench.0195_seed_accounts
INSERT INTO accounts (name, created_at) VALUES ('seed211-0', '2024-01-01 10:00:00'), ('seed211-1', '2024-01-01 10:00:00'), ('seed211-2', '2024-01-01 10:00:00'), ('seed211-3', '2024-01-01 10:00:00'), ('seed211-4', '2024-01-01 10:00:00'), ('seed211-5', '2024-01-01 10:00:00'), ('seed211-6', '2024-01-01 10:00:00'), ('seed211-7', '2024-01-01 10:00:00'), ('seed211-8', '2024-01-01 10:00:00'), ('seed211-9', '2024-01-01 10:00:00'), ('seed211-10', '2024-01-01 10:00:00'), ('seed211-11', '2024-01-01 10:00:00'), ('seed211-12', '2024-01-01 10:00:00'), ('seed211-13', '2024-01-01 10:00:00'), ('seed211-14', '2024-01-01 10:00:00'), ('seed211-15', '2024-01-01 10:00:00'), ('seed211-16', '2024-01-01 10:00:00'), ('seed211-17', '2024-01-01 10:00:00'), ('seed211-18', '2024-01-01 10:00:00'), ('seed211-19', '2024-01-01 10:00:00');
-- migration bench.0196_seed_users
INSERT INTO users (name, created_at) VALUES ('seed212-0', '2024-01-01 10:00:00'), ('seed212-1', '2024-01-01 10:00:00'), ('seed212-2', '2024-01-01 10:00:00'), ('seed212-3', '2024-01-01 10:00:00'), ('seed212-4', '2024-01-01 10:00:00'), ('seed212-5', '2024-01-01 10:00:00'), ('seed212-6', '2024-01-01 10:00:00'), ('seed212-7', '2024-01-01 10:00:00'), ('seed212-8', '2024-01-01 10:00:00'), ('seed212-9', '2024-01-01 10:00:00'), ('seed212-10', '2024-01-01 10:00:00'), ('seed212-11', '2024-01-01 10:00:00'), ('seed212-12', '2024-01-01 10:00:00'), ('seed212-13', '2024-01-01 10:00:00'), ('seed212-14', '2024-01-01 10:00:00'), ('seed212-15', '2024-01-01 10:00:00'), ('seed212-16', '2024-01-01 10:00:00'), ('seed212-17', '2024-01-01 10:00:00'), ('seed212-18', '2024-01-01 10:00:00'), ('seed212-19', '2024-01-01 10:00:00');
ALTER TABLE "audit_logs" RENAME COLUMN "decimal_col103" TO "decimal_col213";
-- migration bench.0197_backfill_tasks_char_col146
UPDATE tasks SET char_col146 = 'unknown' WHERE char_col146 IS NULL;
-- migration bench.0198_alter_labels_bool_col129
CREATE TABLE "new__labels" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NULL, "created_at" datetime NULL, "tasks_ref_id" integer NULL REFERENCES "tasks" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, "decimal_col124" decimal NULL, "bool_col129" bool DEFAULT 1 NULL, "decimal_col156" decimal NULL, "datetime_col169" datetime NULL);
INSERT INTO "new__labels" ("id", "name", "created_at", "tasks_ref_id", "decimal_col124", "bool_col129", "decimal_col156", "datetime_col169") SELECT "id", "name", "created_at", "tasks_ref_id", "decimal_col124", "bool_col129", "decimal_col156", "datetime_col169" FROM "labels";
CREATE TEMP TABLE temp."covet_saved_triggers" AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'labels' COLLATE NOCASE;
DROP TABLE "labels";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "new__labels" RENAME TO "labels";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "labels_tasks_ref_id_idx" ON "labels" ("tasks_ref_id");
CREATE INDEX "idx_labels_191" ON "labels" ("bool_col129") WHERE "bool_col129" IS NOT NULL;
-- covet runs each statement this returns
SELECT sql FROM temp."covet_saved_triggers" ORDER BY rowid;
DROP TABLE temp."covet_saved_triggers";
-- covet runs each statement this returns
SELECT 'ALTER TABLE "labels" RENAME COLUMN "id" TO "id"' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('labels')) > 0);
ALTER TABLE "audit_logs" ADD COLUMN "datetime_col214" datetime NULL;
-- migration bench.0199_add_projects_int_col215
ALTER TABLE "projects" ADD COLUMN "int_col215" integer NULL;
INSERT INTO warehouses (name, created_at) VALUES ('seed216-0', '2024-01-01 10:00:00'), ('seed216-1', '2024-01-01 10:00:00'), ('seed216-2', '2024-01-01 10:00:00'), ('seed216-3', '2024-01-01 10:00:00'), ('seed216-4', '2024-01-01 10:00:00'), ('seed216-5', '2024-01-01 10:00:00'), ('seed216-6', '2024-01-01 10:00:00'), ('seed216-7', '2024-01-01 10:00:00'), ('seed216-8', '2024-01-01 10:00:00'), ('seed216-9', '2024-01-01 10:00:00'), ('seed216-10', '2024-01-01 10:00:00'), ('seed216-11', '2024-01-01 10:00:00'), ('seed216-12', '2024-01-01 10:00:00'), ('seed216-13', '2024-01-01 10:00:00'), ('seed216-14', '2024-01-01 10:00:00'), ('seed216-15', '2024-01-01 10:00:00'), ('seed216-16', '2024-01-01 10:00:00'), ('seed216-17', '2024-01-01 10:00:00'), ('seed216-18', '2024-01-01 10:00:00'), ('seed216-19', '2024-01-01 10:00:00');
-- migration bench.0200_rename_payments_bool_col95
ALTER TABLE "payments" RENAME COLUMN "bool_col95" TO "bool_col217";
CREATE INDEX "idx_tags_218" ON "tags" ("int_col174");
