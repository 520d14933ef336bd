CREATE TABLE "first_t" ("id" serial NOT NULL PRIMARY KEY);
