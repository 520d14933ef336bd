CREATE TABLE "after_t" ("id" serial NOT NULL PRIMARY KEY);
