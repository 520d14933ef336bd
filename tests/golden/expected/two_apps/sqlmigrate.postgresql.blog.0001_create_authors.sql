CREATE TABLE "authors" ("id" serial NOT NULL PRIMARY KEY, "name" varchar(100) NOT NULL);
