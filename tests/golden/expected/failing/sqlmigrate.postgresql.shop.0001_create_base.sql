CREATE TABLE "base" ("id" serial NOT NULL PRIMARY KEY, "label" varchar(20) NOT NULL);
