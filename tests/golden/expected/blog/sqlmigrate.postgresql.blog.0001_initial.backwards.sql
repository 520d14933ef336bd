DROP TABLE "posts_tags";
DROP TABLE "posts";
DROP TABLE "tags";
DROP TABLE "users";
