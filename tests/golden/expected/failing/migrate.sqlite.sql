-- migration shop.0001_create_base
CREATE TABLE "base" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "label" varchar(20) NOT NULL);
-- migration shop.0002_breaks_on_third
CREATE TABLE "extra" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT);
ALTER TABLE "base" ADD COLUMN "note" text NULL;
INSERT INTO no_such_table (x) VALUES (1);
