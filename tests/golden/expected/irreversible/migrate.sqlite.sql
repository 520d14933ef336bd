-- migration shop.0001_create_items
CREATE TABLE "items" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(50) NOT NULL);
-- migration shop.0002_seed_items
INSERT INTO items (name) VALUES ('kept');
