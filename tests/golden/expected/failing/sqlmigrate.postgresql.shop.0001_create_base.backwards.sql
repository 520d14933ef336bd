DROP TABLE "base";
