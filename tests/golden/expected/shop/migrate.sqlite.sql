-- migration shop.0001_create_customers
CREATE TABLE "customers" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NOT NULL, "email" varchar(254) NOT NULL UNIQUE);
-- migration shop.0002_create_orders
CREATE TABLE "orders" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "customer_id" integer NOT NULL REFERENCES "customers" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "total" decimal NOT NULL);
CREATE INDEX "orders_customer_id_idx" ON "orders" ("customer_id");
-- migration shop.0003_add_order_note
ALTER TABLE "orders" ADD COLUMN "note" text NULL;
CREATE INDEX "idx_orders_total" ON "orders" ("total");
