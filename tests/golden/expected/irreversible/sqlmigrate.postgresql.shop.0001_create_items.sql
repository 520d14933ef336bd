CREATE TABLE "items" ("id" serial NOT NULL PRIMARY KEY, "name" varchar(50) NOT NULL);
