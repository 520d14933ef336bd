DROP TABLE "authors";
