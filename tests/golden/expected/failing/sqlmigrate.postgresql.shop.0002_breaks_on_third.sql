CREATE TABLE "extra" ("id" serial NOT NULL PRIMARY KEY);
ALTER TABLE "base" ADD COLUMN "note" text NULL;
INSERT INTO no_such_table (x) VALUES (1);
