CREATE TABLE "customers" ("id" serial NOT NULL PRIMARY KEY, "name" varchar(100) NOT NULL, "email" varchar(254) NOT NULL CONSTRAINT "customers_email_uniq" UNIQUE);
