ALTER TABLE "orders" ADD COLUMN "note" text NULL;
CREATE INDEX "idx_orders_total" ON "orders" ("total");
