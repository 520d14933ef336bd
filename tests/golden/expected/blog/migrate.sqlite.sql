-- migration blog.0001_initial
CREATE TABLE "users" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NOT NULL, "email" varchar(254) NOT NULL UNIQUE, "created_at" datetime NOT NULL);
CREATE TABLE "tags" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(50) NOT NULL UNIQUE);
CREATE TABLE "posts" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar(200) NOT NULL, "body" text NOT NULL, "author_id" integer NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "view_count" integer DEFAULT 0 NOT NULL, "published_at" datetime NULL);
CREATE INDEX "posts_author_id_idx" ON "posts" ("author_id");
CREATE TABLE "posts_tags" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "post_id" integer NOT NULL REFERENCES "posts" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "tag_id" integer NOT NULL REFERENCES "tags" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "posts_tags_post_id_tag_id_uniq" UNIQUE ("post_id", "tag_id"));
CREATE INDEX "posts_tags_post_id_idx" ON "posts_tags" ("post_id");
CREATE INDEX "posts_tags_tag_id_idx" ON "posts_tags" ("tag_id");
-- migration blog.0002_add_profile
CREATE TABLE "profiles" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "bio" text NOT NULL, "website" varchar(200) NULL);
ALTER TABLE "users" ADD COLUMN "profile_id" integer NULL REFERENCES "profiles" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "users_profile_id_idx" ON "users" ("profile_id");
-- migration blog.0003_add_index
CREATE INDEX "idx_posts_published" ON "posts" ("published_at");
