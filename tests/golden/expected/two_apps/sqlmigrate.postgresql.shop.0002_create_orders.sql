CREATE TABLE "orders" ("id" serial NOT NULL PRIMARY KEY, "customer_id" integer NOT NULL, "total" numeric(10, 2) NOT NULL);
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_fk_customers_id" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "orders_customer_id_idx" ON "orders" ("customer_id");
