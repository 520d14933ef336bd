DROP TABLE "after_t";
