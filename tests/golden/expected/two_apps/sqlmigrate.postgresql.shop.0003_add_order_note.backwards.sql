DROP INDEX "idx_orders_total";
ALTER TABLE "orders" DROP COLUMN "note" CASCADE;
