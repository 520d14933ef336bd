-- migration jobs.0001_first
CREATE TABLE "first_t" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT);
-- migration jobs.0002_slow
CREATE TABLE "slow_marker" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT);
CREATE TABLE slow_big AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 15000000) SELECT count(*) AS n FROM c;
-- migration jobs.0003_after
CREATE TABLE "after_t" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT);
